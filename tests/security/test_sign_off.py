"""A second pair of eyes: a reviewer does not approve their own work."""

from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from conditions.models import ConditionPage
from tests.review.admin_forms import guide_form
from tests.review.test_workflow import submit, workflow_action


def test_reviewer_cannot_approve_a_guide_they_submitted(guide, client_for):
    reviewer = client_for("reviewer")
    submit(reviewer, guide, summary="My own wording.")

    response = workflow_action(reviewer, guide, "approve", not_clinical="")

    assert response.status_code in (302, 403)
    assert ConditionPage.objects.get(pk=guide.pk).summary != "My own wording."
    assert WorkflowState.objects.get(status="in_progress")


def test_reviewer_cannot_approve_after_editing_the_submitted_draft(guide, client_for):
    submit(client_for("editor"), guide, summary="The editor's wording.")
    reviewer = client_for("reviewer")
    edit = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    reviewer.post(edit, guide_form(guide, summary="The reviewer's own change."))

    workflow_action(reviewer, guide, "approve", not_clinical="")

    assert ConditionPage.objects.get(pk=guide.pk).summary != "The reviewer's own change."


def test_the_author_is_not_offered_approve_but_another_reviewer_is(guide, client_for, make_user):
    reviewer = client_for("reviewer")
    submit(reviewer, guide, summary="My own wording.")
    edit = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    assert "Approve" not in reviewer.get(edit).content.decode()

    second = Client()
    second.force_login(make_user("reviewer", "second_reviewer"))
    assert "Approve" in second.get(edit).content.decode()
    workflow_action(second, guide, "approve", not_clinical="")
    assert ConditionPage.objects.get(pk=guide.pk).summary == "My own wording."


def test_a_reviewer_who_only_saves_without_changing_the_text_can_still_approve(guide, client_for):
    submit(client_for("editor"), guide, summary="The editor's wording.")
    reviewer = client_for("reviewer")
    edit = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    latest = ConditionPage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    reviewer.post(edit, guide_form(latest))  # Saves a revision with the same text.
    assert latest.revisions.filter(user__username="reviewer").exists()

    workflow_action(reviewer, guide, "approve", not_clinical="")

    assert ConditionPage.objects.get(pk=guide.pk).summary == "The editor's wording."
