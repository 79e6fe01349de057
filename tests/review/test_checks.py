"""What stops a guide going to review, and what only warns the editor."""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import WorkflowState

from conditions.models import ConditionPage
from review.checks import editor_warnings, submission_problems
from tests.factories import ConditionPageFactory, cannabis_evidence, overview, study

from .admin_forms import guide_form


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def post_edit(client, page, follow=True, **fields):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        guide_form(page, **fields),
        follow=follow,
    )


def test_a_complete_guide_can_be_submitted(guide, client_for):
    post_edit(client_for("editor"), guide, **{"action-submit": "1"})
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


def test_a_guide_without_a_next_review_date_is_saved_but_not_submitted(guide, client_for):
    response = post_edit(
        client_for("editor"),
        guide,
        summary="New words.",
        next_review_due="",
        **{"action-submit": "1"},
    )
    assert not WorkflowState.objects.exists()
    assert any(
        "not sent for medical review" in m and "Next review due" in m for m in messages_of(response)
    )
    draft = ConditionPage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    assert draft.summary == "New words."  # The editor's work is kept as a draft.


def test_evidence_above_insufficient_needs_a_study(guide, client_for):
    body = [overview(), cannabis_evidence([], level="moderate")]
    response = post_edit(client_for("editor"), guide, body=body, **{"action-submit": "1"})
    assert not WorkflowState.objects.exists()
    assert any("add the studies behind it" in m for m in messages_of(response))


def test_insufficient_evidence_needs_no_study(guide, client_for):
    body = [overview(), cannabis_evidence([], level="insufficient")]
    post_edit(client_for("editor"), guide, body=body, **{"action-submit": "1"})
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


def test_a_guide_without_an_overview_is_not_submitted(guide, client_for):
    body = [cannabis_evidence([study()], level="limited")]
    response = post_edit(client_for("editor"), guide, body=body, **{"action-submit": "1"})
    assert response.status_code == 200  # The form comes back with its errors.
    assert not WorkflowState.objects.exists()


def test_new_guides_are_checked_too(conditions_index, client_for):
    url = reverse(
        "wagtailadmin_pages:add",
        args=["conditions", "conditionpage", conditions_index.pk],
    )
    data = guide_form(body=[overview()], next_review_due="") | {"action-submit": "1"}
    response = client_for("editor").post(url, data, follow=True)
    guide = ConditionPage.objects.get(slug="dystonia")
    assert not guide.live
    assert not WorkflowState.objects.exists()
    assert any("not sent for medical review" in m for m in messages_of(response))


def test_submission_problems_lists_each_problem(conditions_index):
    page = ConditionPageFactory.build(
        body=[cannabis_evidence([], level="substantial")], next_review_due=None
    )
    problems = submission_problems(page)
    assert len(problems) == 3


def test_editors_are_warned_about_flagged_claims_and_http_links(guide, client_for):
    body = [
        overview('<p>This miracle oil. See <a href="http://example.org/old">this</a>.</p>'),
        cannabis_evidence(
            [study(url="http://example.com/study", pmid="", doi="")], level="limited"
        ),
    ]
    response = post_edit(client_for("editor"), guide, body=body, summary="Guaranteed relief.")
    messages = messages_of(response)
    claims = [m for m in messages if "Health regulators flag" in m]
    assert claims and "miracle" in claims[0] and "guaranteed" in claims[0]
    links = [m for m in messages if "http:" in m]
    assert links and "http://example.org/old" in links[0] and "http://example.com/study" in links[0]
    # Warnings never block: the draft is saved.
    assert ConditionPage.objects.get(pk=guide.pk).has_unpublished_changes


def test_a_careful_guide_has_no_warnings(guide):
    assert editor_warnings(guide, ["cure", "miracle"]) == []


def test_claim_words_match_whole_words_only(guide):
    guide.summary = "Securement of the brace."  # Contains "cure" inside a word.
    assert editor_warnings(guide, ["cure"]) == []


@pytest.mark.django_db
def test_images_without_a_description_are_flagged(guide):
    image = get_image_model().objects.create(title="Leaves", file=get_test_image_file())
    guide.hero_image = image
    guide.hero_image_alt = ""
    warnings = editor_warnings(guide, [])
    assert any("no description" in warning for warning in warnings)


def test_restarting_review_is_checked_too(guide, client_for):
    editor = client_for("editor")
    post_edit(editor, guide, **{"action-submit": "1"})
    state = WorkflowState.objects.get()
    response = post_edit(
        editor,
        ConditionPage.objects.get(pk=guide.pk),
        next_review_due="",
        **{"action-restart-workflow": "1"},
    )
    assert WorkflowState.objects.get() == state  # Not cancelled and restarted.
    assert any("not sent for medical review" in m for m in messages_of(response))
