"""Review credit comes from the review: the approving reviewer's profile and today's date."""

import datetime
import html

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Site

from conditions.models import ConditionPage
from review.models import ReviewerProfile

from .admin_forms import guide_form
from .test_workflow import edit_url, submit, workflow_action

FACTORY_CREDIT = ("Dr Test Reviewer, neurologist", datetime.date(2026, 1, 15))


def credit_of(page):
    page = ConditionPage.objects.get(pk=page.pk)
    return page.reviewed_by, page.last_reviewed


def test_the_editor_shows_the_review_credit_read_only(guide, client_for):
    content = client_for("editor").get(edit_url(guide)).content.decode()
    assert "Dr Test Reviewer, neurologist" in content
    assert 'name="reviewed_by"' not in content
    assert 'name="last_reviewed"' not in content
    assert 'name="next_review_due"' in content


def test_a_crafted_post_cannot_change_the_review_credit(guide, client_for):
    editor = client_for("editor")
    submit(editor, guide, reviewed_by="Dr Fake, cardiologist", last_reviewed="2026-11-30")
    draft = ConditionPage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    assert (draft.reviewed_by, draft.last_reviewed) == FACTORY_CREDIT

    workflow_action(client_for("reviewer"), guide, "approve", not_clinical="on")
    assert credit_of(guide) == FACTORY_CREDIT
    assert "Dr Fake" not in client_for("anonymous").get("/en/conditions/dystonia/").content.decode()


def test_approval_credits_the_reviewer_with_the_name_and_role_in_their_profile(
    guide, client_for, users
):
    ReviewerProfile.objects.create(
        user=users["reviewer"], credited_name="Dr Rita Okafor", role="consultant neurologist"
    )
    submit(client_for("editor"), guide, summary="Clearer words.")
    workflow_action(client_for("reviewer"), guide, "approve", not_clinical="")
    assert credit_of(guide) == ("Dr Rita Okafor, consultant neurologist", timezone.localdate())
    page = client_for("anonymous").get("/en/conditions/dystonia/").content.decode()
    assert "by Dr Rita Okafor, consultant neurologist" in page


def test_without_a_profile_the_account_name_is_credited(guide, client_for):
    submit(client_for("editor"), guide, summary="Clearer words.")
    workflow_action(client_for("reviewer"), guide, "approve", not_clinical="")
    assert credit_of(guide) == ("Reviewer Tester", timezone.localdate())


def test_not_clinical_keeps_the_last_approved_review_even_if_the_draft_differs(guide, client_for):
    # A draft carrying another credit (say, restored from an old revision).
    draft = guide.get_latest_revision_as_object()
    draft.reviewed_by, draft.last_reviewed = "Dr Fake, cardiologist", datetime.date(2026, 11, 30)
    draft.save_revision()
    submit(client_for("editor"), ConditionPage.objects.get(pk=guide.pk), summary="A typo fixed.")
    workflow_action(client_for("reviewer"), guide, "approve", not_clinical="on")
    assert credit_of(guide) == FACTORY_CREDIT


def test_reviewers_set_their_credit_in_their_account_settings(client_for, users):
    reviewer = client_for("reviewer")
    response = reviewer.get(reverse("wagtailadmin_account"))
    assert "Credit on reviewed guides" in response.content.decode()
    data = {
        "name_email-first_name": "Reviewer",
        "name_email-last_name": "Tester",
        "name_email-email": users["reviewer"].email,
        "review_credit-credited_name": "Dr Rita Okafor",
        "review_credit-role": "consultant neurologist",
        "locale-preferred_language": "en",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }
    response = reviewer.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 302, response.context and [
        form.errors for form in response.context.get("panel_forms", [])
    ]
    profile = ReviewerProfile.objects.get(user=users["reviewer"])
    assert profile.credit() == "Dr Rita Okafor, consultant neurologist"


def test_editors_do_not_get_a_review_credit_panel(client_for):
    response = client_for("editor").get(reverse("wagtailadmin_account"))
    assert "Credit on reviewed guides" not in response.content.decode()


