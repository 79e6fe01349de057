"""The Atom feed of each language's guides: only what is published and public."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ConditionPageFactory

pytestmark = pytest.mark.django_db

ATOM = {"a": "http://www.w3.org/2005/Atom"}


def feed_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own feed)
    return root, {
        entry.findtext("a:title", namespaces=ATOM): entry for entry in root.findall("a:entry", ATOM)
    }


def test_english_feed_lists_live_public_guides_with_their_summary_and_dates(client, guides):
    root, entries = feed_entries(client, "/en/conditions/feed/")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert set(entries) == {"Dystonia", "Migraine"}
    dystonia = entries["Dystonia"]
    assert dystonia.find("a:link", ATOM).get("href") == "http://localhost/en/conditions/dystonia/"
    assert dystonia.findtext("a:summary", namespaces=ATOM) == "Muscles tighten."
    assert dystonia.findtext("a:updated", namespaces=ATOM)
    assert dystonia.findtext("a:published", namespaces=ATOM)


def test_feed_never_shows_drafts_restricted_guides_or_unreviewed_translations(client, guides):
    for url in ("/en/conditions/feed/", "/es/conditions/feed/"):
        text = client.get(url).content.decode()
        for slug in guides["hidden_slugs"]:
            assert slug not in text, f"{slug} in {url}"
        assert "canary" not in text.lower()


def test_a_published_change_waits_for_publishing_to_reach_the_feed(client, guides):
    dystonia = guides["dystonia"]
    dystonia.title = "Draft change canary"
    dystonia.save_revision()
    _root, entries = feed_entries(client, "/en/conditions/feed/")
    assert "Dystonia" in entries and "Draft change canary" not in entries


def test_spanish_feed_lists_only_spanish_guides(client, guides):
    root, entries = feed_entries(client, "/es/conditions/feed/")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    assert set(entries) == {"Distonía"}
    link = entries["Distonía"].find("a:link", ATOM).get("href")
    assert link == "http://localhost/es/conditions/distonia/"


def test_a_to_z_page_links_to_its_feed_in_the_head(client, guides):
    for language in ("en", "es"):
        soup = BeautifulSoup(client.get(f"/{language}/conditions/").content, "html.parser")
        link = soup.head.select_one("link[rel=alternate][type='application/atom+xml']")
        assert link["href"] == f"/{language}/conditions/feed/"


def test_feed_makes_the_same_number_of_queries_for_more_guides(client, guides):
    def count():
        client.get("/en/conditions/feed/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/conditions/feed/").status_code == 200
        return len(queries)

    before = count()
    for number in range(5):
        ConditionPageFactory(title=f"Guide {number}", slug=f"guide-{number}")
    assert count() == before
