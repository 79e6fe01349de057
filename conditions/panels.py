"""The guide editor's panel showing what medical review asked for (review/ runs the review)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.models import WorkflowState


def changes_requested(page):
    """The task state in which a reviewer asked for changes, while the guide waits for them."""
    if page is None or not page.pk:
        return None
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by")
        .first()
    )
    return state.current_task_state if state else None


class ReviewerCommentPanel(Panel):
    """A banner at the top of the editor with the reviewer's comment, name and date.

    Shown from the moment changes are requested until the guide is submitted again.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Changes requested in medical review"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "reviewer-comment"

    class BoundPanel(Panel.BoundPanel):
        template_name = "review/reviewer_comment_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.task_state = changes_requested(self.instance)

        def is_shown(self):
            return self.task_state is not None and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            reviewer = self.task_state.finished_by
            context.update(
                comment=self.task_state.comment,
                reviewer=(reviewer.get_full_name() or reviewer.get_username()) if reviewer else "",
                requested_at=self.task_state.finished_at,
            )
            return context
