from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import Comment
from .moderation import ACTIONS, set_status


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
