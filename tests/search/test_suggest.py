from django.test import TestCase
from wagtail.models import Locale, PageViewRestriction

from home.site_tree import get_or_create_conditions_index
from tests.factories import ConditionPageFactory
from tests.search.guides import build_guides


def suggest(client, query, language="en"):
    response = client.get(f"/{language}/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


class SuggestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_guides()
        ConditionPageFactory(title="Sickle cell disease", slug="sickle-cell", publish=False)
        private = ConditionPageFactory(title="Sinusitis", slug="sinusitis")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        spanish = Locale.objects.create(language_code="es")
        ConditionPageFactory(
            title="Esclerosis múltiple",
            slug="esclerosis-multiple",
            also_known_as="EM",
            parent=get_or_create_conditions_index(spanish),
            locale=spanish,
        )

    def test_each_suggestion_has_a_title_a_url_and_the_name_that_matched(self):
        self.assertEqual(
            suggest(self.client, "fibro"),
            [
                {
                    "title": "Fibromyalgia",
                    "url": "/en/conditions/fibromyalgia/",
                    "matched": "Fibromyalgia",
                }
            ],
        )

    def test_alternative_names_are_suggested_with_their_guide(self):
        self.assertEqual(
            suggest(self.client, "MS")[0],
            {
                "title": "Multiple sclerosis",
                "url": "/en/conditions/multiple-sclerosis/",
                "matched": "MS",
            },
        )
        matched = {s["matched"] for s in suggest(self.client, "motor neu")}
        self.assertEqual(matched, {"Motor neurone disease"})

    def test_words_inside_a_name_match_too(self):
        titles = [s["title"] for s in suggest(self.client, "sclero")]
        self.assertEqual(set(titles), {"Multiple sclerosis", "Amyotrophic lateral sclerosis"})

    def test_names_starting_with_the_text_come_first(self):
        titles = [s["title"] for s in suggest(self.client, "sleep")]
        self.assertEqual(titles[0], "Sleep apnoea")

    def test_at_most_eight_suggestions(self):
        self.assertEqual(len(suggest(self.client, "s")), 8)
        self.assertEqual(len({s["url"] for s in suggest(self.client, "s")}), 8)

    def test_typing_mistakes_are_forgiven(self):
        self.assertEqual(suggest(self.client, "fibromia")[0]["title"], "Fibromyalgia")
        self.assertEqual(suggest(self.client, "parkisn")[0]["title"], "Parkinson's disease")
        self.assertEqual(suggest(self.client, "migrane")[0]["title"], "Migraine")

    def test_possessives_do_not_matter(self):
        for typed in ["parkinsons", "Parkinson's", "parkinson’s d"]:
            with self.subTest(typed=typed):
                self.assertEqual(suggest(self.client, typed)[0]["title"], "Parkinson's disease")

    def test_only_live_public_guides_of_the_current_language(self):
        self.assertEqual(suggest(self.client, "sickle c"), [])
        self.assertEqual(suggest(self.client, "sinus"), [])
        self.assertEqual(suggest(self.client, "esclerosis mul"), [])
        self.assertEqual(
            suggest(self.client, "escler", language="es"),
            [
                {
                    "title": "Esclerosis múltiple",
                    "url": "/es/conditions/esclerosis-multiple/",
                    "matched": "Esclerosis múltiple",
                }
            ],
        )
        self.assertEqual(
            suggest(self.client, "multiple", language="es")[0]["title"], "Esclerosis múltiple"
        )

    def test_nothing_typed_suggests_nothing(self):
        for typed in ["", "   ", "!!", "🙂"]:
            with self.subTest(typed=typed):
                self.assertEqual(suggest(self.client, typed), [])
