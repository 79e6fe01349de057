"""Generated hostile input on every public URL: the answer is 200, a redirect or a 4xx, never 500.

Hypothesis sends strings with NUL and other control characters, unicode from every plane
(no lone surrogates: no browser or proxy can send those), `%`, CR LF, SQL and HTML
fragments and very long values to every query parameter, form field and path segment a
visitor can reach without signing in. The examples are derandomized, so CI sees the same
ones every run.

`test_every_public_url_is_covered` walks the URL configuration: a new public URL fails
it until it is added to `COVERED` with a test here (the admin, behind its login, is
tested elsewhere).
"""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from review.models import ShareLink
from tests.factories import BodySystemFactory, ConditionPageFactory, full_body

pytestmark = pytest.mark.django_db

FRAGMENTS = [
    "\x00",
    "%",
    "%00",
    "%%",
    "%ff%fe",
    "\r\n",
    "\r\nSet-Cookie: x=1",
    "' OR '1'='1",
    '"; DROP TABLE wagtailcore_page; --',
    "1; SELECT pg_sleep(0)",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}{% debug %}",
    "../../etc/passwd",
    "//evil.example/",
    "javascript:alert(1)",
    "-1",
    "0",
    "1e9",
    "9" * 400,
    "AND OR NOT * ( ) \" ' :",
    "ñandú 漢字 🙂 parkinson’s",
    "\u202e\u200b\ufeff",
    "a@b",
    "ünïcödé@exämple.org",
]

# Any unicode scalar value: lone surrogates (category Cs) cannot be sent as UTF-8.
unicode_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
hostile = st.one_of(
    st.sampled_from(FRAGMENTS),
    unicode_text,
    st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=4).map("".join),
    st.builds(lambda piece, times: piece * times, st.sampled_from(FRAGMENTS), st.just(400)),
    st.text(st.characters(max_codepoint=0x1F), max_size=20),
)
# A path segment can be empty in a query, not in a URL: "/share//" is another address.
segment = hostile.filter(bool)

EXAMPLES = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def client():
    """A visitor whose 500s come back as responses, with rate limits reset for each example."""
    cache.clear()
    return Client(raise_request_exception=False)


def path_part(text):
    return quote(text, safe="")


def assert_answered(response, where):
    status = response.status_code
    assert status == 200 or 300 <= status < 500, f"{where} answered {status}"


@pytest.fixture
def site(conditions_index):
    system = BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")
    guide = ConditionPageFactory(
        title="Dystonia", slug="dystonia", body=full_body(), body_systems=[system]
    )
    home = conditions_index.get_parent()
    return {"home": home.url, "index": conditions_index.url, "guide": guide}


# What each public URL is exercised by. Keyed by URL name, or by route for an unnamed one.
COVERED = {
    "healthz": "test_query_strings_on_plain_pages",
    "sitemap": "test_query_strings_on_plain_pages",
    "robots_txt": "test_query_strings_on_plain_pages",
    "switch_language": "test_language_switch",
    "review_shared_draft": "test_share_link_tokens",
    "wagtaildocs_serve": "test_document_addresses",
    "wagtaildocs_authenticate_with_password": "test_document_addresses",
    "search": "test_search",
    "search_suggest": "test_search",
    "newsletter:signup": "test_newsletter_signup",
    "newsletter:token": "test_query_strings_on_plain_pages",
    "newsletter:confirm": "test_newsletter_links",
    "newsletter:unsubscribe": "test_newsletter_links",
    "comments:post": "test_comment_form",
    "feedback:vote": "test_page_feedback",
    "feedback:thanks": "test_page_feedback",
    "feedback:missing": "test_page_feedback",
    "wagtailcore_authenticate_with_password": "test_page_password_and_login_forms",
    "wagtailcore_login": "test_page_password_and_login_forms",
    "wagtail_serve": "test_browse_pages and test_language_prefixes",
    "wagtailapi:guides:listing": "test_content_api",
    "wagtailapi:guides:detail": "test_content_api",
    "wagtailapi:guides:find": "test_content_api",
}


