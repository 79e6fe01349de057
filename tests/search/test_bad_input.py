"""Whatever is typed or tampered with, search answers safely, helpfully and with bounded work."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests.factories import ConditionPageFactory

# However long or odd the input, a request does a bounded amount of database work: about
# what an ordinary first-time search does (the search itself, plus recording the query's
# hit and, when nothing is found, the unanswered search). Latency is measured in
# benchmarks/search.py, not here: wall-clock limits in tests depend on the machine.
MAX_QUERIES = 25

QUERIES = [
    "",
    "   \t\n ",
    "a" * 10_000,
    "migraine " * 2_000,
    "мигрень",
    "偏头痛",
    "صداع نصفي",
    "🙂🤕💊",
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "<b>bold</b> &amp; &lt;",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    '"unbalanced quote',
    "'single",
    "migraine AND epilepsy",
    "migraine OR epilepsy",
    "NOT migraine",
    "migraine NEAR epilepsy",
    "NEAR(migraine epilepsy, 2)",
    "migr*",
    "*",
    "-migraine",
    "((migraine",
    "migraine)",
    "title:migraine",
    "a^2 ~ {x} [y] \\ / | & ! @ # $ % = ; ? , .",
    "\x00\x01\x1f",
    "%00%27",
]


class BadInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for n in range(12):
            ConditionPageFactory(
                title=f"Migraine {n}",
                slug=f"migraine-{n}",
                also_known_as="Sick headache",
                summary="Headaches with nausea. The studies found little.",
            )

    def setUp(self):
        # The first requests create the site settings and warm the catalogue and caches.
        for path in ["/en/search/", "/en/search/suggest/"]:
            self.client.get(path, {"q": "migraine"})
            self.client.get(path, {"q": "nothing-like-it"})

    def get(self, path, **params):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(path, params)
        self.assertLessEqual(len(queries), MAX_QUERIES, (path, str(params)[:60]))
        return response

    def test_any_query_answers_safely_with_bounded_work(self):
        for path in ["/en/search/", "/en/search/suggest/"]:
            for query in QUERIES:
                with self.subTest(path=path, query=query[:30]):
                    response = self.get(path, q=query)
                    self.assertEqual(response.status_code, 200)
                    body = response.content.decode()
                    self.assertNotIn("<script>alert", body)
                    self.assertNotIn("<img src=x", body)
                    self.assertNotIn("<b>bold</b>", body)

    def test_the_query_is_shown_back_without_markup(self):
        for query, shown in [
            ("<script>alert('x')</script>", "script alert x script"),
            ("Crohn’s <i>", "Crohn’s i"),
        ]:
            with self.subTest(query=query):
                body = self.get("/en/search/", q=query).content.decode()
                self.assertIn(f"“{shown}”", body)
                self.assertNotIn("<script>alert", body)
                self.assertNotIn("<i>", body)

    def test_a_query_without_words_asks_for_words(self):
        response = self.get("/en/search/", q="🙂 !!")
        self.assertContains(response, "Type the name of a condition or a symptom")

    def test_any_page_number_answers_with_a_page_of_results(self):
        for page in ["0", "-1", "abc", "99999", "", "1.5", "9" * 50]:
            with self.subTest(page=page):
                response = self.get("/en/search/", q="studies", page=page)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, 'id="search-results"')
        self.assertContains(self.get("/en/search/", q="studies", page="99999"), "Page 2 of 2")
        self.assertContains(self.get("/en/search/", q="studies", page="-1"), "Page 1 of 2")

    def test_repeated_parameters_and_odd_filters_do_not_break_it(self):
        response = self.client.get(
            "/en/search/?q=pain&q=migraine&system=%00&evidence=%3Cx%3E&page=2&page=x"
        )
        self.assertEqual(response.status_code, 200)

    def test_other_methods_are_refused(self):
        self.assertEqual(self.client.post("/en/search/", {"q": "pain"}).status_code, 405)
        self.assertEqual(self.client.post("/en/search/suggest/", {"q": "pain"}).status_code, 405)
