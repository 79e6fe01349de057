"""What visitors see: their language at "/", the switcher, hreflang links and search."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.factories import ConditionPageFactory
from translations.demo import translate_with_strings
from translations.links import language_links

from .spanish import DYSTONIA


def alternates(response):
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', response.text)


def switcher(response):
    html = response.text
    start = html.index('<nav class="language-switcher"')
    return html[start : html.index("</nav>", start)]


@pytest.fixture
def distonia(dystonia, spanish, spanish_index):
    guide = translate_with_strings(dystonia, spanish, DYSTONIA)
    guide.get_latest_revision().publish()
    guide.refresh_from_db()
    return guide


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9,en;q=0.5"}, "/es/"),
        ({"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9"}, "/en/"),
        ({}, "/en/"),
    ],
)
def test_root_sends_visitors_to_their_language(client, home_page, headers, expected):
    response = client.get("/", **headers)

    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_chosen_in_the_switcher_sticks(client, home_page, distonia):
    response = client.get("/language/es/", {"next": "/es/conditions/distonia/"})

    assert response.status_code == 302
    assert response["Location"] == "/es/conditions/distonia/"
    assert response.cookies["django_language"].value == "es"
    # Back at "/", the cookie wins over the browser's language.
    root = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert root["Location"] == "/es/"


def test_switcher_view_refuses_other_sites_and_unknown_languages(client, home_page):
    response = client.get("/language/es/", {"next": "https://evil.example/"})
    assert response["Location"] == "/es/"
    assert client.get("/language/xx/", follow=True).status_code == 404


def test_translated_guide_links_to_its_translation_with_hreflang(client, dystonia, distonia):
    response = client.get("/es/conditions/distonia/")

    assert response.status_code == 200
    assert '<html lang="es">' in response.text
    assert alternates(response) == [
        ("en", "http://localhost/en/conditions/dystonia/"),
        ("es", "http://localhost/es/conditions/distonia/"),
        ("x-default", "http://localhost/en/conditions/dystonia/"),
    ]
    nav = switcher(response)
    assert 'href="/language/en/?next=%2Fen%2Fconditions%2Fdystonia%2F" hreflang="en"' in nav
    assert 'aria-current="true">Español<' in nav
    english = client.get("/en/conditions/dystonia/")
    assert 'href="/language/es/?next=%2Fes%2Fconditions%2Fdistonia%2F"' in switcher(english)


def test_untranslated_guide_sends_the_switcher_to_that_languages_home(
    client, dystonia, spanish_index
):
    response = client.get("/en/conditions/dystonia/")

    assert alternates(response) == [
        ("en", "http://localhost/en/conditions/dystonia/"),
        ("x-default", "http://localhost/en/conditions/dystonia/"),
    ]
    nav = switcher(response)
    assert 'href="/language/es/?next=%2Fes%2F"' in nav
    assert "not translated" in nav


def test_draft_translation_is_neither_linked_nor_an_alternate(
    client, dystonia, spanish, spanish_index
):
    translate_with_strings(dystonia, spanish, DYSTONIA)

    response = client.get("/en/conditions/dystonia/")

    assert [hreflang for hreflang, _url in alternates(response)] == ["en", "x-default"]
    assert "%2Fes%2Fconditions" not in switcher(response)


def test_language_links_take_the_same_queries_however_many_translations(
    rf: RequestFactory, dystonia, distonia
):
    lonely = ConditionPageFactory(title="Glaucoma", slug="glaucoma")
    counts = []
    for page in (dystonia, lonely):
        request = rf.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            links = language_links(request, page)
            [link.url for link in links.links]
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 3


def test_spanish_search_finds_spanish_guides_only(client, dystonia, distonia):
    spanish = client.get("/es/search/", {"q": "distonía"})
    english = client.get("/en/search/", {"q": "dystonia"})

    assert "/es/conditions/distonia/" in spanish.text
    assert "/en/conditions/dystonia/" not in spanish.text
    assert "/en/conditions/dystonia/" in english.text
    assert "/es/conditions/distonia/" not in english.text


def test_home_page_x_default_is_the_language_redirect(client, home_page, spanish_index):
    response = client.get("/es/")

    assert alternates(response) == [
        ("en", "http://localhost/en/"),
        ("es", "http://localhost/es/"),
        ("x-default", "http://localhost/"),
    ]
