"""The home page: featured and recent guides, browsing by body system, the search box."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale, Site

from home.models import FeaturedGuide, OpeningHours, SiteSettings
from home.site_tree import get_or_create_conditions_index
from tests.factories import BodySystemFactory, ConditionPageFactory

pytestmark = pytest.mark.django_db


def get_soup(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card_titles(soup, heading_id):
    section = soup.find(id=heading_id).find_parent("section")
    return [a.get_text() for a in section.select(".guide-card__title a")]


def feature(home_page, *guides):
    for n, guide in enumerate(guides):
        FeaturedGuide.objects.create(page=home_page, guide=guide, sort_order=n)


def test_home_page_is_served_at_the_language_root(client, home_page):
    assert home_page.url == "/en/"
    soup = get_soup(client, home_page)
    assert soup.find("h1").get_text() == home_page.title


def test_featured_guides_are_shown_in_the_editors_order(client, home_page):
    feature(home_page, ConditionPageFactory(title="Zoster"), ConditionPageFactory(title="Acne"))
    soup = get_soup(client, home_page)
    assert card_titles(soup, "featured-heading") == ["Zoster", "Acne"]


def test_featured_guides_picked_without_an_order_keep_the_order_they_were_picked_in(
    client, home_page
):
    zoster, acne = ConditionPageFactory(title="Zoster"), ConditionPageFactory(title="Acne")
    # As code (the demo, a script) makes them: no sort_order.
    first = FeaturedGuide.objects.create(page=home_page, guide=acne)
    FeaturedGuide.objects.create(page=home_page, guide=acne)
    # Changing the first link's guide moves its row to the end of PostgreSQL's table.
    first.guide = zoster
    first.save()
    assert card_titles(get_soup(client, home_page), "featured-heading") == ["Zoster", "Acne"]


def test_featured_drafts_are_not_shown(client, home_page):
    draft = ConditionPageFactory(title="Draft", publish=False)
    withdrawn = ConditionPageFactory(title="Withdrawn")
    withdrawn.unpublish()
    feature(home_page, draft, ConditionPageFactory(title="Live"), withdrawn)
    assert card_titles(get_soup(client, home_page), "featured-heading") == ["Live"]


def test_no_featured_section_without_featured_guides(client, home_page):
    ConditionPageFactory()
    assert get_soup(client, home_page).find(id="featured-heading") is None


def test_recent_guides_are_the_latest_published_first(client, home_page):
    for day, title in enumerate(["Oldest", "Older", "Middle", "Newer", "Newest", "Latest"], 1):
        with time_machine.travel(datetime.datetime(2026, 3, day, 12, tzinfo=datetime.UTC)):
            ConditionPageFactory(title=title)
    with time_machine.travel(datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC)):
        ConditionPageFactory(title="Too old to show")
    ConditionPageFactory(title="Draft", publish=False)
    assert card_titles(get_soup(client, home_page), "recent-heading") == [
        "Latest",
        "Newest",
        "Newer",
        "Middle",
        "Older",
        "Oldest",
    ]


def test_guide_card_shows_other_names_and_summary(client, home_page):
    guide = ConditionPageFactory(title="Multiple sclerosis", also_known_as="MS\nDisseminated")
    card = get_soup(client, home_page).select_one(".guide-card")
    assert card.select_one(".guide-card__title a")["href"] == guide.url
    assert card.select_one(".guide-card__aka").get_text() == "MS, Disseminated"
    assert card.select_one(".guide-card__summary").get_text() == guide.summary


def test_body_systems_are_listed_with_their_number_of_live_guides(
    client, home_page, conditions_index
):
    brain = BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")
    skin = BodySystemFactory(name="Skin", slug="skin")
    only_drafts = BodySystemFactory(name="Eyes", slug="eyes")
    BodySystemFactory(name="Unused", slug="unused")
    ConditionPageFactory(body_systems=[brain])
    ConditionPageFactory(body_systems=[brain, skin])
    ConditionPageFactory(body_systems=[brain], publish=False)
    ConditionPageFactory(body_systems=[only_drafts], publish=False)

    soup = get_soup(client, home_page)
    section = soup.find(id="systems-heading").find_parent("section")
    links = [(a.get_text(" ", strip=True), a["href"]) for a in section.find_all("a")]
    assert links == [
        ("Brain and nerves (2)", f"{conditions_index.url}?system=brain-and-nerves"),
        ("Skin (1)", f"{conditions_index.url}?system=skin"),
    ]


def test_body_system_counts_leave_out_other_languages(client, home_page):
    brain = BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")
    ConditionPageFactory(body_systems=[brain])
    spanish_index = get_or_create_conditions_index(Locale.objects.create(language_code="es"))
    ConditionPageFactory(parent=spanish_index, locale=spanish_index.locale, body_systems=[brain])
    section = get_soup(client, home_page).find(id="systems-heading").find_parent("section")
    assert section.find("a").get_text(" ", strip=True) == "Brain and nerves (1)"


def test_search_box_sends_a_get_to_the_search_page(client, home_page):
    soup = get_soup(client, home_page)
    form = soup.select_one("main form[role=search]")
    assert form["method"] == "get"
    assert form["action"] == reverse("search") == "/en/search/"
    field = form.find("input", attrs={"name": "q"})
    assert soup.find("label", attrs={"for": field["id"]})


def test_opening_hours_are_shown_in_the_header(client, home_page):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for day in range(5):
        OpeningHours.objects.create(
            settings=site_settings,
            weekday=day,
            opens=datetime.time(11),
            closes=datetime.time(19),
        )
    OpeningHours.objects.create(
        settings=site_settings, weekday=5, opens=datetime.time(9), closes=datetime.time(16)
    )
    soup = get_soup(client, home_page)
    details = soup.select_one(".site-header__details").get_text(" ", strip=True)
    assert "Opening hours: Mon–Fri 11–7, Sat 9–4" in details


def test_query_count_does_not_grow_with_the_number_of_guides(count_queries, home_page):
    systems = [BodySystemFactory() for _ in range(3)]

    def add_guides(count):
        guides = [
            ConditionPageFactory(also_known_as="Other name", body_systems=systems)
            for _ in range(count)
        ]
        start = home_page.featured_guides.count()
        for n, guide in enumerate(guides[:2], start=start):
            FeaturedGuide.objects.create(page=home_page, guide=guide, sort_order=n)

    add_guides(3)
    three = count_queries(home_page.url)
    add_guides(27)
    assert count_queries(home_page.url) == three


def meta_description(client, page):
    tag = get_soup(client, page).find("meta", attrs={"name": "description"})
    return tag and tag["content"]


def test_home_page_describes_itself_to_search_engines_with_its_intro(client, home_page):
    assert meta_description(client, home_page) is None
    home_page.intro = '<p>Guides for "long-term" conditions &amp; <b>their</b> care.</p>'
    home_page.save_revision().publish()
    assert meta_description(client, home_page) == 'Guides for "long-term" conditions & their care.'


def test_home_pages_search_description_wins_over_its_intro(client, home_page):
    home_page.intro = "<p>Welcome.</p>"
    home_page.search_description = "Plain-language guides to long-term conditions."
    home_page.save_revision().publish()
    assert meta_description(client, home_page) == "Plain-language guides to long-term conditions."


def test_pages_name_their_icon_so_browsers_do_not_ask_for_favicon_ico(client, home_page):
    from django.contrib.staticfiles import finders

    icon = get_soup(client, home_page).find("link", rel="icon")
    assert icon["href"].startswith("/static/img/favicon")
    assert finders.find(icon["href"].removeprefix("/static/"))
