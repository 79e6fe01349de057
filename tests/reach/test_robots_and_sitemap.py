"""robots.txt and the sitemap: what search engines read first."""

import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ConditionPageFactory
from tests.tools import need_tool

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


def validate_sitemap(path):
    """xmllint's verdict on a sitemap, against the bundled sitemaps.org and xhtml schemas."""
    return subprocess.run(  # noqa: S603
        [
            need_tool("xmllint", "libxml2-utils"),
            "--noout",
            "--nonet",
            "--schema",
            str(SCHEMAS / "sitemap-with-alternates.xsd"),
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_sitemap_validates_against_the_sitemaps_org_schema(client, guides, tmp_path):
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_bytes(client.get("/sitemap.xml").content)
    result = validate_sitemap(sitemap)
    assert result.returncode == 0, result.stderr
    assert "validates" in result.stderr


URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:other="https://example.org/other">'
    "<url><loc>http://localhost/en/</loc>{}</url></urlset>"
)


@pytest.mark.parametrize(
    "sitemap",
    [
        pytest.param(
            URLSET.format('<xhtml:link rel="alternate" href="/es/"/>'), id="bad-alternate"
        ),
        # sitemaps.org's wildcards are strict: an extension no schema declares is refused.
        pytest.param(URLSET.format("<other:thing>1</other:thing>"), id="undeclared-extension"),
        # <url> is not a root element of its own.
        pytest.param(
            '<url xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<loc>http://localhost/en/</loc></url>",
            id="url-as-root",
        ),
    ],
)
def test_schema_check_refuses_a_sitemap_the_published_schemas_refuse(sitemap, tmp_path):
    """The schema files do check what the test above validates, so it can fail."""
    path = tmp_path / "sitemap.xml"
    path.write_text(sitemap)
    assert validate_sitemap(path).returncode != 0


def test_schema_check_accepts_a_sitemap_with_a_good_alternate(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text(
        URLSET.format('<xhtml:link rel="alternate" hreflang="es" href="http://localhost/es/"/>')
    )
    result = validate_sitemap(path)
    assert result.returncode == 0, result.stderr


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
