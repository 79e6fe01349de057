"""The whole medical review, through the admin's own views."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from conditions.models import ConditionPage
from review.models import MedicalReviewTask

from .admin_forms import guide_form, was_denied


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action(client, page, action, **data):
    page = ConditionPage.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, data)


def submit(client, page, **fields):
    return client.post(edit_url(page), guide_form(page, **fields) | {"action-submit": "1"})


def test_guides_use_the_medical_review_workflow(guide):
    workflow = guide.get_workflow()
    assert workflow.name == "Medical review"
    task = workflow.tasks.get().specific
    assert isinstance(task, MedicalReviewTask)
    assert list(task.groups.values_list("name", flat=True)) == ["Medical reviewers"]


def test_editor_sees_submit_for_medical_review(guide, client_for):
    response = client_for("editor").get(edit_url(guide))
    content = response.content.decode()
    assert "Submit for medical review" in content
    assert "Submit to Medical review" not in content
    assert 'name="action-publish"' not in content


def test_submission_emails_the_reviewers(guide, client_for, users):
    mail.outbox.clear()
    submit(client_for("editor"), guide, summary="A clearer summary.")
    recipients = {address for message in mail.outbox for address in message.to}
    assert users["reviewer"].email in recipients
    assert users["editor"].email not in recipients


def test_reviewer_sees_pending_guides_on_the_dashboard(guide, client_for):
    submit(client_for("editor"), guide, summary="A clearer summary.")
    response = client_for("reviewer").get(reverse("wagtailadmin_home"))
    assert "Awaiting your review" in response.content.decode()
    assert "Dystonia" in response.content.decode()


def test_reject_resubmit_approve_publishes_with_the_review_record(guide, client_for, users):
    editor, reviewer = client_for("editor"), client_for("reviewer")
    users["reviewer"].first_name, users["reviewer"].last_name = "Rita", "Okafor"
    users["reviewer"].save()

    response = submit(editor, guide, summary="Cannabis cures dystonia.")
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.summary != "Cannabis cures dystonia."  # Still the published text.
    assert guide.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    mail.outbox.clear()
    response = workflow_action(reviewer, guide, "reject", comment="Remove the claim of a cure.")
    assert response.status_code == 302
    state = WorkflowState.objects.get(status=WorkflowState.STATUS_NEEDS_CHANGES)
    assert state.current_task_state.comment == "Remove the claim of a cure."
    rejection = [m for m in mail.outbox if users["editor"].email in m.to]
    assert rejection and "Remove the claim of a cure." in rejection[0].body

    response = editor.get(edit_url(guide))
    assert "Resubmit for medical review" in response.content.decode()
    assert "Remove the claim of a cure." in response.content.decode()

    response = submit(editor, guide, summary="Research on cannabis for dystonia is thin.")
    assert response.status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    response = workflow_action(reviewer, guide, "approve", comment="", not_clinical="")
    assert response.status_code == 302

    guide.refresh_from_db()
    assert guide.live and not guide.has_unpublished_changes
    assert guide.summary == "Research on cannabis for dystonia is thin."
    assert guide.last_reviewed == timezone.localdate()
    assert guide.reviewed_by == "Rita Okafor"
    assert guide.live_revision.as_object().reviewed_by == "Rita Okafor"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    response = client_for("anonymous").get("/en/conditions/dystonia/")
    assert "Research on cannabis for dystonia is thin." in response.content.decode()
    assert "Rita Okafor" in response.content.decode()


def test_a_non_clinical_approval_keeps_the_review_dates(guide, client_for):
    submit(client_for("editor"), guide, summary="Fixed a typo.")
    workflow_action(client_for("reviewer"), guide, "approve", not_clinical="on")
    guide.refresh_from_db()
    assert guide.summary == "Fixed a typo."
    assert guide.last_reviewed == datetime.date(2026, 1, 15)
    assert guide.reviewed_by == "Dr Test Reviewer, neurologist"


def test_approval_form_asks_whether_the_change_was_clinical(guide, client_for):
    submit(client_for("editor"), guide, summary="Fixed a typo.")
    guide = ConditionPage.objects.get(pk=guide.pk)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[guide.pk, "approve", guide.current_workflow_task_state.pk],
    )
    response = client_for("reviewer").get(url)
    assert "This change was not clinical (keep the review dates)" in response.json()["html"]


def test_a_rejection_needs_a_comment(guide, client_for):
    submit(client_for("editor"), guide, summary="Fixed a typo.")
    workflow_action(client_for("reviewer"), guide, "reject", comment="")
    guide = ConditionPage.objects.get(pk=guide.pk)
    assert guide.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_an_edit_after_submission_needs_approval_again(guide, client_for, settings):
    assert settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT
    submit(client_for("editor"), guide, summary="First change.")
    client_for("reviewer").post(
        edit_url(guide),
        guide_form(ConditionPage.objects.get(pk=guide.pk), summary="Reviewer's own wording.")
        | {
            "action-workflow-action": "1",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": '{"comment": "", "not_clinical": false}',
        },
    )
    guide.refresh_from_db()
    assert guide.live_revision.as_object().summary == "Reviewer's own wording."
    assert guide.summary == "Reviewer's own wording."


@pytest.mark.parametrize("role", ["editor", "manager"])
def test_only_reviewers_can_approve(guide, client_for, role):
    submit(client_for("editor"), guide, summary="Changed.")
    response = workflow_action(client_for(role), guide, "approve", not_clinical="")
    assert was_denied(response)
    guide = ConditionPage.objects.get(pk=guide.pk)
    assert guide.summary != "Changed."
    assert guide.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
