"""Where each page type may live, and an editor creating a guide through the admin form."""

import datetime

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from conditions.models import ConditionIndexPage, ConditionPage
from home.models import HomePage
from home.site_tree import get_or_create_conditions_index
from tests.factories import BodySystemFactory, ConditionPageFactory


def list_block(items):
    """ListBlock form data: each item under ``<n>-value`` with its own order and delete flag."""
    data = {
        str(n): {"value": item, "deleted": "", "order": str(n), "id": ""}
        for n, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def study_form(**overrides):
    value = {
        "title": "Nabiximols for spasticity in multiple sclerosis",
        "journal": "Journal of Examples",
        "year": "2018",
        "design": "randomised_trial",
        "participants": "572",
        "finding": "Some people had less stiffness than with placebo.",
        "evidence_level": "moderate",
        "pmid": "28182367",
        "doi": "10.17226/24625",
        "url": "",
    }
    value.update(overrides)
    return value


def overview_form(text="<p>Spasticity makes muscles stiff.</p>"):
    return ("overview", {"heading": "", "content": rich_text(text)})


def evidence_form(*studies):
    return (
        "cannabis_evidence",
        {
            "heading": "",
            "summary": rich_text("<p>Some evidence for less stiffness.</p>"),
            "evidence_level": "moderate",
            "legal_status": "",
            "studies": list_block(studies),
        },
    )


def resources_form(links):
    return ("resources", {"heading": "", "links": list_block(links), "pages": list_block([])})


def guide_form(title="Spasticity", body=None, body_systems=(), **fields):
    data = {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "summary": "Muscles that stay stiff or tight.",
        "also_known_as": "Muscle stiffness",
        "hero_image_alt": "",
        "body": streamfield(body if body is not None else [overview_form()]),
        "reviewed_by": "Dr A Reviewer, neurologist",
        "last_reviewed": "2026-01-15",
        "next_review_due": "2028-01-15",
        "related_guides": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    # A multiple choice is a repeated key, not a nested list.
    return {**nested_form_data(data), "body_systems": [str(pk) for pk in body_systems]}


class PageTypeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_top_of_the_tree_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(ConditionIndexPage, HomePage)

    def test_home_page_holds_only_the_conditions_index(self):
        self.assertAllowedSubpageTypes(HomePage, {ConditionIndexPage})
        self.assertCanNotCreateAt(HomePage, ConditionPage)

    def test_conditions_index_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ConditionIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, ConditionIndexPage)
        self.assertCanNotCreateAt(Page, ConditionIndexPage)

    def test_conditions_index_holds_only_guides(self):
        self.assertAllowedSubpageTypes(ConditionIndexPage, {ConditionPage})
        self.assertCanCreateAt(ConditionIndexPage, ConditionPage)

    def test_guides_live_under_the_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(ConditionPage, {ConditionIndexPage})
        self.assertAllowedSubpageTypes(ConditionPage, set())
        self.assertCanNotCreateAt(ConditionPage, ConditionPage)

    def test_a_home_page_can_have_only_one_conditions_index(self):
        index = get_or_create_conditions_index()
        home = index.get_parent().specific
        self.assertFalse(ConditionIndexPage.can_create_at(home))


class EditorCreatesGuideTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = get_or_create_conditions_index()
        cls.system = BodySystemFactory(name="Brain and nerves")
        cls.editor = cls.create_superuser("editor")

    def setUp(self):
        self.client.force_login(self.editor)

    def post_guide(self, data):
        url = reverse("wagtailadmin_pages:add", args=["conditions", "conditionpage", self.index.pk])
        return self.client.post(url, {**data, "action-publish": "action-publish"})

    def assertRejected(self, response, message):
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ConditionPage.objects.filter(slug="spasticity").exists())
        self.assertIn(message, response.content.decode())

    def test_editor_creates_and_publishes_a_guide_with_evidence_and_a_study(self):
        data = guide_form(
            body=[
                overview_form(),
                ("symptoms", {"heading": "", "content": rich_text("<ul><li>Stiff</li></ul>")}),
                evidence_form(study_form()),
            ],
            body_systems=[self.system.pk],
        )
        self.assertCanCreate(self.index, ConditionPage, data)

        guide = ConditionPage.objects.get(slug="spasticity")
        self.assertTrue(guide.live)
        self.assertEqual(
            [block.block_type for block in guide.body],
            ["overview", "symptoms", "cannabis_evidence"],
        )
        self.assertEqual(guide.body[2].value["studies"][0]["pmid"], "28182367")
        self.assertEqual(list(guide.body_systems.all()), [self.system])
        # The posted review credit is ignored: only a medical review approval sets it.
        self.assertIsNone(guide.last_reviewed)
        self.assertEqual(guide.reviewed_by, "")

    def test_overview_must_be_the_first_section(self):
        body = [evidence_form(study_form()), overview_form()]
        self.assertRejected(
            self.post_guide(guide_form(body=body)), "The Overview must be the first section."
        )

    def test_a_guide_has_only_one_overview(self):
        body = [overview_form(), overview_form("<p>Again.</p>")]
        self.assertRejected(
            self.post_guide(guide_form(body=body)), "The maximum number of items is 1"
        )

    def test_a_guide_needs_an_overview(self):
        body = [evidence_form(study_form())]
        self.assertRejected(
            self.post_guide(guide_form(body=body)), "The minimum number of items is 1"
        )

    def test_study_year_cannot_be_in_the_future(self):
        next_year = str(datetime.date.today().year + 1)
        body = [overview_form(), evidence_form(study_form(year=next_year))]
        self.assertRejected(
            self.post_guide(guide_form(body=body)), "The year cannot be in the future."
        )

    def test_study_pmid_must_be_a_number(self):
        body = [overview_form(), evidence_form(study_form(pmid="PMC123"))]
        self.assertRejected(
            self.post_guide(guide_form(body=body)), "A PubMed ID is a number, such as 28182367."
        )

    def test_resources_section_needs_a_link_or_a_page(self):
        body = [overview_form(), resources_form([])]
        self.assertRejected(
            self.post_guide(guide_form(body=body)), "Add at least one link or page."
        )

    def test_next_review_must_come_after_the_last_review(self):
        guide = ConditionPageFactory(slug="dystonia", last_reviewed=datetime.date(2026, 1, 15))
        url = reverse("wagtailadmin_pages:edit", args=[guide.pk])
        data = guide_form(title="Dystonia", next_review_due="2025-01-15")
        response = self.client.post(url, {**data, "action-publish": "action-publish"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("The next review must be after the last review.", response.content.decode())

    def test_resources_section_with_a_link_is_accepted(self):
        link = {"title": "A society", "url": "https://example.org/", "description": ""}
        data = guide_form(body=[overview_form(), resources_form([link])])
        self.assertCanCreate(self.index, ConditionPage, data)

    def test_guide_is_previewable(self):
        guide = ConditionPageFactory(title="Spasticity", slug="spasticity")
        # The StreamField editor is drawn by JavaScript, so the edit page's HTML holds
        # no body fields to copy; post what an editor would have typed.
        post_data = guide_form(body=[overview_form(), evidence_form(study_form())])
        for mode, _label in guide.preview_modes:
            with self.subTest(mode=mode):
                self.assertPageIsPreviewable(guide, mode=mode, post_data=post_data)
