"""The moderators' digest, and erasing a commenter's data by email address."""

from io import StringIO

from django.core import mail
from django.core.management import call_command

from comments.models import Comment


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_the_digest_goes_to_each_moderator_when_comments_wait(users, guide):
    assert "no email sent" in run("send_comment_digest")
    assert not mail.outbox
    Comment.objects.create(guide=guide, name="Sam", text="A question")
    Comment.objects.create(guide=guide, name="Old", text="Shown", status="approved")
    run("send_comment_digest")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users.values())
    assert mail.outbox[0].subject == "1 reader's comment is awaiting moderation"
    assert "/admin/comments/" in mail.outbox[0].body


def test_a_commenters_comments_are_found_and_deleted_by_email(guide):
    Comment.objects.create(guide=guide, name="Sam", email="Sam@Example.org", text="One")
    Comment.objects.create(guide=guide, name="Sam", email="sam@example.org", text="Two")
    Comment.objects.create(guide=guide, name="Kim", email="kim@example.org", text="Three")
    assert "Found 2 comments" in run("erase_commenter", "sam@example.org")
    assert Comment.objects.count() == 3
    assert "Deleted 2 comments" in run("erase_commenter", "SAM@example.org", "--delete")
    assert list(Comment.objects.values_list("text", flat=True)) == ["Three"]
