"""The header, footer, disclaimer and language links are cached, and never stale.

Every page repeats them, so they are rendered once per site and language and kept in
the cache; saving site settings, site texts or body systems, or publishing a page,
makes the next visitor see the change.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from wagtail.models import Locale, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.middleware import CachedSiteMiddleware
from home.models import OpeningHours, SiteSettings, SiteText
from home.site_tree import get_or_create_conditions_index
from tests.factories import ConditionPageFactory, full_body

pytestmark = pytest.mark.django_db


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def header_name(client, url):
    return soup_of(client, url).select_one(".site-header__name").get_text()


@pytest.fixture
def site_settings(conditions_index):
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def guide(conditions_index):
    return ConditionPageFactory(title="Dystonia", slug="dystonia", body=full_body())


def test_saved_site_settings_show_on_the_next_page(client, site_settings, guide):
    site_settings.organisation_name = "Green Cross"
    site_settings.save()
    soup = soup_of(client, guide.url)
    assert "| Green Cross" in soup.title.get_text()

    site_settings.organisation_name = "Green Cross Dispensary"
    site_settings.phone = "+1 555 010 0199"
    site_settings.save()

    soup = soup_of(client, guide.url)
    assert soup.title.get_text().endswith("| Green Cross Dispensary")
    assert soup.select_one(".site-header__name").get_text() == "Green Cross Dispensary"
    assert "+1 555 010 0199" in soup.select_one(".site-header__details").get_text()
    assert "Green Cross Dispensary" in soup.select_one(".site-footer").get_text()


def test_opening_hours_added_show_in_the_header_at_once(client, site_settings, guide):
    assert soup_of(client, guide.url).select_one(".site-header__details") is None
    OpeningHours.objects.create(
        settings=site_settings, weekday=0, opens=datetime.time(9), closes=datetime.time(17)
    )
    details = soup_of(client, guide.url).select_one(".site-header__details").get_text()
    assert "Mon 9–5" in details


def test_settings_saved_in_the_admin_show_on_the_public_page(
    client, site_settings, guide, django_user_model
):
    assert header_name(client, guide.url) != "Sunrise Pharmacy"
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.com", "pw"))
    data = nested_form_data(
        {
            "organisation_name": "Sunrise Pharmacy",
            "organisation_type": "Store",
            "street_address": "",
            "locality": "",
            "region": "",
            "postal_code": "",
            "country": "",
            "phone": "",
            "email": "",
            "site_text": "",
            "flagged_claim_words": "cure",
            "opening_hours": inline_formset([]),
            "social_links": inline_formset(
                [{"name": "Mastodon", "url": "https://social.example/@sunrise"}]
            ),
        }
    )
    response = client.post(f"/admin/settings/home/sitesettings/{site_settings.site_id}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()

    soup = soup_of(client, guide.url)
    assert soup.select_one(".site-header__name").get_text() == "Sunrise Pharmacy"
    assert soup.select_one(".site-footer__social a")["href"] == "https://social.example/@sunrise"


def test_an_edited_disclaimer_shows_on_every_guide_in_its_language(
    client, site_settings, guide, conditions_index
):
    text = SiteText.objects.create(medical_disclaimer=rich_text("<p>Ask your doctor.</p>"))
    site_settings.site_text = text
    site_settings.save()
    assert "Ask your doctor." in soup_of(client, guide.url).select_one(".disclaimer").get_text()

    text.medical_disclaimer = "<p>Always ask your doctor first.</p>"
    text.save()

    disclaimer = soup_of(client, guide.url).select_one(".disclaimer").get_text()
    assert "Always ask your doctor first." in disclaimer


def test_the_header_is_cached_per_language(client, guide, conditions_index):
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    spanish_index = get_or_create_conditions_index(spanish)
    english_nav = soup_of(client, guide.url).select_one(".site-nav > .site-nav__list").get_text()
    spanish_nav = (
        soup_of(client, spanish_index.url).select_one(".site-nav > .site-nav__list").get_text()
    )
    assert "Home" in english_nav
    assert "Inicio" in spanish_nav
    assert "Home" not in spanish_nav


def test_publishing_a_translation_adds_it_to_the_language_switcher_at_once(
    client, guide, conditions_index
):
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    get_or_create_conditions_index(spanish)

    def switcher():
        return soup_of(client, guide.url).select_one(".language-switcher").get_text()

    assert "(this page is not translated yet" in switcher()
    translation = guide.copy_for_translation(spanish)
    translation.save_revision().publish()
    assert "(this page is not translated yet" not in switcher()


def test_the_user_bar_is_never_cached(client, guide, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.get(guide.url)  # Fill the cache as a visitor.
    client.force_login(editor)
    assert soup_of(client, guide.url).find("wagtail-userbar") is not None
    client.logout()
    assert soup_of(client, guide.url).find("wagtail-userbar") is None


def test_wagtail_uses_the_site_the_middleware_found(conditions_index):
    """Fails loudly if Wagtail stops reading ``request._wagtail_site`` (a private name)."""
    request = RequestFactory().get("/en/")
    CachedSiteMiddleware(lambda request: None)(request)  # Fills the cache.
    request = RequestFactory().get("/en/")
    CachedSiteMiddleware(lambda request: None)(request)
    assert Site.find_for_request(request) is request._wagtail_site
    assert Site.find_for_request(request).root_page.specific == conditions_index.get_parent()


def test_a_new_site_is_found_after_it_is_saved(client, conditions_index):
    home = conditions_index.get_parent()
    client.get("/en/", HTTP_HOST="guides.example")  # The default site answers, and is cached.
    site = Site.objects.create(hostname="guides.example", port=80, root_page=home)
    request = RequestFactory().get("/en/", HTTP_HOST="guides.example")
    CachedSiteMiddleware(lambda request: None)(request)
    assert Site.find_for_request(request) == site
