"""Readers' comments wait for a moderator, then show on their guide, escaped."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.test import Client, override_settings
from django.urls import reverse

from comments.models import Comment
from conditions.models import ConditionPage

VALID = {"name": "Sam", "email": "sam@example.org", "text": "Thank you for this guide."}


def post(client, guide, **changes):
    return client.post(reverse("comments:post", args=[guide.pk]), {**VALID, **changes})


def test_a_comment_waits_for_moderation_and_the_visitor_is_told(client, guide):
    response = post(client, guide)
    assert response.status_code == 302
    assert response["Location"] == guide.url + "?comment=held#comment-status"
    comment = Comment.objects.get()
    assert (comment.guide_id, comment.status) == (guide.pk, Comment.Status.AWAITING)
    page = client.get(response["Location"]).content.decode()
    assert "your comment will appear once a moderator has approved it" in page
    assert "Thank you for this guide." not in page


def test_an_approved_comment_shows_escaped_with_its_links_not_clickable(client, guide):
    Comment.objects.create(
        guide=guide,
        name="<b>Sam</b>",
        email="sam@example.org",
        text="<script>alert(1)</script> see https://example.org/x",
        status=Comment.Status.APPROVED,
    )
    html = client.get(guide.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "&lt;b&gt;Sam&lt;/b&gt;" in html
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select(".comments a[href^='https://example.org']")
    assert "sam@example.org" not in html


def test_a_trusted_comments_links_can_be_clicked(client, guide):
    Comment.objects.create(
        guide=guide,
        name="Team",
        text="More at https://example.org/x",
        status=Comment.Status.APPROVED,
        trusted=True,
        is_staff_reply=True,
    )
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    assert soup.select(".comments a[href='https://example.org/x']")
    assert "Reply from our team" in soup.select_one(".comments").text


@pytest.mark.parametrize(
    "status", [Comment.Status.AWAITING, Comment.Status.REJECTED, Comment.Status.SPAM]
)
def test_only_approved_comments_show(client, guide, status):
    Comment.objects.create(guide=guide, name="X", text="Hidden words", status=status)
    assert "Hidden words" not in client.get(guide.url).content.decode()


def test_the_honeypot_keeps_nothing_but_answers_as_usual(client, guide):
    assert post(client, guide, website="http://spam.example").status_code == 302
    assert not Comment.objects.exists()


def test_closed_comments_take_no_comments_and_hide_the_form(client, guide):
    ConditionPage.objects.filter(pk=guide.pk).update(comments_open=False)
    response = post(client, guide)
    assert response.status_code == 403
    assert "Comments are closed" in response.content.decode()
    assert not Comment.objects.exists()
    html = client.get(guide.url).content.decode()
    assert "comment-form" not in html and "Comments are closed" in html


@pytest.mark.parametrize(
    "changes",
    [
        {"text": "x" * 10_000},
        {"text": "   "},
        {"name": ""},
        {"email": "not-an-address"},
        {"text": "\x00"},
    ],
)
def test_bad_comments_get_a_clear_error_next_to_the_field(client, guide, changes):
    response = post(client, guide, **changes)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select(".form-field__error")
    assert not Comment.objects.exists()


def test_an_unpublished_guide_takes_no_comments(client, guide):
    guide.unpublish()
    assert post(client, guide).status_code == 404
    assert client.post(reverse("comments:post", args=[999999]), VALID).status_code == 404


def test_a_get_is_refused_politely(client, guide):
    assert client.get(reverse("comments:post", args=[guide.pk])).status_code == 405


@override_settings(COMMENTS_ADDRESS_LIMIT=2, COMMENTS_CLIENT_LIMIT=100)
def test_one_address_is_rate_limited_with_a_clear_message(client, guide):
    for _ in range(2):
        assert post(client, guide).status_code == 302
    response = post(client, guide)
    assert response.status_code == 429
    assert "Too many comments from this address" in response.content.decode()
    assert Comment.objects.count() == 2


@override_settings(COMMENTS_CLIENT_LIMIT=3)
def test_a_flood_from_one_client_is_stopped_with_a_clear_message(client, guide):
    for n in range(3):
        assert post(client, guide, email=f"p{n}@example.org").status_code == 302
    response = post(client, guide, email="more@example.org")
    assert response.status_code == 429
    assert "Too many comments from your connection" in response.content.decode()
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert post(other, guide, email="more@example.org").status_code == 302


def test_the_guide_form_fetches_its_token_like_the_newsletter(client, guide):
    """The guide is cached for everyone: its form carries no token of its own."""
    soup = BeautifulSoup(client.get(guide.url).content, "html.parser")
    form = soup.select_one("form.comment-form")
    assert form["data-csrf-url"] == reverse("newsletter:token")
    assert not form.select("input[name=csrfmiddlewaretoken]")
    assert "not medical advice" in soup.select_one(".comments__notice").text


def test_a_comment_without_a_token_is_refused(guide):
    strict = Client(enforce_csrf_checks=True)
    assert post(strict, guide).status_code == 403
    assert not Comment.objects.exists()


# Moderation in the admin ---------------------------------------------------------------


@pytest.fixture
def waiting(guide):
    return Comment.objects.create(guide=guide, name="Sam", text="It cured me, see www.x.test")


@pytest.mark.parametrize("role", ["editor", "reviewer", "manager"])
def test_moderators_approve_and_the_comment_shows_at_once(client_for, client, waiting, role):
    moderator = client_for(role)
    listing = moderator.get(reverse("comments_comment:index"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "<mark>cured</mark>" in html and "<mark>www.x.test</mark>" in html
    with mock.patch("comments.moderation.purge_pages_from_cache") as purge:
        with override_settings(WAGTAILFRONTENDCACHE={"x": {"BACKEND": "dummy"}}):
            with pytest.MonkeyPatch.context():
                from django.db import transaction

                with mock.patch.object(transaction, "on_commit", lambda f: f()):
                    response = moderator.post(
                        reverse("comments_comment:moderate", args=[waiting.pk, "approve"])
                    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Comment.Status.APPROVED
    assert [p.pk for p in purge.call_args[0][0]] == [waiting.guide_id]
    assert "It cured me" in client.get(waiting.guide.url).content.decode()


@pytest.mark.parametrize("action,status", [("reject", "rejected"), ("spam", "spam")])
def test_reject_and_spam_keep_the_comment_hidden(client_for, waiting, action, status):
    client_for("editor").post(reverse("comments_comment:moderate", args=[waiting.pk, action]))
    waiting.refresh_from_db()
    assert waiting.status == status


def test_visitors_cannot_moderate(client, waiting):
    response = client.post(reverse("comments_comment:moderate", args=[waiting.pk, "approve"]))
    assert response.status_code == 302  # to the login
    waiting.refresh_from_db()
    assert waiting.status == Comment.Status.AWAITING


def test_an_unknown_action_is_not_found(client_for, waiting):
    url = reverse("comments_comment:moderate", args=[waiting.pk, "publish"])
    # LocaleMiddleware first tries the address under /en/, which is not found either.
    assert client_for("editor").post(url, follow=True).status_code == 404


def test_the_dashboard_counts_waiting_comments(client_for, waiting):
    html = client_for("editor").get(reverse("wagtailadmin_home")).content.decode()
    assert "1 comment is awaiting moderation" in html


def test_the_listings_buttons_carry_a_csrf_token(client_for, waiting):
    html = client_for("editor").get(reverse("comments_comment:index")).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one(f"form[action$='/moderate/{waiting.pk}/approve/']")
    assert form.select_one("input[name=csrfmiddlewaretoken]")["value"]


def test_waiting_comments_are_listed_first(client_for, guide, waiting):
    old = Comment.objects.create(guide=guide, name="Old", text="Approved one", status="approved")
    html = client_for("editor").get(reverse("comments_comment:index")).content.decode()
    assert html.index(f"/moderate/{waiting.pk}/") < html.index(f"/moderate/{old.pk}/")


def test_a_comment_without_a_token_comes_back_filled_in_with_a_fresh_token(guide):
    """Without JavaScript the cached guide's form has no token: nothing typed is lost."""
    strict = Client(enforce_csrf_checks=True)
    typed = {**VALID, "text": "Line one <b>bold</b>\nline two"}
    response = strict.post(reverse("comments:post", args=[guide.pk]), typed)
    assert response.status_code == 403
    assert response["Cache-Control"] == "no-store"
    assert not Comment.objects.exists()
    soup = BeautifulSoup(response.content, "html.parser")
    assert "has not been sent yet" in soup.select_one("#comment-resend").text
    form = soup.select_one("form.comment-form")
    assert form.select_one("input[name=name]")["value"] == "Sam"
    assert form.select_one("input[name=email]")["value"] == "sam@example.org"
    assert form.select_one("textarea[name=text]").text == typed["text"]
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]

    again = strict.post(
        reverse("comments:post", args=[guide.pk]), {**typed, "csrfmiddlewaretoken": token}
    )
    assert again.status_code == 302
    assert Comment.objects.get().text == typed["text"]


def test_a_tokenless_comment_on_an_unpublished_guide_is_not_found(guide):
    guide.unpublish()
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("comments:post", args=[guide.pk]), VALID).status_code == 404
