from django import template

from comments.forms import CommentForm
from comments.models import Comment

register = template.Library()


@register.simple_tag
def approved_comments(page):
    """The guide's approved comments, in one query (drafts without a pk have none)."""
    if not getattr(page, "pk", None):
        return []
    return list(
        Comment.objects.filter(guide_id=page.pk, status=Comment.Status.APPROVED)
        .only("name", "text", "created_at", "trusted", "is_staff_reply", "reply_to_id")
        .order_by("created_at")
    )


@register.simple_tag
def comment_form():
    return CommentForm()
