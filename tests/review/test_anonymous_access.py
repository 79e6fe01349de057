"""Drafts, revisions and admin previews are never public, except through a share link."""

import pytest
from django.urls import reverse

from tests.factories import ConditionPageFactory

from .admin_forms import guide_form, was_denied


@pytest.fixture
def guide_with_draft(guide, client_for):
    client_for("editor").post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(guide, summary="Secret draft wording."),
    )
    return guide


def admin_urls(page):
    revision = page.get_latest_revision()
    return [
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
        reverse("review_share_links", args=[page.pk]),
    ]


def test_anonymous_visitors_cannot_reach_drafts_through_the_admin(guide_with_draft, client):
    for url in admin_urls(guide_with_draft):
        response = client.get(url)
        assert was_denied(response), url
        assert "Secret draft wording." not in response.content.decode()


def test_the_public_page_shows_only_the_published_version(guide_with_draft, client):
    content = client.get("/en/conditions/dystonia/").content.decode()
    assert "Secret draft wording." not in content


def test_an_unpublished_guide_is_not_found(conditions_index, client):
    ConditionPageFactory(title="Epilepsy", slug="epilepsy", publish=False)
    assert client.get("/en/conditions/epilepsy/").status_code == 404
