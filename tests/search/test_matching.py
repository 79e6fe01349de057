"""The index is read directly for speed; it must match exactly what the backend finds."""

from django.test import TestCase

from conditions.models import ConditionPage
from search.catalogue import get_catalogue
from search.matching import backend_query, term_ids
from search.query import plan_query
from tests.search.guides import build_guides, build_synonyms


class DirectIndexMatchingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_guides()
        build_synonyms()

    def test_each_term_matches_what_the_backend_search_matches(self):
        from wagtail.models import Locale

        catalogue = get_catalogue(Locale.get_default())
        queries = [
            "pain",
            "parkinsons",
            "ms",
            "cramping",
            "seizures",
            "weed",
            "studies",
            "tingling",
            "xylophone",
            "migraña",
            "crohn",
            "spasms",
            "sleeping problems",
        ]
        for query in queries:
            plan = plan_query(query, catalogue)
            direct = term_ids(plan, ConditionPage)
            for term, found in zip(plan.terms, direct, strict=True):
                with self.subTest(query=query, term=term.typed):
                    expected = set(
                        ConditionPage.objects.values_list("pk", flat=True).search(
                            backend_query(term), order_by_relevance=False
                        )
                    )
                    self.assertEqual(found, expected)
                    if query not in {"xylophone", "migraña"}:
                        self.assertTrue(found)
