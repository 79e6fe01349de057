"""The edge cache for real: Varnish (deploy/default.vcl) in front of gunicorn running
the production settings, changed from another process as an editor would change it.

"Visible at once" here means: on the very next request after the publishing process
has returned. docs/benchmarks.md measures how long that takes.
"""

import gzip
import re
import urllib.request
import uuid

import pytest

from .stack import USERBAR

pytestmark = pytest.mark.stack

GUIDE = "/en/conditions/dystonia/"
A_TO_Z = "/en/conditions/"


def fill_cache(stack, path):
    stack.get(path)
    response = stack.get(path)
    assert response.status == 200
    assert response.cached, "an anonymous page should be served from the cache"
    return response


def test_anonymous_visitors_share_one_cached_copy_whatever_cookies_they_send(stack):
    fill_cache(stack, GUIDE)
    with_cookies = stack.get(GUIDE, cookies={"_ga": "GA1.1.5", "csrftoken": "x" * 32})
    assert with_cookies.cached
    assert "Dystonia" in with_cookies.text
    assert USERBAR not in with_cookies.text
    # Every page says so because of the user bar; the cache keeps one copy anyway.
    assert "Cookie" in with_cookies.headers["Vary"]


def test_static_files_have_hashed_names_and_are_cached_for_good(stack):
    page = fill_cache(stack, GUIDE)
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page.text)
    assert stylesheet, "the stylesheet should have a hashed name"
    response = stack.get(stylesheet.group(1))
    assert response.status == 200
    assert "immutable" in response.headers["Cache-Control"]


def get_gzipped(stack, path):
    request = urllib.request.Request(stack.stack.url + path, headers={"Accept-Encoding": "gzip"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.headers.get("Content-Encoding"), response.read()


def test_cached_pages_are_compressed_for_browsers_that_ask(stack):
    fill_cache(stack, GUIDE)
    encoding, body = get_gzipped(stack, GUIDE)
    assert encoding == "gzip"
    assert "Dystonia" in gzip.decompress(body).decode()
    assert "Dystonia" in stack.get(GUIDE).text, "a client that does not ask gets plain HTML"


def test_pages_with_a_csrf_token_or_the_visitors_words_are_not_compressed(stack):
    # Compression beside a secret and reflected input would leak the secret (BREACH).
    assert get_gzipped(stack, "/en/newsletter/")[0] is None
    assert get_gzipped(stack, "/en/search/?q=dystonia")[0] is None


def test_published_change_is_visible_to_the_next_anonymous_visitor(stack):
    fill_cache(stack, GUIDE)
    fill_cache(stack, A_TO_Z)
    fill_cache(stack, "/en/")
    summary = f"Newly reviewed summary {uuid.uuid4().hex}."

    stack.site("publish", "dystonia", summary)

    for path in (GUIDE, A_TO_Z, "/en/"):
        assert summary in stack.get(path).text, f"{path} still shows the old summary"
    assert stack.get(GUIDE).cached, "the new version is cached in turn"


def test_scheduled_publishing_purges_the_cache(stack):
    fill_cache(stack, GUIDE)
    summary = f"Scheduled summary {uuid.uuid4().hex}."

    stack.site("schedule", "dystonia", summary)

    assert summary in stack.get(GUIDE).text


def test_unpublished_guide_disappears_from_the_site_at_once(stack):
    fill_cache(stack, "/en/conditions/epilepsy/")
    fill_cache(stack, A_TO_Z)

    stack.site("unpublish", "epilepsy")

    assert stack.get("/en/conditions/epilepsy/").status == 404
    assert "/en/conditions/epilepsy/" not in stack.get(A_TO_Z).text


def test_logged_in_editor_never_gets_nor_fills_the_cache(stack):
    editor = {"sessionid": stack.site("login", "editor"), "_ga": "GA1.1.5"}
    fill_cache(stack, GUIDE)

    mine = stack.get(GUIDE, cookies=editor)
    assert not mine.cached
    assert USERBAR in mine.text, "the editor should see their own page with the user bar"

    # After a publish the cache is empty: the editor's views must not fill it.
    stack.site("publish", "dystonia", f"Summary {uuid.uuid4().hex}.")
    for _ in range(2):
        again = stack.get(GUIDE, cookies=editor)
        assert not again.cached
        assert USERBAR in again.text
    visitor = stack.get(GUIDE)
    assert not visitor.cached, "the editor's page must not have been cached"
    assert USERBAR not in visitor.text
    assert stack.get(GUIDE).cached
    assert USERBAR in stack.get(GUIDE, cookies=editor).text


def test_admin_and_signup_pass_through_the_cache(stack):
    stack.get("/admin/login/")
    assert not stack.get("/admin/login/").cached
    stack.get("/en/newsletter/")
    assert not stack.get("/en/newsletter/").cached


def test_newsletter_signup_works_from_a_cached_page(stack):
    page = fill_cache(stack, GUIDE)
    assert 'data-csrf-url="/en/newsletter/token/"' in page.text
    assert "csrfmiddlewaretoken" not in page.text, "a cached page must carry no token"
    before = int(stack.site("signups"))

    # What static/js/site.js does when the footer form is sent.
    token, cookies = stack.token()
    response = stack.request(
        "/en/newsletter/",
        cookies=cookies,
        data={
            "csrfmiddlewaretoken": token,
            "first_name": "Ana",
            "last_name": "Lopez",
            "email": "ana@example.org",
            "confirm_email": "ana@example.org",
        },
    )

    assert response.status == 302
    assert int(stack.site("signups")) == before + 1
