"""The admin shows no avatars from an outside service (no network, no email hashes)."""

from django.urls import reverse


def test_admin_pages_load_no_gravatar(client_for, settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    content = client_for("editor").get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in content.lower()
    assert "/static/wagtailadmin/images/default-user-avatar" in content
