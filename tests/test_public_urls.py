"""Every public page stands up to odd query strings, and unknown addresses get the 404 page."""

from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import BodySystemFactory, ConditionPageFactory, full_body

pytestmark = pytest.mark.django_db

PAYLOAD = '"><script>alert(1)</script>'

BAD_QUERIES = [
    "page=abc",
    "page=0",
    "page=-1",
    "page=99999",
    "page=" + "9" * 400,
    "page=1e9",
    "page=%00",
    "page=1&page=abc",
    "system=" + quote(PAYLOAD),
    "system=%00",
    "system=" + "x" * 5000,
    "system=" + quote("cerebro-ñ-漢字-🙂"),
    "q=" + quote(PAYLOAD),
    "q=%00",
    "q=" + "y" * 5000,
    "q=" + quote("ñandú 漢字 🙂 parkinson’s"),
    "q=" + quote("AND OR NOT * ( ) \" ' :"),
    "q=%ff%fe",
    quote(PAYLOAD) + "=" + quote(PAYLOAD),
    "page[]=1&system[]=x",
]


@pytest.fixture
def site_urls(conditions_index):
    system = BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")
    guide = ConditionPageFactory(
        title="Dystonia", slug="dystonia", body=full_body(), body_systems=[system]
    )
    return [
        conditions_index.get_parent().url,
        conditions_index.url,
        guide.url,
        reverse("search"),
        reverse("newsletter:signup"),
        reverse("newsletter:token"),
    ]


def test_public_urls_are_under_the_language_prefix(site_urls):
    assert site_urls == [
        "/en/",
        "/en/conditions/",
        "/en/conditions/dystonia/",
        "/en/search/",
        "/en/newsletter/",
        "/en/newsletter/token/",
    ]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_query_strings_never_break_a_page_or_echo_unescaped(client, site_urls, query):
    for url in site_urls:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, f"{url}?{query} answered {response.status_code}"
        assert "<script>alert(1)" not in response.content.decode(errors="replace"), url


@pytest.mark.parametrize("query", ["page=abc", "system=" + quote(PAYLOAD), "q=%00"])
def test_bad_query_strings_on_a_post_never_break_the_signup(client, query):
    response = client.post(f"{reverse('newsletter:signup')}?{query}", {"email": PAYLOAD})
    assert response.status_code == 400
    assert "<script>alert(1)" not in response.content.decode()


@pytest.mark.parametrize("query", ["page=abc", "comment=" + quote(PAYLOAD), "q=%00"])
def test_bad_query_strings_on_a_post_never_break_the_comment_form(client, site_urls, query):
    from conditions.models import ConditionPage

    guide = ConditionPage.objects.get(slug="dystonia")
    response = client.post(
        f"{reverse('comments:post', args=[guide.pk])}?{query}", {"text": PAYLOAD}
    )
    assert response.status_code == 400
    assert "<script>alert(1)" not in response.content.decode()


@pytest.mark.parametrize("query", ["answer=no&token=" + quote(PAYLOAD), "done=1", "answer=%00"])
def test_bad_query_strings_never_break_the_feedback_thanks_page(client, site_urls, query):
    from conditions.models import ConditionPage

    guide = ConditionPage.objects.get(slug="dystonia")
    response = client.get(f"{reverse('feedback:thanks', args=[guide.pk])}?{query}")
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_a_guide_with_a_held_comment_message_answers_and_escapes(client, site_urls):
    response = client.get(f"{site_urls[2]}?comment=held&x={quote(PAYLOAD)}")
    assert response.status_code == 200
    assert "once a moderator has approved it" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/en/no-such-page/",
        "/en/conditions/no-such-guide/",
        "/en/conditions/dystonia/extra/",
        "/en/" + quote("漢字") + "/",
        "/en/" + quote(PAYLOAD) + "/",
    ],
)
def test_unknown_urls_answer_404_with_the_not_found_page(client, site_urls, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'href="/en/conditions/"' in html
    assert 'action="/en/search/"' in html
    assert "<script>alert(1)" not in html


def test_draft_guides_answer_404(client, conditions_index):
    draft = ConditionPageFactory(title="Draft", slug="draft", publish=False)
    response = client.get(f"{conditions_index.url}{draft.slug}/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_not_found_page_works_before_any_content_exists(client, db):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_root_sends_visitors_to_their_language(client, site_urls):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_server_error_page_stands_alone(django_assert_num_queries):
    # Rendered with no request and no context processors, as Django's server_error view does,
    # and without touching the database, which may be what is failing.
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert 'href="/en/"' in html


def test_every_page_has_one_h1_and_headings_never_skip_a_level(client, site_urls):
    urls = [*site_urls[:4], f"{reverse('search')}?q=dystonia", "/en/no-such-page/"]
    for url in urls:
        response = client.get(url)
        soup = BeautifulSoup(response.content, "html.parser")
        levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert levels.count(1) == 1, (url, levels)
        assert levels[0] == 1, (url, levels)
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (url, levels)


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_query_strings_never_break_what_crawlers_read(client, site_urls, query):
    for url in ("/robots.txt", "/sitemap.xml", "/en/conditions/feed/"):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, f"{url}?{query} answered {response.status_code}"
        assert "<script>alert(1)" not in response.content.decode(errors="replace"), url
