"""What a link shows when shared: Open Graph and Twitter card tags on every page."""

import pytest
from bs4 import BeautifulSoup
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from home.models import SiteSettings
from tests.factories import ConditionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return get_image_model().objects.create(
        title="Leaves", file=get_test_image_file(size=(1600, 900))
    )


@pytest.fixture
def site_settings(home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Green Leaf Clinic"
    settings.country = "US"
    settings.save()
    return settings


def tags(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    found = {}
    for meta in soup.select("meta[property^='og:'], meta[name^='twitter:']"):
        found.setdefault(meta.get("property") or meta.get("name"), []).append(meta["content"])
    return found


def test_guide_shares_its_title_summary_address_and_hero_image(
    client, site_settings, guides, image
):
    dystonia = guides["dystonia"]
    dystonia.hero_image, dystonia.hero_image_alt = image, "A person stretching."
    dystonia.save_revision().publish()

    found = tags(client, "/en/conditions/dystonia/")

    assert found["og:type"] == ["article"]
    assert found["og:title"] == ["Dystonia"]
    assert found["og:description"] == ["Muscles tighten."]
    assert found["og:url"] == ["http://localhost/en/conditions/dystonia/"]
    assert found["og:site_name"] == ["Green Leaf Clinic"]
    assert found["og:locale"] == ["en_US"]
    assert found["og:locale:alternate"] == ["es_US"]
    [image_url] = found["og:image"]
    assert image_url.startswith("http://localhost/") and image_url.endswith(".jpg")
    assert found["og:image:width"] == ["1200"] and found["og:image:height"] == ["630"]
    assert found["og:image:alt"] == ["A person stretching."]
    assert found["twitter:card"] == ["summary_large_image"]
    assert found["twitter:title"] == ["Dystonia"]
    assert found["twitter:image"] == [image_url]


def test_spanish_guide_names_its_own_locale_and_the_english_one(client, site_settings, guides):
    found = tags(client, "/es/conditions/distonia/")
    assert found["og:locale"] == ["es_US"]
    assert found["og:locale:alternate"] == ["en_US"]
    assert found["og:url"] == ["http://localhost/es/conditions/distonia/"]


def test_pages_without_an_image_share_the_site_default(client, site_settings, guides, image):
    site_settings.default_share_image = image
    site_settings.save()
    for url in ("/en/", "/en/conditions/", "/en/conditions/migraine/"):
        found = tags(client, url)
        assert found["og:image"][0].startswith("http://localhost/"), url
        assert found["og:image:alt"] == ["Leaves"], url
        assert found["twitter:card"] == ["summary_large_image"], url


def test_without_any_image_the_card_is_a_summary(client, site_settings, guides):
    found = tags(client, "/en/conditions/migraine/")
    assert "og:image" not in found
    assert found["twitter:card"] == ["summary"]
    assert "og:locale:alternate" not in found, "the Spanish migraine is an unreviewed draft"


def test_share_tags_escape_what_editors_type(client, site_settings, conditions_index):
    ConditionPageFactory(title='Tics "><script>alert(1)</script>', slug="tics")
    html = client.get("/en/conditions/tics/").content.decode()
    assert "<script>alert(1)" not in html
