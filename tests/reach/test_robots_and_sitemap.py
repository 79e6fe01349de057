"""robots.txt and the sitemap: what search engines read first."""

import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ConditionPageFactory

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(content):
    """{loc: (lastmod, {hreflang: href})} from a sitemap."""
    root = ElementTree.fromstring(content)  # noqa: S314 (our own sitemap)
    entries = {}
    for url in root.findall("s:url", NS):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        entries[url.findtext("s:loc", namespaces=NS)] = (
            url.findtext("s:lastmod", namespaces=NS),
            links,
        )
    return entries


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_paths(client, guides):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for path in ("/admin/", "/share/", "/en/search/", "/es/search/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    assert "Disallow: /" not in lines, "the whole site must stay crawlable"


def test_share_links_are_under_the_path_robots_txt_disallows(client, guides):
    from django.urls import reverse

    assert reverse("review_shared_draft", args=["a-token"]).startswith("/share/")


def test_sitemap_lists_every_live_public_page_in_each_language(client, guides):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = sitemap_entries(response.content)
    for url in (
        "http://localhost/en/",
        "http://localhost/es/",
        "http://localhost/en/conditions/",
        "http://localhost/es/conditions/",
        "http://localhost/en/conditions/dystonia/",
        "http://localhost/es/conditions/distonia/",
        "http://localhost/en/conditions/migraine/",
    ):
        assert url in entries, url
        assert entries[url][0], f"{url} has no lastmod"
    text = response.content.decode()
    for slug in guides["hidden_slugs"]:
        assert slug not in text


def test_sitemap_links_translations_with_hreflang_and_x_default(client, guides):
    entries = sitemap_entries(client.get("/sitemap.xml").content)
    alternates = {
        "en": "http://localhost/en/conditions/dystonia/",
        "es": "http://localhost/es/conditions/distonia/",
        "x-default": "http://localhost/en/conditions/dystonia/",
    }
    assert entries["http://localhost/en/conditions/dystonia/"][1] == alternates
    assert entries["http://localhost/es/conditions/distonia/"][1] == alternates
    assert entries["http://localhost/en/"][1]["x-default"] == "http://localhost/"
    # The Spanish migraine is an unreviewed draft: no alternate points to it.
    assert entries["http://localhost/en/conditions/migraine/"][1] == {}


@pytest.mark.skipif(not shutil.which("xmllint"), reason="xmllint (libxml2-utils) is not installed")
def test_sitemap_validates_against_the_sitemaps_org_schema(client, guides, tmp_path):
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_bytes(client.get("/sitemap.xml").content)
    result = subprocess.run(  # noqa: S603
        [
            shutil.which("xmllint"),
            "--noout",
            "--nonet",
            "--schema",
            str(SCHEMAS / "sitemap-with-alternates.xsd"),
            str(sitemap),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "validates" in result.stderr


@pytest.mark.skipif(not shutil.which("xmllint"), reason="xmllint (libxml2-utils) is not installed")
def test_schema_check_refuses_a_sitemap_with_a_bad_alternate(tmp_path):
    """The schema files do check the xhtml:link alternates, so the test above can fail."""
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>http://localhost/en/</loc>'
        '<xhtml:link rel="alternate" href="/es/"/></url></urlset>'
    )
    result = subprocess.run(  # noqa: S603
        [
            shutil.which("xmllint"),
            "--noout",
            "--nonet",
            "--schema",
            str(SCHEMAS / "sitemap-with-alternates.xsd"),
            str(sitemap),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_sitemap_makes_the_same_number_of_queries_for_more_guides(client, guides):
    before = count_queries(client, "/sitemap.xml")
    for number in range(5):
        ConditionPageFactory(title=f"Guide {number}", slug=f"guide-{number}")
    assert count_queries(client, "/sitemap.xml") == before