def test_site_managers_edit_reviewers_credits_and_editors_cannot(client_for, users):
    profile = ReviewerProfile.objects.create(user=users["reviewer"], role="neurologist")
    url = reverse("wagtailsnippets_review_reviewerprofile:edit", args=[profile.pk])
    assert client_for("manager").get(url).status_code == 200
    response = client_for("manager").post(
        url, {"user": users["reviewer"].pk, "credited_name": "Dr R. Okafor", "role": "neurologist"}
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.credited_name == "Dr R. Okafor"
    assert client_for("editor").get(url).status_code in (302, 403)


def test_the_approve_dialog_lists_what_changed_since_the_last_approval(guide, client_for):
    submit(client_for("editor"), guide, summary="A different summary.")
    guide = ConditionPage.objects.get(pk=guide.pk)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[guide.pk, "approve", guide.current_workflow_task_state.pk],
    )
    html = client_for("reviewer").get(url).json()["html"]
    assert "What changed since the last approved version" in html
    assert "<li>Summary</li>" in html
    assert "<li>Title</li>" not in html
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[guide.pk, guide.live_revision_id, guide.latest_revision_id],
    )
    assert compare in html
    assert "Reviewer Tester" in html  # The credit the approval will give.


def test_the_editor_sees_the_reviewers_comment_until_resubmitting(guide, client_for):
    editor = client_for("editor")
    submit(editor, guide, summary="Cannabis cures dystonia.")
    workflow_action(client_for("reviewer"), guide, "reject", comment="Remove the claim of a cure.")
    content = editor.get(edit_url(guide)).content.decode()
    banner = content[content.index("data-reviewer-comment") :][:1500]
    assert "Reviewer Tester asked for changes on" in banner
    assert timezone.localdate().strftime("%-d %B %Y") in banner
    assert "Remove the claim of a cure." in banner

    submit(editor, ConditionPage.objects.get(pk=guide.pk), summary="Research is thin.")
    assert "data-reviewer-comment" not in editor.get(edit_url(guide)).content.decode()


def messages_after(response):
    """Each message's text, without the buttons Wagtail adds to some."""
    return [html.unescape(strip_tags(str(m))).split("\n")[0] for m in response.context["messages"]]


def test_approving_in_the_editor_says_it_was_published(guide, client_for):
    submit(client_for("editor"), guide, summary="Clearer words.")
    guide = ConditionPage.objects.get(pk=guide.pk)
    response = client_for("reviewer").post(
        edit_url(guide),
        guide_form(guide)
        | {
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": '{"comment": "", "not_clinical": false}',
        },
        follow=True,
    )
    assert messages_after(response) == ["'Dystonia' approved and published."]


def test_requesting_changes_says_so(guide, client_for):
    submit(client_for("editor"), guide, summary="Clearer words.")
    reviewer = client_for("reviewer")
    response = workflow_action(reviewer, guide, "reject", comment="Cite a source.")
    response = reviewer.get(response["Location"], follow=True)
    assert any(m.startswith("Changes requested on 'Dystonia'.") for m in messages_after(response))


def test_the_emails_use_our_words_and_the_sites_own_address(guide, client_for, users, settings):
    settings.WAGTAILADMIN_BASE_URL = ""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "guides.example.org", 443
    site.save()
    mail.outbox.clear()
    submit(client_for("editor"), guide, summary="Clearer words.")
    to_reviewer = next(m for m in mail.outbox if users["reviewer"].email in m.to)
    assert to_reviewer.subject == 'Waiting for your medical review: "Dystonia"'
    assert f"https://guides.example.org/admin/pages/{guide.pk}/edit/" in to_reviewer.body
    assert ":8000" not in to_reviewer.body

    mail.outbox.clear()
    workflow_action(client_for("reviewer"), guide, "reject", comment="Cite a source.")
    to_editor = next(m for m in mail.outbox if users["editor"].email in m.to)
    assert "rejected" not in (to_editor.subject + to_editor.body).lower()
    assert to_editor.subject == 'Changes requested in medical review: "Dystonia"'
    assert 'Their comment: "Cite a source."' in to_editor.body
    assert f"https://guides.example.org/admin/pages/{guide.pk}/edit/" in to_editor.body

    mail.outbox.clear()
    submit(client_for("editor"), ConditionPage.objects.get(pk=guide.pk), summary="Sourced.")
    workflow_action(client_for("reviewer"), guide, "approve", not_clinical="")
    to_editor = next(m for m in mail.outbox if users["editor"].email in m.to)
    assert to_editor.subject == 'Approved and published: "Dystonia"'
    assert "https://guides.example.org/en/conditions/dystonia/" in to_editor.body


def test_the_interface_says_medical_review_not_moderation(guide, client_for):
    editor = client_for("editor")
    response = submit(editor, guide, summary="Clearer words.")
    response = editor.get(response["Location"])
    assert "'Dystonia' has been sent for medical review." in messages_after(response)
    content = editor.get(edit_url(guide)).content.decode()
    assert "In medical review" in content
    assert "moderation" not in content.lower()
