"""Who can do what, asked of the real admin views.

Each action reports whether it happened, judged from the database; a refused
action must also have been answered with a 403 or a redirect away.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from conditions.models import ConditionPage
from tests.factories import overview

from .admin_forms import guide_form, was_denied
from .test_workflow import submit, workflow_action

ROLES = ["anonymous", "editor", "reviewer", "manager"]
ALLOWED = {
    "create": {"editor", "reviewer", "manager"},
    "edit": {"editor", "reviewer", "manager"},
    "submit": {"editor", "reviewer", "manager"},
    "approve": {"reviewer"},
    "reject": {"reviewer"},
    "publish": {"manager"},
    "unpublish": {"manager"},
    "delete": {"manager"},
    "preview": {"editor", "reviewer", "manager"},
    "share": {"editor", "reviewer", "manager"},
}


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def fresh(page):
    return ConditionPage.objects.get(pk=page.pk)


def create(client, guide, index, client_for):
    url = reverse("wagtailadmin_pages:add", args=["conditions", "conditionpage", index.pk])
    response = client.post(url, guide_form(body=[overview()], title="Epilepsy", slug="epilepsy"))
    return response, ConditionPage.objects.filter(slug="epilepsy").exists()


def edit(client, guide, index, client_for):
    before = guide.revisions.count()
    response = client.post(edit_url(guide), guide_form(guide, summary="Edited."))
    return response, guide.revisions.count() > before


def submit_action(client, guide, index, client_for):
    response = submit(client, guide, summary="Submitted.")
    return response, WorkflowState.objects.filter(status="in_progress").exists()


def approve(client, guide, index, client_for):
    submit(client_for("editor"), guide, summary="Approved wording.")
    response = workflow_action(client, guide, "approve", not_clinical="")
    return response, fresh(guide).summary == "Approved wording."


def reject(client, guide, index, client_for):
    submit(client_for("editor"), guide, summary="Rejected wording.")
    response = workflow_action(client, guide, "reject", comment="No.")
    return response, WorkflowState.objects.filter(status="needs_changes").exists()


def publish(client, guide, index, client_for):
    live_revision = guide.live_revision_id
    response = client.post(
        edit_url(guide), guide_form(guide, summary="Published.") | {"action-publish": "1"}
    )
    return response, fresh(guide).live_revision_id != live_revision


def unpublish(client, guide, index, client_for):
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[guide.pk]))
    return response, not fresh(guide).live


def delete(client, guide, index, client_for):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[guide.pk]))
    return response, not Page.objects.filter(pk=guide.pk).exists()


def preview(client, guide, index, client_for):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[guide.pk])
    client.post(url, guide_form(guide, summary="Previewed draft."))
    response = client.get(url)
    return response, "Previewed draft." in response.content.decode()


def share(client, guide, index, client_for):
    response = client.post(
        reverse("review_share_links", args=[guide.pk]), {"note": "Dr Lee", "days": 7}
    )
    return response, "/share/" in response.content.decode()


ACTIONS = {
    "create": create,
    "edit": edit,
    "submit": submit_action,
    "approve": approve,
    "reject": reject,
    "publish": publish,
    "unpublish": unpublish,
    "delete": delete,
    "preview": preview,
    "share": share,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_permission_matrix(action, role, guide, conditions_index, client_for):
    live_revision = guide.live_revision_id
    response, happened = ACTIONS[action](client_for(role), guide, conditions_index, client_for)
    if role in ALLOWED[action]:
        assert happened, f"{role} should be able to {action}"
        return
    assert not happened, f"{role} must not be able to {action}"
    if Page.objects.filter(pk=guide.pk).exists():
        assert fresh(guide).live_revision_id == live_revision  # Nothing new went live.
    if action == "publish" and role != "anonymous":
        return  # The editor's "publish" is refused by saving a draft instead.
    assert was_denied(response), f"{action} by {role}: {response.status_code}"