def public_urls(patterns=None, prefix="", namespace=""):
    """(key, route) for every URL outside the admin."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith("admin/"):
            continue
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from public_urls(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}{pattern.name}" if pattern.name else route), route


def test_every_public_url_is_covered():
    found = dict(public_urls())
    missing = sorted(set(found) - set(COVERED))
    assert not missing, f"Public URLs no hostile-input test sends anything to: {missing}"
    assert not set(COVERED) - set(found), "COVERED names a URL that no longer exists"


@EXAMPLES
@given(q=hostile, page=hostile, system=hostile, evidence=hostile, key=hostile)
def test_search(site, q, page, system, evidence, key):
    visitor = client()
    query = {"q": q, "page": page, "system": system, "evidence": evidence, key: q}
    for name in ("search", "search_suggest"):
        for language in ("en", "es"):
            url = reverse(name).replace("/en/", f"/{language}/", 1)
            assert_answered(visitor.get(url, query), f"{url} {query!r}")
    url = reverse("search")
    assert_answered(visitor.get(url, {"q": q}), f"{url} q={q!r}")


@EXAMPLES
@given(system=hostile, page=hostile, key=hostile, value=hostile)
def test_browse_pages(site, system, page, key, value):
    """The home page, the A–Z with its body-system filter and pagination, a guide, the feed."""
    visitor = client()
    query = {"system": system, "page": page, key: value}
    for url in (site["home"], site["index"], site["guide"].url, f"{site['index']}feed/"):
        assert_answered(visitor.get(url, query), f"{url} {query!r}")
        assert_answered(visitor.get(url, {"page": page}), f"{url} page={page!r}")


@EXAMPLES
@given(language=segment, slug=segment)
def test_language_prefixes(site, language, slug):
    visitor = client()
    for url in (
        f"/{path_part(language)}/conditions/",
        f"/{path_part(language)}/conditions/dystonia/",
        f"/{path_part(language)}/",
        f"/en/conditions/{path_part(slug)}/",
        f"/es/{path_part(slug)}/conditions/",
        f"/{path_part(language)}/{path_part(slug)}/",
    ):
        assert_answered(visitor.get(url), url)


@EXAMPLES
@given(
    first_name=hostile,
    last_name=hostile,
    email=hostile,
    confirm_email=hostile,
    key=hostile,
    same_email=st.booleans(),
)
def test_newsletter_signup(db, first_name, last_name, email, confirm_email, key, same_email):
    visitor = client()
    url = reverse("newsletter:signup")
    if same_email:
        confirm_email = email
    form = {
        "first_name": first_name,
        "last_name": last_name,
        "email": email,
        "confirm_email": confirm_email,
        key: email,
    }
    assert_answered(visitor.post(url, form), f"POST {url} {form!r}")
    assert_answered(visitor.get(url, form), f"GET {url} {form!r}")
    # The footer form without its CSRF token gets the signup page back, never a 500.
    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    assert_answered(strict.post(url, form), f"POST {url} without a token {form!r}")


@EXAMPLES
@given(name=hostile, email=hostile, text=hostile, website=hostile, key=hostile, guide_id=segment)
def test_comment_form(site, name, email, text, website, key, guide_id):
    visitor = client()
    form = {"name": name, "email": email, "text": text, "website": website, key: text}
    url = reverse("comments:post", args=[site["guide"].pk])
    assert_answered(visitor.post(url, form), f"POST {url} {form!r}")
    assert_answered(visitor.get(url, form), f"GET {url} {form!r}")
    strict = Client(enforce_csrf_checks=True, raise_request_exception=False)
    assert_answered(strict.post(url, form), f"POST {url} without a token {form!r}")
    other = f"/en/comments/{path_part(guide_id)}/"
    assert_answered(visitor.post(other, form), f"POST {other} {form!r}")


@EXAMPLES
@given(answer=hostile, missing=hostile, token=hostile, key=hostile, guide_id=segment)
def test_page_feedback(site, answer, missing, token, key, guide_id):
    visitor = client()
    pk = site["guide"].pk
    for name, form in (
        ("feedback:vote", {"helpful": answer, key: missing}),
        ("feedback:missing", {"token": token, "missing": missing, key: answer}),
        ("feedback:thanks", {"answer": answer, "token": token, key: missing}),
    ):
        url = reverse(name, args=[pk])
        assert_answered(visitor.post(url, form), f"POST {url} {form!r}")
        assert_answered(visitor.get(url, form), f"GET {url} {form!r}")
        other = url.replace(f"/{pk}/", f"/{path_part(guide_id)}/")
        assert_answered(visitor.post(other, form), f"POST {other} {form!r}")


@EXAMPLES
@given(token=segment, key=hostile)
def test_newsletter_links(db, token, key):
    visitor = client()
    for name in ("newsletter:confirm", "newsletter:unsubscribe"):
        url = reverse(name, args=["x"]).replace("/x/", f"/{path_part(token)}/")
        assert_answered(visitor.get(url, {key: token}), f"GET {url}")
        assert_answered(visitor.post(url, {key: token}), f"POST {url}")


@EXAMPLES
@given(token=segment, key=hostile)
def test_share_link_tokens(site, django_user_model, token, key):
    visitor = client()
    editor = django_user_model.objects.get_or_create(username="editor")[0]
    _link, real = ShareLink.create_for(site["guide"], editor, "For the reviewer")
    for url in (f"/share/{path_part(token)}/", f"/share/{real}/"):
        assert_answered(visitor.get(url, {key: token}), url)


@EXAMPLES
@given(language=segment, next_url=hostile)
def test_language_switch(db, language, next_url):
    visitor = client()
    for code in (path_part(language), "es"):
        url = f"/language/{code}/"
        assert_answered(visitor.get(url, {"next": next_url}), f"{url} next={next_url!r}")


@EXAMPLES
@given(key=hostile, value=hostile)
def test_query_strings_on_plain_pages(db, key, value):
    visitor = client()
    for url in ("/healthz", "/sitemap.xml", "/robots.txt", reverse("newsletter:token"), "/"):
        assert_answered(visitor.get(url, {key: value}), f"{url} {key!r}={value!r}")


@EXAMPLES
@given(number=st.integers(min_value=0, max_value=2**63), name=segment, password=hostile)
def test_document_addresses(db, number, name, password):
    visitor = client()
    url = f"/documents/{number}/{path_part(name)}"
    assert_answered(visitor.get(url), url)
    url = f"/documents/authenticate_with_password/{number}/"
    assert_answered(visitor.post(url, {"password": password, "return_url": name}), url)


@EXAMPLES
@given(
    restriction=st.integers(min_value=0, max_value=2**63),
    username=hostile,
    password=hostile,
    next_url=hostile,
)
def test_page_password_and_login_forms(site, restriction, username, password, next_url):
    visitor = client()
    guide = site["guide"]
    url = f"/en/_util/authenticate_with_password/{restriction}/{guide.pk}/"
    form = {"password": password, "return_url": next_url}
    assert_answered(visitor.post(url, form), f"POST {url} {form!r}")
    # Wagtail's front-end login, and the admin's: the only admin form a visitor can reach.
    for url in ("/en/_util/login/", reverse("wagtailadmin_login")):
        form = {"username": username, "password": password, "next": next_url}
        assert_answered(visitor.post(url, form), f"POST {url} {form!r}")
        assert_answered(visitor.get(url, {"next": next_url}), f"GET {url} next={next_url!r}")


@EXAMPLES
@given(
    locale=hostile,
    system=hostile,
    key=hostile,
    value=hostile,
    number=st.integers(min_value=0, max_value=2**63),
)
def test_content_api(site, locale, system, key, value, number):
    visitor = client()
    query = {"locale": locale, "body_system": system, key: value}
    for params in (query, {"body_system": system}, {"search": value}, {"limit": value}):
        assert_answered(visitor.get("/api/v2/guides/", params), f"listing {params!r}")
    assert_answered(visitor.get(f"/api/v2/guides/{number}/"), f"detail {number}")
    assert_answered(visitor.get("/api/v2/guides/find/", {"html_path": value, "id": value}), "find")
