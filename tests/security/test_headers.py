"""Security headers: a strict policy on the public site, a working one in the admin."""

import pytest

from tests.factories import ConditionPageFactory

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_allow_no_inline_code_and_no_other_origin(client, conditions_index):
    guide = ConditionPageFactory(title="Dystonia", slug="dystonia")
    for url in ["/en/", guide.url, "/en/search/?q=dystonia", "/en/no-such-page/"]:
        policy = directives(client.get(url))
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'self'"], url


def test_admin_allows_inline_code_from_this_origin_only(admin_client):
    policy = directives(admin_client.get("/admin/"))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["default-src"] == ["'self'"]


def test_permissions_policy_turns_off_unused_features(client, conditions_index):
    header = client.get("/en/")["Permissions-Policy"]
    for feature in ["camera=()", "geolocation=()", "microphone=()", "payment=()"]:
        assert feature in header
