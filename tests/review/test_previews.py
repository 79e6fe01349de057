"""The editor's live preview: the full page, the search result and the social card."""

import pytest
from django.urls import reverse

from .admin_forms import guide_form


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("", "Dystonia makes muscles tighten on their own."),
        ("search_result", 'class="search-result"'),
        ("social_card", "Open Graph card"),
    ],
)
def test_each_preview_mode_renders_the_draft(guide, client_for, mode, expected):
    editor = client_for("editor")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[guide.pk])
    response = editor.post(url, guide_form(guide, summary="A draft summary."))
    assert response.json()["is_valid"]
    response = editor.get(url, {"mode": mode})
    content = response.content.decode()
    assert response.status_code == 200
    assert expected in content
    assert "A draft summary." in content


def test_the_editor_offers_the_preview_modes(guide, client_for):
    content = (
        client_for("editor")
        .get(reverse("wagtailadmin_pages:edit", args=[guide.pk]))
        .content.decode()
    )
    assert "Search result" in content and "Social card" in content
