"""Draft links for clinicians without an admin account."""

import datetime
import re

import time_machine
from django.urls import reverse
from django.utils import timezone

from review.models import ShareLink, hash_token
from tests.factories import ConditionPageFactory

from .admin_forms import guide_form, was_denied


def share_url(page):
    return reverse("review_share_links", args=[page.pk])


def make_link(client, page, note="Dr Lee, neurologist", days=7):
    response = client.post(share_url(page), {"note": note, "days": days})
    assert response.status_code == 200
    return re.search(r'value="(http://testserver/share/[^"]+/)"', response.content.decode())[1]


def save_draft(client, page, **fields):
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), guide_form(page, **fields))


def test_an_editor_shares_the_latest_draft(guide, client_for, client):
    editor = client_for("editor")
    save_draft(editor, guide, summary="The new draft wording.")
    url = make_link(editor, guide)

    response = client.get(url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "The new draft wording." in content
    assert "Draft, not published." in content
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]

    save_draft(editor, guide, summary="An even newer draft.")
    assert "An even newer draft." in client.get(url).content.decode()


def test_the_token_is_stored_only_as_a_hash(guide, client_for):
    url = make_link(client_for("editor"), guide)
    token = url.rstrip("/").rsplit("/", 1)[1]
    link = ShareLink.objects.get()
    assert link.token_hash == hash_token(token)
    assert token not in link.token_hash


def test_links_are_listed_on_the_guide_and_reached_from_its_header(guide, client_for):
    editor = client_for("editor")
    make_link(editor, guide, note="Dr Lee")
    listing = editor.get(share_url(guide)).content.decode()
    assert "Dr Lee" in listing and "Active" in listing
    edit_page = editor.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()
    assert share_url(guide) in edit_page


def test_a_link_expires_after_seven_days(guide, client_for, client):
    url = make_link(client_for("editor"), guide)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=6, hours=23)):
        assert client.get(url).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
        response = client.get(url)
        assert response.status_code == 410
        assert "This preview link no longer works" in response.content.decode()
        assert "Dystonia makes muscles" not in response.content.decode()
        assert "no-store" in response["Cache-Control"]


def test_a_link_can_be_revoked(guide, client_for, client):
    editor = client_for("editor")
    url = make_link(editor, guide)
    link = ShareLink.objects.get()
    editor.post(share_url(guide), {"revoke": link.pk})
    link.refresh_from_db()
    assert link.revoked_at
    response = client.get(url)
    assert response.status_code == 410
    assert "Dystonia makes muscles" not in response.content.decode()


def test_an_unknown_token_is_not_found_and_shows_the_same_friendly_page(client, guide):
    response = client.get("/share/not-a-real-token/")
    assert response.status_code == 404
    assert "We could not find this preview" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_link_shows_only_its_own_guide(guide, client_for, client):
    other = ConditionPageFactory(title="Insomnia", slug="insomnia")
    editor = client_for("editor")
    url = make_link(editor, guide)
    other_url = make_link(editor, other)
    assert "Insomnia" not in client.get(url).content.decode()
    assert "Dystonia" not in client.get(other_url).content.decode().split("<main", 1)[1]


def test_a_link_cannot_revoke_another_guides_link(guide, client_for):
    other = ConditionPageFactory(title="Insomnia", slug="insomnia")
    editor = client_for("editor")
    make_link(editor, other)
    link = ShareLink.objects.get(page=other)
    editor.post(share_url(guide), {"revoke": link.pk})
    link.refresh_from_db()
    assert link.revoked_at is None


def test_anonymous_visitors_cannot_make_links(guide, client):
    response = client.post(share_url(guide), {"note": "Me", "days": 7})
    assert was_denied(response)
    assert not ShareLink.objects.exists()


def test_unpublished_guides_are_shareable_but_not_public(conditions_index, client_for, client):
    draft = ConditionPageFactory(title="Epilepsy", slug="epilepsy", publish=False)
    assert client.get("/en/conditions/epilepsy/").status_code == 404
    url = make_link(client_for("editor"), draft)
    assert "Epilepsy" in client.get(url).content.decode()
