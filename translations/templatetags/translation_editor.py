from django import template
from django.urls import reverse

from translations.editor import reviewed_editor_props

register = template.Library()


@register.simple_tag
def reviewed_props(props, translation):
    return reviewed_editor_props(props, translation)


@register.simple_tag
def review_actions(page, user):
    """The current medical review task's actions ``user`` may take on ``page``.

    Each is (label, url, whether it asks for details in a dialog), for the buttons
    Wagtail's own workflow-action.js drives, as on the dashboard.
    """
    if not getattr(page, "workflow_in_progress", False):
        return []
    task_state = page.current_workflow_task_state
    if task_state is None:
        return []
    task = task_state.task.specific
    return [
        (
            label,
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, name, task_state.pk]),
            modal,
        )
        for name, label, modal in task.get_actions(page, user)
    ]
