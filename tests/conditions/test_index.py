"""The A–Z of condition guides: letters, the body system filter and pagination."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from conditions.models import GUIDES_PER_INDEX_PAGE, BodySystem
from home.site_tree import get_or_create_conditions_index
from tests.factories import BodySystemFactory, ConditionPageFactory

pytestmark = pytest.mark.django_db


def get_soup(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def groups(soup):
    """{letter: [guide titles]} in the order the page shows them."""
    return {
        section.find("h2").get_text(): [a.get_text() for a in section.select(".az-list li > a")]
        for section in soup.select("section.az-group")
    }


def letter_nav(soup):
    """{letter: href or None when the letter is not a link}."""
    return {
        item.get_text(strip=True): (item.a["href"] if item.a else None)
        for item in soup.select(".az-nav li")
    }


@pytest.fixture
def spanish(db):
    return Locale.objects.create(language_code="es")


class TestLetters:
    def test_guides_are_grouped_under_letter_headings(self, client, conditions_index):
        for title in ["Migraine", "Dystonia", "multiple sclerosis", "Epilepsy"]:
            ConditionPageFactory(title=title)
        soup = get_soup(client, conditions_index.url)
        assert groups(soup) == {
            "D": ["Dystonia"],
            "E": ["Epilepsy"],
            "M": ["Migraine", "multiple sclerosis"],
        }
        heading = soup.find("h2", id="letter-m")
        assert heading.get_text() == "M"
        assert heading.find_parent("section")["aria-labelledby"] == "letter-m"

    def test_letters_without_guides_are_shown_but_not_linked(self, client, conditions_index):
        ConditionPageFactory(title="Dystonia")
        nav = letter_nav(get_soup(client, conditions_index.url))
        assert list(nav) == [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"]
        assert nav["D"] == "#letter-d"
        assert all(href is None for letter, href in nav.items() if letter != "D")
        soup = get_soup(client, conditions_index.url)
        assert soup.select_one(".az-nav span")["aria-disabled"] == "true"

    def test_accented_titles_file_under_the_plain_letter(self, client, conditions_index):
        for title in ["Zoster", "Énurésie", "Úlcera", "Ångstrom syndrome", "Eczema"]:
            ConditionPageFactory(title=title)
        soup = get_soup(client, conditions_index.url)
        found = groups(soup)
        assert sorted(found["E"]) == ["Eczema", "Énurésie"]
        assert found["U"] == ["Úlcera"]
        assert found["A"] == ["Ångstrom syndrome"]
        assert letter_nav(soup)["U"] == "#letter-u"

    def test_titles_starting_with_a_digit_or_symbol_file_under_hash(self, client, conditions_index):
        for title in ["22q11 deletion syndrome", "4-H syndrome", "Acne", "“Tennis” elbow"]:
            ConditionPageFactory(title=title)
        soup = get_soup(client, conditions_index.url)
        found = groups(soup)
        assert sorted(found["#"]) == ["22q11 deletion syndrome", "4-H syndrome", "“Tennis” elbow"]
        assert soup.find("h2", id="letter-other").get_text() == "#"
        assert letter_nav(soup)["#"] == "#letter-other"

    def test_letter_groups_follow_the_alphabet_with_hash_last(self, client, conditions_index):
        for title in ["Zoster", "Ülcera", "22q11 deletion syndrome", "Acne"]:
            ConditionPageFactory(title=title)
        assert list(groups(get_soup(client, conditions_index.url))) == ["A", "U", "Z", "#"]

    def test_guide_entry_shows_other_names_and_summary(self, client, conditions_index):
        guide = ConditionPageFactory(title="Multiple sclerosis", also_known_as="MS")
        soup = get_soup(client, conditions_index.url)
        entry = soup.select_one(".az-list li")
        assert entry.a["href"] == guide.url
        assert entry.select_one(".az-list__aka").get_text() == "(MS)"
        assert entry.p.get_text() == guide.summary

    def test_an_empty_index_says_so(self, client, conditions_index):
        soup = get_soup(client, conditions_index.url)
        assert "No guides yet." in soup.get_text()
        assert all(href is None for href in letter_nav(soup).values())


class TestVisibility:
    def test_drafts_are_never_listed(self, client, conditions_index):
        ConditionPageFactory(title="Published")
        ConditionPageFactory(title="Draft", publish=False)
        soup = get_soup(client, conditions_index.url)
        assert groups(soup) == {"P": ["Published"]}
        assert soup.select_one(".result-count").get_text() == "1 guide"

    def test_unpublished_guides_are_never_listed(self, client, conditions_index):
        guide = ConditionPageFactory(title="Withdrawn")
        guide.unpublish()
        assert groups(get_soup(client, conditions_index.url)) == {}

    def test_guides_of_another_language_are_never_listed(self, client, conditions_index, spanish):
        ConditionPageFactory(title="Dystonia")
        spanish_index = get_or_create_conditions_index(spanish)
        ConditionPageFactory(title="Distonía", parent=spanish_index, locale=spanish)
        assert groups(get_soup(client, conditions_index.url)) == {"D": ["Dystonia"]}
        assert groups(get_soup(client, spanish_index.url)) == {"D": ["Distonía"]}


class TestBodySystemFilter:
    @pytest.fixture
    def guides(self, conditions_index):
        brain = BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")
        skin = BodySystemFactory(name="Skin", slug="skin")
        ConditionPageFactory(title="Migraine", body_systems=[brain])
        ConditionPageFactory(title="Eczema", body_systems=[skin])
        ConditionPageFactory(title="Shingles", body_systems=[brain, skin])
        return brain, skin

    def test_system_filter_lists_only_its_guides(self, client, conditions_index, guides):
        soup = get_soup(client, conditions_index.url, system="brain-and-nerves")
        assert groups(soup) == {"M": ["Migraine"], "S": ["Shingles"]}
        assert soup.find("h1").get_text() == "Conditions: Brain and nerves"
        selected = soup.select_one("#system-filter option[selected]")
        assert selected["value"] == "brain-and-nerves"
        assert soup.select_one(".result-count").get_text() == "2 guides"

    def test_filter_matches_systems_through_their_translation(
        self, client, conditions_index, guides, spanish
    ):
        brain, _skin = guides
        spanish_index = get_or_create_conditions_index(spanish)
        BodySystem.objects.create(
            name="Cerebro y nervios",
            slug="cerebro-y-nervios",
            locale=spanish,
            translation_key=brain.translation_key,
        )
        # A guide translated before its body system was: it still points at the English one.
        ConditionPageFactory(
            title="Migraña", parent=spanish_index, locale=spanish, body_systems=[brain]
        )
        ConditionPageFactory(title="Eccema", parent=spanish_index, locale=spanish)
        soup = get_soup(client, spanish_index.url, system="cerebro-y-nervios")
        assert groups(soup) == {"M": ["Migraña"]}

    def test_systems_of_another_language_are_not_offered(
        self, client, conditions_index, guides, spanish
    ):
        BodySystemFactory(name="Piel", slug="piel", locale=spanish)
        soup = get_soup(client, conditions_index.url)
        options = [o["value"] for o in soup.select("#system-filter option")]
        assert options == ["", "brain-and-nerves", "skin"]
        soup = get_soup(client, conditions_index.url, system="piel")
        assert soup.select_one(".notice")

    def test_unknown_system_shows_a_notice_and_all_guides(self, client, conditions_index, guides):
        soup = get_soup(client, conditions_index.url, system="<b>nope</b>")
        notice = soup.select_one(".notice")
        assert notice["role"] == "status"
        assert "There is no body system called “<b>nope</b>”" in notice.get_text()
        assert notice.find("b") is None
        assert groups(soup) == {"E": ["Eczema"], "M": ["Migraine"], "S": ["Shingles"]}

    def test_letter_and_page_links_keep_the_filter(self, client, conditions_index):
        brain = BodySystemFactory(name="Brain", slug="brain")
        for n in range(GUIDES_PER_INDEX_PAGE + 1):
            ConditionPageFactory(title=f"Guide {n:03d}", body_systems=[brain])
        ConditionPageFactory(title="Zoster", body_systems=[brain])
        soup = get_soup(client, conditions_index.url, system="brain")
        assert letter_nav(soup)["Z"] == "?system=brain&page=2#letter-z"
        assert soup.select_one(".pagination a[rel=next]")["href"] == "?system=brain&page=2"


class TestPagination:
    @pytest.fixture
    def many_guides(self, conditions_index):
        # 90 "A" guides, 20 "B" guides and one "C": B starts on page 1, C is on page 2.
        titles = [f"A guide {n:03d}" for n in range(90)]
        titles += [f"B guide {n:03d}" for n in range(20)]
        titles += ["C guide"]
        for title in titles:
            ConditionPageFactory(title=title)
        return titles

    def test_index_shows_a_hundred_guides_a_page(self, client, conditions_index, many_guides):
        first = get_soup(client, conditions_index.url)
        assert len(first.select(".az-list li")) == GUIDES_PER_INDEX_PAGE
        assert first.select_one(".pagination [aria-current=page]").get_text() == "Page 1 of 2"
        assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
        assert first.select_one(".result-count").get_text() == "111 guides"

        second = get_soup(client, conditions_index.url, page=2)
        assert len(second.select(".az-list li")) == len(many_guides) - GUIDES_PER_INDEX_PAGE
        assert groups(second) == {
            "B": [f"B guide {n:03d}" for n in range(10, 20)],
            "C": ["C guide"],
        }
        assert second.select_one(".pagination a[rel=prev]")["href"] == "?page=1"

    def test_letter_links_point_to_the_page_the_letter_starts_on(
        self, client, conditions_index, many_guides
    ):
        first = letter_nav(get_soup(client, conditions_index.url))
        assert first["A"] == "#letter-a"
        assert first["B"] == "#letter-b"
        assert first["C"] == "?page=2#letter-c"
        assert first["D"] is None

        second = letter_nav(get_soup(client, conditions_index.url, page=2))
        assert second["A"] == "?page=1#letter-a"
        assert second["B"] == "?page=1#letter-b"
        assert second["C"] == "#letter-c"

    def test_any_page_parameter_answers_200(self, client, conditions_index, many_guides):
        # Not a number: the first page. Out of range: the last page.
        for page, shown in [
            ("abc", 1),
            ("", 1),
            ("1.5", 1),
            ("١", 1),
            ("0", 2),
            ("-1", 2),
            ("99999", 2),
            ("9" * 400, 2),
        ]:
            soup = get_soup(client, conditions_index.url, page=page)
            current = soup.select_one(".pagination [aria-current=page]").get_text()
            assert current == f"Page {shown} of 2", page

    @pytest.mark.parametrize("page", ["abc", "0", "-1", "99999", "9" * 400])
    def test_bad_page_parameter_on_an_empty_index_answers_200(self, client, conditions_index, page):
        soup = get_soup(client, conditions_index.url, page=page)
        assert "No guides yet." in soup.get_text()


def test_query_count_does_not_grow_with_the_number_of_guides(count_queries, conditions_index):
    brain = BodySystemFactory(name="Brain", slug="brain")
    for n in range(3):
        ConditionPageFactory(title=f"Guide {n}", also_known_as="Other", body_systems=[brain])
    three = count_queries(conditions_index.url)
    three_filtered = count_queries(f"{conditions_index.url}?system=brain")
    for n in range(3, 30):
        ConditionPageFactory(title=f"Guide {n}", also_known_as="Other", body_systems=[brain])
    assert count_queries(conditions_index.url) == three
    assert count_queries(f"{conditions_index.url}?system=brain") == three_filtered


def test_a_private_guide_is_neither_listed_nor_related(client, conditions_index):
    from wagtail.models import PageViewRestriction

    brain = BodySystemFactory(name="Brain", slug="brain")
    shown = ConditionPageFactory(title="Anxiety", body_systems=[brain])
    hidden = ConditionPageFactory(title="Bruxism", body_systems=[brain])
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    listed = [
        title
        for titles in groups(get_soup(client, conditions_index.url)).values()
        for title in titles
    ]
    assert listed == ["Anxiety"]
    related = get_soup(client, shown.url).select(".related .guide-card__title a")
    assert [a.get_text() for a in related] == []
