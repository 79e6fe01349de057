"""Two reviewers acting on one medical review at once: only the first decision counts."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from conditions.models import ConditionPage

from .admin_forms import guide_form


def submit(client, page, **fields):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, guide_form(page, **fields) | {"action-submit": "1"})


def test_the_second_of_two_simultaneous_decisions_is_refused(guide, client_for, make_user):
    submit(client_for("editor"), guide, summary="Thin evidence.")
    second_reviewer = make_user("reviewer", "second-reviewer")
    page = ConditionPage.objects.get(pk=guide.pk)
    # Both reviewers loaded the task while it was in progress.
    seen_by_first = page.current_workflow_task_state.specific
    seen_by_second = TaskState.objects.get(pk=seen_by_first.pk).specific
    task = seen_by_first.task.specific

    task.on_action(seen_by_first, seen_by_first.workflow_state.requested_by, "reject")
    with pytest.raises(PermissionDenied):
        task.on_action(seen_by_second, second_reviewer, "approve")

    seen_by_first.refresh_from_db()
    assert seen_by_first.status == TaskState.STATUS_REJECTED
    page.refresh_from_db()
    assert page.summary != "Thin evidence."  # Not published by the refused approval.


def test_a_decision_on_an_earlier_round_of_review_changes_nothing(guide, client_for):
    editor, reviewer = client_for("editor"), client_for("reviewer")
    submit(editor, guide, summary="Thin evidence.")
    page = ConditionPage.objects.get(pk=guide.pk)
    first_round = page.current_workflow_task_state
    reviewer.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", first_round.pk]),
        {"comment": "Say where the evidence comes from."},
    )
    submit(editor, page, summary="Thin evidence, from two small trials.")

    # A second reviewer's tab still shows the first round's Approve button.
    response = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", first_round.pk]
    )
    response = reviewer.post(response, {"comment": "", "not_clinical": ""})

    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert page.summary != "Thin evidence, from two small trials."
