"""What a reader sees on a condition guide, and what search engines read from it."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Site

from conditions.models import RelatedGuide
from home.models import SiteSettings, SiteText
from home.site_tree import get_or_create_conditions_index
from tests.factories import (
    BodySystemFactory,
    ConditionPageFactory,
    cannabis_evidence,
    full_body,
    overview,
    section,
    study,
)

pytestmark = pytest.mark.django_db


def get_soup(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def structured_data(soup):
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def heading_levels(soup):
    return [int(tag.name[1]) for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


@pytest.fixture
def brain(db):
    return BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")


@pytest.fixture
def guide(conditions_index, brain):
    body = [
        *full_body(),
        cannabis_evidence(
            [
                study(title="Third study", pmid="28182367", doi="10.17226/24625"),
                study(title="Fourth study", pmid="", doi="", url="https://example.org/study"),
            ],
            level="moderate",
            summary="<p>Some evidence for sleep.</p>",
            legal_status="A qualifying condition in some US states.",
        ),
    ]
    return ConditionPageFactory(
        title="Dystonia",
        slug="dystonia",
        also_known_as="DYT\nTorsion dystonia\n",
        body=body,
        body_systems=[brain],
        reviewed_by="Dr Ada Reviewer, neurologist",
        last_reviewed=datetime.date(2026, 1, 15),
        next_review_due=datetime.date(2028, 1, 15),
    )


class TestSections:
    def test_every_section_is_an_h2_with_an_anchor_listed_in_the_contents(self, client, guide):
        soup = get_soup(client, guide)
        body = soup.select_one(".guide__body")
        headings = body.find_all("h2")
        assert [h.get_text(strip=True) for h in headings] == [
            "Overview",
            "Symptoms and types",
            "Causes",
            "Treatments",
            "What research says about cannabis",
            "Complications",
            "When to see a doctor",
            "Support and resources",
            "What research says about cannabis",
        ]
        anchors = [h["id"] for h in headings]
        assert len(set(anchors)) == len(anchors), "anchors must be unique"

        contents = soup.find("nav", class_="contents")
        assert contents.find("h2").get_text(strip=True) == "On this page"
        links = [a["href"] for a in contents.find_all("a")]
        assert links == [f"#{anchor}" for anchor in anchors] + ["#references"]
        for anchor in anchors:
            assert soup.find(id=anchor).name == "h2"

    def test_an_editor_heading_replaces_the_usual_one(self, client, conditions_index):
        guide = ConditionPageFactory(
            body=[overview(), section("symptoms", heading="Signs to look for")]
        )
        soup = get_soup(client, guide)
        assert soup.find("h2", id="signs-to-look-for").get_text() == "Signs to look for"

    def test_section_anchors_never_take_an_id_the_page_already_uses(self, client, conditions_index):
        guide = ConditionPageFactory(
            body=[
                overview(heading="Main"),
                section("causes", heading="References"),
                section("treatments", heading="Ref 1"),
                section("complications", heading="Site search"),
                cannabis_evidence([study()]),
            ]
        )
        soup = get_soup(client, guide)
        ids = [tag["id"] for tag in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), sorted(ids)
        contents = [a["href"] for a in soup.select("nav.contents a")]
        for href in contents:
            assert soup.find(id=href[1:]), href
        assert soup.find(id="references").get_text() == "References"
        assert soup.find(id="ref-1").name == "li"

    def test_evidence_badge_states_the_level_and_explains_it_in_plain_words(self, client, guide):
        soup = get_soup(client, guide)
        badges = soup.select(".evidence > .evidence-badge")
        assert [b.strong.get_text() for b in badges] == [
            "No or insufficient evidence",
            "Moderate evidence",
        ]
        explanations = [p.get_text() for p in soup.select(".evidence__explanation")]
        assert explanations == [
            "There is not enough good-quality research to say whether it helps or not.",
            "Some good-to-fair studies agree, but there is some uncertainty or opposing evidence.",
        ]

    def test_legal_status_is_a_box_of_its_own_apart_from_the_evidence(self, client, guide):
        soup = get_soup(client, guide)
        boxes = soup.select(".legal-status")
        assert len(boxes) == 1
        box = boxes[0]
        assert box.get("role") == "note"
        assert box.h3.get_text() == "Legal status"
        assert "A qualifying condition in some US states." in box.get_text()
        assert "A legal status is not evidence that a treatment works." in box.get_text()
        assert not box.select(".evidence-badge, .evidence__explanation")
        for part in soup.select(".evidence-badge, .evidence__explanation, .evidence .rich-text"):
            assert "qualifying condition" not in part.get_text()


class TestReferences:
    def test_studies_are_numbered_across_sections_and_match_the_references(self, client, guide):
        soup = get_soup(client, guide)
        studies = soup.select(".guide__body li.study")
        assert [s.find("cite").get_text() for s in studies] == [
            "First study",
            "Second study",
            "Third study",
            "Fourth study",
        ]
        assert [s["value"] for s in studies] == ["1", "2", "3", "4"]
        assert [s.select_one("a.study__ref")["href"] for s in studies] == [
            "#ref-1",
            "#ref-2",
            "#ref-3",
            "#ref-4",
        ]
        lists = soup.select(".guide__body ol.studies")
        assert [ol["start"] for ol in lists] == ["1", "3"]

        references = soup.select("section.references li")
        assert [li["id"] for li in references] == ["ref-1", "ref-2", "ref-3", "ref-4"]

    def test_references_link_to_pubmed_and_doi(self, client, guide):
        soup = get_soup(client, guide)
        third = soup.find(id="ref-3")
        hrefs = [a["href"] for a in third.find_all("a")]
        assert hrefs == [
            "https://pubmed.ncbi.nlm.nih.gov/28182367/",
            "https://doi.org/10.17226/24625",
        ]
        assert "Third study" in third.get_text()
        assert [a["href"] for a in soup.find(id="ref-2").find_all("a")] == []
        assert [a["href"] for a in soup.find(id="ref-4").find_all("a")] == [
            "https://example.org/study"
        ]

    def test_references_come_after_the_sections(self, client, guide):
        soup = get_soup(client, guide)
        body = soup.select_one(".guide__body")
        references = soup.select_one("section.references")
        assert body in references.find_all_previous("div")


class TestReviewAndDisclaimer:
    def test_review_dates_and_reviewer_are_shown(self, client, guide):
        soup = get_soup(client, guide)
        dates = soup.select_one(".review-dates").get_text(" ", strip=True)
        assert "Page last reviewed: 15 January 2026 by Dr Ada Reviewer, neurologist" in dates
        assert "Next review due: 15 January 2028" in dates
        times = [t["datetime"] for t in soup.select(".review-dates time")]
        assert times == ["2026-01-15", "2028-01-15"]

    def test_disclaimer_comes_from_site_settings(self, client, guide):
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.organisation_name = "Calm Clinic"
        # The disclaimer is written per language in the site texts the settings point to.
        site_settings.site_text = SiteText.objects.create(
            locale=Locale.get_default(),
            medical_disclaimer="<p>Ask <b>your own</b> doctor first.</p>",
        )
        site_settings.save()
        soup = get_soup(client, guide)
        disclaimer = soup.select_one(".disclaimer")
        assert disclaimer.get_text() == "Ask your own doctor first."
        assert disclaimer.find("b")

    def test_default_disclaimer_is_shown_without_settings(self, client, guide):
        soup = get_soup(client, guide)
        assert "not medical advice" in soup.select_one(".disclaimer").get_text()


class TestHeader:
    def test_also_known_as_line_lists_the_other_names(self, client, guide):
        soup = get_soup(client, guide)
        assert soup.select_one(".guide__aka").get_text() == "Also known as: DYT, Torsion dystonia"

    def test_no_also_known_as_line_without_other_names(self, client, conditions_index):
        soup = get_soup(client, ConditionPageFactory(also_known_as=""))
        assert soup.select_one(".guide__aka") is None

    def test_body_systems_link_to_the_filtered_index(self, client, guide, conditions_index):
        soup = get_soup(client, guide)
        links = soup.select(".tag-list a")
        assert [(a.get_text(), a["href"]) for a in links] == [
            ("Brain and nerves", f"{conditions_index.url}?system=brain-and-nerves")
        ]

    def test_exactly_one_h1_and_heading_levels_never_skip(self, client, guide):
        soup = get_soup(client, guide)
        levels = heading_levels(soup)
        assert levels.count(1) == 1
        assert levels[0] == 1
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, levels


class TestRelatedGuides:
    def related_titles(self, client, guide):
        soup = get_soup(client, guide)
        return [a.get_text() for a in soup.select(".related .guide-card__title a")]

    def test_picked_guides_are_shown_in_the_editors_order(self, client, guide, brain):
        ConditionPageFactory(title="Same system", body_systems=[brain])
        zebra = ConditionPageFactory(title="Zebra")
        apple = ConditionPageFactory(title="Apple")
        RelatedGuide.objects.create(page=guide, guide=zebra, sort_order=0)
        RelatedGuide.objects.create(page=guide, guide=apple, sort_order=1)
        assert self.related_titles(client, guide) == ["Zebra", "Apple"]

    def test_picked_drafts_are_not_shown(self, client, guide):
        draft = ConditionPageFactory(title="Draft", publish=False)
        live = ConditionPageFactory(title="Live")
        RelatedGuide.objects.create(page=guide, guide=draft, sort_order=0)
        RelatedGuide.objects.create(page=guide, guide=live, sort_order=1)
        assert self.related_titles(client, guide) == ["Live"]

    def test_without_picks_guides_of_the_same_body_system_are_shown(self, client, guide, brain):
        other_system = BodySystemFactory(name="Skin")
        ConditionPageFactory(title="Migraine", body_systems=[brain])
        ConditionPageFactory(title="Epilepsy", body_systems=[brain, other_system])
        ConditionPageFactory(title="Eczema", body_systems=[other_system])
        ConditionPageFactory(title="Draft guide", body_systems=[brain], publish=False)
        assert self.related_titles(client, guide) == ["Epilepsy", "Migraine"]

    def test_related_guides_of_another_language_are_not_shown(self, client, guide, brain):
        ConditionPageFactory(title="Migraine", body_systems=[brain])
        spanish = Locale.objects.create(language_code="es")
        spanish_index = get_or_create_conditions_index(spanish)
        spanish_brain = BodySystemFactory(
            name="Cerebro", slug="cerebro", locale=spanish, translation_key=brain.translation_key
        )
        ConditionPageFactory(
            title="Jaqueca", parent=spanish_index, locale=spanish, body_systems=[spanish_brain]
        )
        assert self.related_titles(client, guide) == ["Migraine"]

    def test_no_related_section_when_there_is_nothing_to_show(self, client, conditions_index):
        soup = get_soup(client, ConditionPageFactory())
        assert soup.select_one(".related") is None


class TestStructuredData:
    def test_json_ld_describes_a_medical_web_page(self, client, guide):
        data = structured_data(get_soup(client, guide))
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "MedicalWebPage"
        assert data["name"] == "Dystonia"
        assert data["about"] == {
            "@type": "MedicalCondition",
            "name": "Dystonia",
            "alternateName": ["DYT", "Torsion dystonia"],
        }
        assert data["inLanguage"] == "en"
        assert data["lastReviewed"] == "2026-01-15"
        assert data["reviewedBy"] == {"@type": "Person", "name": "Dr Ada Reviewer, neurologist"}
        assert data["url"] == guide.full_url

    def test_json_ld_cites_every_study_with_its_identifiers(self, client, guide):
        citations = structured_data(get_soup(client, guide))["citation"]
        assert [c["headline"] for c in citations] == [
            "First study",
            "Second study",
            "Third study",
            "Fourth study",
        ]
        assert all(c["@type"] == "MedicalScholarlyArticle" for c in citations)
        third = citations[2]
        assert third["identifier"] == [
            {"@type": "PropertyValue", "propertyID": "PMID", "value": "28182367"},
            {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.17226/24625"},
        ]
        assert third["url"] == "https://pubmed.ncbi.nlm.nih.gov/28182367/"
        assert third["sameAs"] == "https://doi.org/10.17226/24625"
        assert "identifier" not in citations[1]
        assert citations[3]["url"] == "https://example.org/study"

    def test_json_ld_leaves_out_what_the_guide_does_not_have(self, client, conditions_index):
        guide = ConditionPageFactory(also_known_as="", reviewed_by="", last_reviewed=None)
        data = structured_data(get_soup(client, guide))
        assert "alternateName" not in data["about"]
        assert "reviewedBy" not in data
        assert "lastReviewed" not in data
        assert "citation" not in data

    def test_a_title_cannot_break_out_of_the_script_tag(self, client, conditions_index):
        title = 'Dystonia</script><script>alert(1)</script> & "quotes"'
        guide = ConditionPageFactory(title=title, slug="dystonia", also_known_as=title)
        response = client.get(guide.url)
        html = response.content.decode()
        assert "<script>alert(1)" not in html
        soup = BeautifulSoup(html, "html.parser")
        scripts = soup.find_all("script")
        assert [s.get("type") for s in scripts if not s.get("src")] == ["application/ld+json"]
        data = structured_data(soup)
        assert data["name"] == title
        assert data["about"]["alternateName"] == [title]
        assert soup.find("h1").get_text() == title


class TestQueryCounts:
    """The number of queries for a guide does not grow with its content."""

    def test_more_studies_do_not_add_queries(self, count_queries, conditions_index):
        guide = ConditionPageFactory(body=[overview(), cannabis_evidence([study()])])
        one = count_queries(guide.url)
        guide.body = [
            overview(),
            cannabis_evidence([study(), study()]),
            cannabis_evidence([study(), study(), study()]),
        ]
        guide.save_revision().publish()
        five = count_queries(guide.url)
        assert one == five

    def test_more_picked_related_guides_do_not_add_queries(self, count_queries, conditions_index):
        guide = ConditionPageFactory()
        others = [ConditionPageFactory(also_known_as="Other name") for _ in range(8)]
        for n, other in enumerate(others[:2]):
            RelatedGuide.objects.create(page=guide, guide=other, sort_order=n)
        two = count_queries(guide.url)
        for n, other in enumerate(others[2:], start=2):
            RelatedGuide.objects.create(page=guide, guide=other, sort_order=n)
        eight = count_queries(guide.url)
        assert two == eight

    def test_more_guides_of_the_same_system_do_not_add_queries(
        self, count_queries, conditions_index, brain
    ):
        guide = ConditionPageFactory(body_systems=[brain])
        for _ in range(2):
            ConditionPageFactory(body_systems=[brain])
        two = count_queries(guide.url)
        for _ in range(6):
            ConditionPageFactory(body_systems=[brain])
        eight = count_queries(guide.url)
        assert two == eight
