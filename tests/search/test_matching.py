"""Search matches the guides' own fields, as ConditionPage.search_fields lists them, in
the language of the guides; no other package's index table is read."""

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.site_tree import get_or_create_conditions_index
from search import api
from search.query import ALIAS, BODY, SUMMARY, TITLE, field_weights
from tests.factories import ConditionPageFactory
from tests.search.guides import build_guides, build_synonyms
from tests.search.helpers import result_slugs


class MatchingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_guides()
        build_synonyms()

    def slugs(self, query):
        return result_slugs(self.client.get("/en/search/", {"q": query}))

    def test_a_word_only_in_the_body_finds_the_guide(self):
        # "Dopamine" is only in the Parkinson's disease guide's overview.
        self.assertEqual(self.slugs("dopamine"), ["parkinsons-disease"])

    def test_a_body_system_name_finds_its_guides(self):
        # Endometriosis says nothing of bowels; its body system is "Stomach and bowels".
        self.assertIn("endometriosis", self.slugs("bowels"))

    def test_every_word_of_the_query_must_be_somewhere_in_a_complete_match(self):
        slugs = self.slugs("pelvic periods")
        self.assertEqual(slugs, ["endometriosis"])

    def test_a_guide_that_is_not_live_is_not_matched(self):
        ConditionPageFactory(title="Dopamine", slug="dopamine", publish=False)
        api.invalidate()
        self.assertEqual(self.slugs("dopamine"), ["parkinsons-disease"])

    @override_settings(SITE_SEARCH_MATCHING="wagtail")
    def test_wagtails_search_backend_can_do_the_matching_instead(self):
        # As with Elasticsearch or OpenSearch: the backend says which guides have the
        # words, through Wagtail's public search(); the catalogue still ranks them.
        self.assertEqual(self.slugs("dopamine"), ["parkinsons-disease"])
        self.assertEqual(self.slugs("multiple sclerosis")[0], "multiple-sclerosis")
        self.assertEqual(self.slugs("xylophone"), [])

    def test_no_search_index_table_is_read(self):
        self.slugs("pain")
        with CaptureQueriesContext(connection) as queries:
            self.slugs("pain")
            self.slugs("migrane")
        sql = " ".join(query["sql"].lower() for query in queries)
        self.assertNotIn("indexentry", sql)
        self.assertNotIn("tsquery", sql)
        self.assertNotIn(" match ", sql)


def test_ranking_weights_are_the_search_fields_boosts():
    weights = field_weights()
    assert (TITLE, ALIAS, SUMMARY, BODY) == (
        weights["title"],
        weights["also_known_as"],
        weights["summary"],
        weights["body"],
    )
    assert TITLE > ALIAS > SUMMARY > BODY


class SpanishSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_guides()
        spanish = Locale.objects.create(language_code="es")
        parent = get_or_create_conditions_index(spanish)
        ConditionPageFactory(
            title="Epilepsia",
            slug="epilepsia",
            summary="Convulsiones repetidas, a menudo nocturnas.",
            parent=parent,
            locale=spanish,
        )
        ConditionPageFactory(
            title="Dolor crónico",
            slug="dolor-cronico",
            summary="Dolor que dura más de tres meses.",
            parent=parent,
            locale=spanish,
        )

    def slugs(self, query):
        """The guides found for every word as typed: no correction, no partial match."""
        response = self.client.get("/es/search/", {"q": query})
        self.assertNotContains(response, "search-correction")
        self.assertNotContains(response, "search-partial")
        return result_slugs(response)

    def test_spanish_words_are_stemmed_as_spanish(self):
        # "nocturno" and "nocturnas" share a Spanish stem, not an English one.
        self.assertEqual(self.slugs("convulsión nocturno"), ["epilepsia"])
        self.assertEqual(self.slugs("dolores crónicas"), ["dolor-cronico"])

    def test_accents_may_be_left_out(self):
        self.assertEqual(self.slugs("cronico"), ["dolor-cronico"])
        self.assertEqual(self.slugs("convulsion"), ["epilepsia"])

    def test_english_guides_are_not_found_in_spanish(self):
        self.assertEqual(self.slugs("migraine"), [])
