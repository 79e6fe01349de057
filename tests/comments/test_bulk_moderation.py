"""Moderators approve, reject or mark as spam several comments at once (Wagtail's bulk actions)."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from comments.models import Comment
from tests.factories import ConditionPageFactory


def bulk_url(action, comments, **params):
    url = reverse("wagtail_bulk_action", args=["comments", "comment", action])
    query = "&".join(f"id={c.pk}" for c in comments)
    extra = "".join(f"&{k}={v}" for k, v in params.items())
    return f"{url}?{query}{extra}"


@pytest.fixture
def two_guides(guide, conditions_index):
    return [guide, ConditionPageFactory(title="Epilepsy", slug="epilepsy")]


@pytest.fixture
def waiting(two_guides):
    return [
        Comment.objects.create(guide=g, name=f"Reader {n}", text=f"Waiting comment {n}.")
        for n, g in enumerate(two_guides)
    ]


def test_the_listing_offers_checkboxes_and_the_three_actions(client_for, waiting):
    html = client_for("editor").get(reverse("comments_comment:index")).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    boxes = soup.select("input[data-bulk-action-checkbox]")
    assert sorted(int(b["data-object-id"]) for b in boxes) == sorted(c.pk for c in waiting)
    for box in boxes:
        assert soup.find(id=box["aria-describedby"])
    buttons = [a["href"] for a in soup.select("[data-bulk-action-footer] a.bulk-action-btn")]
    for action in ("approve", "reject", "spam"):
        assert reverse("wagtail_bulk_action", args=["comments", "comment", action]) in buttons


def test_the_confirmation_lists_the_chosen_comments(client_for, waiting):
    response = client_for("reviewer").get(bulk_url("approve", waiting))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Waiting comment 0." in html and "Waiting comment 1." in html
    assert "Yes, Approve" in html


@pytest.mark.parametrize("role", ["editor", "reviewer", "manager"])
def test_approving_in_bulk_shows_each_and_purges_each_guide(client_for, client, waiting, role):
    with (
        mock.patch("comments.moderation.purge_pages_from_cache") as purge,
        override_settings(WAGTAILFRONTENDCACHE={"x": {"BACKEND": "dummy"}}),
        mock.patch.object(transaction, "on_commit", lambda f: f()),
    ):
        response = client_for(role).post(
            bulk_url("approve", waiting, next=reverse("comments_comment:index"))
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("comments_comment:index")
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved"}
    purged = {page.pk for call in purge.call_args_list for page in call.args[0]}
    assert purged == {c.guide_id for c in waiting}
    for comment in waiting:
        assert comment.text in client.get(comment.guide.url).content.decode()


@pytest.mark.parametrize("action,status", [("reject", "rejected"), ("spam", "spam")])
def test_rejecting_or_marking_spam_in_bulk_keeps_them_hidden(
    client_for, client, waiting, action, status
):
    client_for("editor").post(bulk_url(action, waiting))
    assert list(Comment.objects.values_list("status", flat=True)) == [status, status]
    for comment in waiting:
        assert comment.text not in client.get(comment.guide.url).content.decode()


def test_taking_back_approved_comments_in_bulk_purges_their_guides(client_for, waiting):
    Comment.objects.update(status=Comment.Status.APPROVED)
    with (
        mock.patch("comments.moderation.purge_pages_from_cache") as purge,
        override_settings(WAGTAILFRONTENDCACHE={"x": {"BACKEND": "dummy"}}),
        mock.patch.object(transaction, "on_commit", lambda f: f()),
    ):
        client_for("editor").post(bulk_url("reject", waiting))
    assert purge.called
    assert not Comment.objects.filter(status="approved").exists()


def test_users_who_may_not_moderate_change_nothing(make_user, waiting):
    from django.contrib.auth.models import Permission
    from django.test import Client

    user = make_user("nobody")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(user)
    response = client.get(bulk_url("approve", waiting))
    assert "You may not moderate these comments." in response.content.decode()
    client.post(bulk_url("approve", waiting))
    assert not Comment.objects.filter(status="approved").exists()


def test_visitors_cannot_moderate_in_bulk(client, waiting):
    assert client.post(bulk_url("approve", waiting)).status_code == 302  # to the login
    assert not Comment.objects.filter(status="approved").exists()


def test_select_all_takes_only_the_comments_awaiting_moderation(client_for, guide, waiting):
    rejected = Comment.objects.create(guide=guide, name="X", text="Rejected.", status="rejected")
    url = reverse("wagtail_bulk_action", args=["comments", "comment", "approve"]) + "?id=all"
    client_for("editor").post(url)
    rejected.refresh_from_db()
    assert rejected.status == "rejected"
    assert Comment.objects.filter(status="approved").count() == len(waiting)
