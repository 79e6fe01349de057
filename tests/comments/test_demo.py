"""The demo site shows a few approved comments, one awaiting, all marked as demo content."""

from io import StringIO

from django.core.management import call_command

from comments.demo import DEMO_COMMENTS
from comments.models import Comment
from home.models import SiteSettings
from review.checks import flagged_words


def test_the_demo_has_approved_comments_one_waiting_and_no_claims(db, settings, client):
    settings.DEBUG = True  # the demo logins are for development only
    call_command("load_demo", stdout=StringIO())
    comments = list(Comment.objects.select_related("guide"))
    assert len(comments) == len(DEMO_COMMENTS)
    assert [c.status for c in comments].count("awaiting") == 1
    assert all("(demo)" in c.name for c in comments)
    words = flagged_words(SiteSettings._meta.get_field("flagged_claim_words").default)
    assert not [w for c in comments for w in words if w.lower() in c.text.lower()]
    html = client.get(comments[0].guide.url).content.decode()
    assert "Clear and easy to read" in html
    assert "waiting for a moderator, as every" not in html
