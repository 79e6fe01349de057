from django import template

from comments.forms import CommentForm
from comments.models import Comment

register = template.Library()


@register.simple_tag
def approved_comments(page):
    """The guide's approved comments, each with its approved replies, in one query.

    A reply is shown in the thread of the comment it answers (``thread_replies``), in
    the order sent, and only while every comment above it is approved and on this guide:
    a reply to a rejected or waiting comment stays hidden. Drafts without a pk have none.
    """
    if not getattr(page, "pk", None):
        return []
    comments = list(
        Comment.objects.filter(guide_id=page.pk, status=Comment.Status.APPROVED)
        .only("name", "text", "created_at", "trusted", "is_staff_reply", "reply_to_id")
        .order_by("created_at", "pk")
    )
    shown = {comment.pk: comment for comment in comments}
    threads = []
    for comment in comments:
        comment.thread_replies = []
    for comment in comments:
        root = _thread_root(comment, shown)
        if root is comment:
            threads.append(comment)
        elif root is not None:
            root.thread_replies.append(comment)
    return threads


def _thread_root(comment, shown):
    """The shown comment that starts ``comment``'s thread, or None if one above is hidden."""
    seen = set()
    while comment.reply_to_id is not None:
        if comment.pk in seen:
            return None  # A loop, which Comment.clean refuses; hide rather than hang.
        seen.add(comment.pk)
        comment = shown.get(comment.reply_to_id)
        if comment is None:
            return None
    return comment


@register.simple_tag
def comment_form():
    return CommentForm()
