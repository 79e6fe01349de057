from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic

from .models import Comment
from .moderation import ACTIONS, purge_guides, set_status


@require_POST
def moderate(request, pk, action):
    """The "Approve", "Reject" and "Spam" buttons in the Comments listing."""
    if not request.user.has_perm("comments.change_comment"):
        raise PermissionDenied
    if action not in ACTIONS:
        raise Http404
    comment = get_object_or_404(Comment, pk=pk)
    set_status([comment], ACTIONS[action])
    messages.success(
        request,
        _("Comment by “%(name)s”: %(status)s.")
        % {"name": comment.name, "status": Comment.Status(ACTIONS[action]).label},
    )
    return redirect("comments_comment:index")


class CommentCreateView(generic.CreateView):
    """Adding a comment: the team's reply, prefilled from the listing's "Reply" link."""

    def get_initial(self):
        initial = super().get_initial()
        answered = self.request.GET.get("reply_to", "")
        ok = answered.isascii() and answered.isdigit() and len(answered) < 19
        comment = Comment.objects.filter(pk=answered).first() if ok else None
        if comment is not None:
            initial.update(
                guide=comment.guide_id,
                reply_to=comment.pk,
                is_staff_reply=True,
                status=Comment.Status.APPROVED,
            )
        return initial

    def save_instance(self):
        instance = super().save_instance()
        if instance.status == Comment.Status.APPROVED:
            purge_guides({instance.guide_id})  # Shown at once, as an approval is.
        return instance


class CommentEditView(generic.EditView):
    def save_instance(self):
        was_shown = self.form.initial.get("status") == Comment.Status.APPROVED
        before = self.form.initial.get("guide")
        instance = super().save_instance()
        if was_shown or instance.status == Comment.Status.APPROVED:
            purge_guides({instance.guide_id, before} - {None})
        return instance
