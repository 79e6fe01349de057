"""The organisation in schema.org terms on the home page, read back as a search engine would."""

import datetime

import extruct
import pytest
from wagtail.models import Site

from home.models import OpeningHours, SiteSettings, SocialLink
from tests.factories import ConditionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_settings(home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Green Leaf Clinic"
    settings.organisation_type = "MedicalBusiness"
    settings.street_address = "12 High Street"
    settings.locality = "Springfield"
    settings.region = "IL"
    settings.postal_code = "62701"
    settings.country = "US"
    settings.phone = "+1 555 010 0199"
    settings.opening_hours = [
        OpeningHours(weekday=day, opens=datetime.time(11), closes=datetime.time(19))
        for day in range(5)
    ] + [OpeningHours(weekday=5, opens=datetime.time(9), closes=datetime.time(16))]
    settings.social_links = [
        SocialLink(name="Instagram", url="https://instagram.example/greenleaf"),
        SocialLink(name="Facebook", url="https://facebook.example/greenleaf"),
    ]
    settings.save()
    return settings


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return extruct.extract(
        response.content.decode(), base_url="http://localhost" + url, syntaxes=["json-ld"]
    )["json-ld"]


def test_home_page_describes_the_organisation_from_the_site_settings(client, site_settings):
    [organisation] = json_ld(client, "/en/")

    assert organisation["@type"] == "MedicalBusiness"
    assert organisation["@id"] == "http://localhost/#organisation"
    assert organisation["name"] == "Green Leaf Clinic"
    assert organisation["url"] == "http://localhost/"
    assert organisation["telephone"] == "+1 555 010 0199"
    assert organisation["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "12 High Street",
        "addressLocality": "Springfield",
        "addressRegion": "IL",
        "postalCode": "62701",
        "addressCountry": "US",
    }
    hours = organisation["openingHoursSpecification"]
    assert [(h["dayOfWeek"], h["opens"], h["closes"]) for h in hours] == [
        ("https://schema.org/Monday", "11:00", "19:00"),
        ("https://schema.org/Tuesday", "11:00", "19:00"),
        ("https://schema.org/Wednesday", "11:00", "19:00"),
        ("https://schema.org/Thursday", "11:00", "19:00"),
        ("https://schema.org/Friday", "11:00", "19:00"),
        ("https://schema.org/Saturday", "09:00", "16:00"),
    ]
    assert organisation["sameAs"] == [
        "https://instagram.example/greenleaf",
        "https://facebook.example/greenleaf",
    ]


def test_organisation_type_follows_the_settings(client, site_settings):
    site_settings.organisation_type = "Store"
    site_settings.save()
    [organisation] = json_ld(client, "/en/")
    assert organisation["@type"] == "Store"


def test_organisation_with_only_a_name_leaves_the_rest_out(client, home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Green Leaf"
    settings.save()
    [organisation] = json_ld(client, "/en/")
    assert organisation["@type"] == "LocalBusiness"
    for key in ("address", "telephone", "openingHoursSpecification", "sameAs"):
        assert key not in organisation


def test_organisation_json_ld_cannot_close_its_script_tag(client, site_settings):
    site_settings.organisation_name = "</script><script>alert(1)</script>"
    site_settings.save()
    html = client.get("/en/").content.decode()
    assert "<script>alert(1)" not in html
    [organisation] = json_ld(client, "/en/")
    assert organisation["name"] == "</script><script>alert(1)</script>"


def test_guide_names_the_organisation_as_its_publisher(client, site_settings, conditions_index):
    guide = ConditionPageFactory(title="Dystonia", slug="dystonia")
    [page] = json_ld(client, guide.url)
    assert page["@type"] == "MedicalWebPage"
    assert page["publisher"] == {"@id": "http://localhost/#organisation"}
