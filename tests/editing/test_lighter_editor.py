"""What keeps the guide editor light in the browser: the icon sprite kept by the browser
(docs/benchmarks.md, "Editor: where the time goes")."""

import pytest
from django.urls import resolve, reverse
from wagtail.admin.icons import get_icon_sprite_hash, get_icon_sprite_url, get_icons

from editing.sprite import icon_sprite

pytestmark = pytest.mark.django_db


def test_wagtails_sprite_address_is_answered_by_the_caching_view():
    # Fails loudly if Wagtail moves its sprite or names its address differently.
    assert reverse("wagtailadmin_sprite") == "/admin/sprite/"
    assert get_icon_sprite_url() == f"/admin/sprite/?h={get_icon_sprite_hash()}"
    assert resolve("/admin/sprite/").func is icon_sprite


def test_the_sprite_at_its_current_address_is_kept_for_good(client):
    response = client.get(get_icon_sprite_url())
    assert response.status_code == 200
    assert response.content.decode() == get_icons()
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "immutable", "max-age=31536000"} <= cache_control


def test_the_sprite_at_an_outdated_address_is_not_kept(client):
    response = client.get("/admin/sprite/?h=00000000")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "immutable" not in response["Cache-Control"]


def test_admin_pages_ask_for_the_sprite_at_its_current_address(client_for, guide):
    response = client_for("editor").get(f"/admin/pages/{guide.pk}/edit/")
    assert f'data-icon-url="{get_icon_sprite_url()}"' in response.content.decode()
