"""The team's replies are shown indented under the comment they answer, once approved."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from comments.models import Comment
from tests.factories import ConditionPageFactory

APPROVED = Comment.Status.APPROVED


def comment(guide, text, status=APPROVED, **fields):
    fields = {"name": "Sam", **fields}
    return Comment.objects.create(guide=guide, text=text, status=status, **fields)


def reply(to, text, status=APPROVED):
    return comment(to.guide, text, status, name="Team", is_staff_reply=True, reply_to=to)


def shown(client, guide):
    return BeautifulSoup(client.get(guide.url).content, "html.parser").select_one(".comments")


def test_a_reply_shows_indented_under_the_comment_it_answers(client, guide):
    question = comment(guide, "Where can I find a support group?")
    comment(guide, "A later comment.")
    reply(question, "The Dystonia Society runs groups.")
    comments = shown(client, guide)
    first = comments.select_one(f"#comment-{question.pk}")
    answer = first.select_one(".comments__replies > li.comment--reply")
    assert "The Dystonia Society runs groups." in answer.text
    assert "Reply from our team" in answer.select_one(".comment__badge").text
    top_level = comments.select(".comments__list > li")
    assert [li.select_one(".comment__text").text for li in top_level] == [
        "Where can I find a support group?",
        "A later comment.",
    ]


def test_a_reply_to_a_reply_joins_the_same_thread_in_the_order_sent(client, guide):
    question = comment(guide, "Question.")
    answer = reply(question, "Answer.")
    comment(guide, "Thanks!", reply_to=answer)
    thread = shown(client, guide).select_one(f"#comment-{question.pk} .comments__replies")
    assert [p.text for p in thread.select(".comment__text")] == ["Answer.", "Thanks!"]


@pytest.mark.parametrize(
    "status", [Comment.Status.AWAITING, Comment.Status.REJECTED, Comment.Status.SPAM]
)
def test_replies_to_a_comment_that_is_not_approved_are_not_shown(client, guide, status):
    hidden = comment(guide, "Hidden question.", status=status)
    answer = reply(hidden, "Answer to a hidden question.")
    comment(guide, "A reply further down.", reply_to=answer)
    html = str(shown(client, guide))
    assert "Answer to a hidden question." not in html
    assert "A reply further down." not in html


def test_an_unapproved_reply_is_not_shown(client, guide):
    question = comment(guide, "Question.")
    reply(question, "Draft answer.", status=Comment.Status.AWAITING)
    assert "Draft answer." not in str(shown(client, guide))
    assert not shown(client, guide).select(".comments__replies")


def test_a_reply_must_answer_a_comment_on_its_own_guide(guide, conditions_index):
    other = ConditionPageFactory(title="Epilepsy", slug="epilepsy")
    question = comment(other, "On another guide.")
    stray = Comment(guide=guide, name="Team", text="Answer.", reply_to=question)
    with pytest.raises(ValidationError) as error:
        stray.full_clean()
    assert "reply_to" in error.value.message_dict
    itself = comment(guide, "Loop.")
    itself.reply_to = itself
    with pytest.raises(ValidationError):
        itself.full_clean()


def test_a_loop_of_replies_is_hidden_not_hanging(client, guide):
    one = comment(guide, "One.")
    two = comment(guide, "Two.", reply_to=one)
    Comment.objects.filter(pk=one.pk).update(reply_to=two)
    html = str(shown(client, guide))
    assert "One." not in html and "Two." not in html


def test_threads_take_no_more_queries_than_one_comment(client, guide):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        client.get(guide.url)
        client.get(guide.url)  # The first requests fill the site settings and caches.
        with CaptureQueriesContext(connection) as captured:
            assert "Question." in client.get(guide.url).content.decode()
        return len(captured)

    question = comment(guide, "Question.")
    one = queries()
    for n in range(5):
        reply(comment(guide, f"Question {n}."), f"Answer {n}.")
    reply(question, "Answer.")
    assert queries() == one


# Replying from the admin -----------------------------------------------------------


def test_site_managers_reply_from_the_listing_and_the_reply_shows_at_once(
    client_for, client, guide
):
    from unittest import mock

    from django.db import transaction
    from django.test import override_settings
    from django.urls import reverse

    question = comment(guide, "Where can I find a support group?")
    manager = client_for("manager")
    listing = BeautifulSoup(manager.get(reverse("comments_comment:index")).content, "html.parser")
    link = listing.find("a", string="Reply as the team")["href"]
    assert link == reverse("comments_comment:add") + f"?reply_to={question.pk}"
    form = BeautifulSoup(manager.get(link).content, "html.parser")
    assert form.select_one(f"select[name=reply_to] option[value='{question.pk}'][selected]")
    assert form.select_one("input[name=is_staff_reply][checked]")
    data = {
        "guide": guide.pk,
        "name": "The editorial team",
        "text": "Our guide lists support groups under Living with it.",
        "status": "approved",
        "is_staff_reply": "on",
        "reply_to": question.pk,
    }
    with (
        mock.patch("comments.moderation.purge_pages_from_cache") as purge,
        override_settings(WAGTAILFRONTENDCACHE={"x": {"BACKEND": "dummy"}}),
        mock.patch.object(transaction, "on_commit", lambda f: f()),
    ):
        assert manager.post(reverse("comments_comment:add"), data).status_code == 302
    assert [p.pk for p in purge.call_args.args[0]] == [guide.pk]
    thread = shown(client, guide).select_one(f"#comment-{question.pk} .comments__replies")
    assert "Our guide lists support groups" in thread.text


def test_editors_are_not_offered_the_reply_link(client_for, guide):
    from django.urls import reverse

    comment(guide, "A question.")
    html = client_for("editor").get(reverse("comments_comment:index")).content.decode()
    assert "Reply as the team" not in html


@pytest.mark.parametrize("value", ["abc", "²", "9" * 30, "-1", ""])
def test_a_bad_reply_to_opens_an_empty_form(client_for, guide, value):
    from django.urls import reverse

    url = reverse("comments_comment:add") + f"?reply_to={value}"
    assert client_for("manager").get(url).status_code == 200


def test_editing_an_approved_comment_purges_its_guide(client_for, guide):
    from unittest import mock

    from django.db import transaction
    from django.test import override_settings
    from django.urls import reverse

    shown_comment = comment(guide, "Shown.")
    data = {"guide": guide.pk, "name": "Sam", "text": "Shown.", "status": "rejected"}
    with (
        mock.patch("comments.moderation.purge_pages_from_cache") as purge,
        override_settings(WAGTAILFRONTENDCACHE={"x": {"BACKEND": "dummy"}}),
        mock.patch.object(transaction, "on_commit", lambda f: f()),
    ):
        url = reverse("comments_comment:edit", args=[shown_comment.pk])
        assert client_for("editor").post(url, data).status_code == 302
    assert [p.pk for p in purge.call_args.args[0]] == [guide.pk]
