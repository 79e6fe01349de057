import datetime
import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, PageViewRestriction

from home.site_tree import get_or_create_conditions_index
from search.models import UnansweredSearch
from tests.factories import ConditionPageFactory
from tests.search.guides import build_guides, build_synonyms
from tests.search.helpers import result_slugs


def search(client, **params):
    return client.get("/en/search/", params)


class ResultsPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.guides, cls.systems = build_guides()
        build_synonyms()

    def test_a_result_shows_title_alternative_name_highlighted_summary_and_body_systems(self):
        response = search(self.client, q="ms")
        html = response.content.decode()
        results = html[html.index('id="search-results"') :]
        self.assertIn(
            '<a href="/en/conditions/multiple-sclerosis/">Multiple sclerosis</a>', results
        )
        self.assertIn("Also known as MS", results)
        self.assertIn("Brain and nerves", results)
        self.assertIn("Substantial evidence", results)
        self.assertContains(response, "1 guide found for “ms”")

    def test_query_words_are_marked_in_the_summary(self):
        html = search(self.client, q="tremor").content.decode()
        self.assertIn("causes <mark>tremor</mark>, slow movement", html)

    def test_the_summary_is_escaped_around_the_marks(self):
        guide = self.guides["glaucoma"]
        guide.summary = "Pressure <b>inside</b> the eye & damage"
        guide.save_revision().publish()
        html = search(self.client, q="pressure").content.decode()
        self.assertIn("<mark>Pressure</mark> &lt;b&gt;inside&lt;/b&gt; the eye &amp; damage", html)

    def test_results_are_paginated(self):
        # "disease" and "syndrome" and the cannabis evidence text: every guide says "studies".
        first = search(self.client, q="studies")
        total = len(self.guides)
        self.assertContains(first, f"{total} guides found")
        self.assertEqual(len(result_slugs(first)), 10)
        last = search(self.client, q="studies", page=3)
        self.assertEqual(len(result_slugs(last)), total - 20)
        self.assertContains(last, "Page 3 of 3")
        every = result_slugs(first) + result_slugs(search(self.client, q="studies", page=2))
        self.assertEqual(len(set(every + result_slugs(last))), total)

    def test_page_links_keep_the_query_and_replace_only_the_page(self):
        html = search(self.client, q="studies", page=2, evidence="x").content.decode()
        self.assertIn('href="?q=studies&amp;page=1&amp;evidence=x" rel="prev"', html)
        self.assertIn('href="?q=studies&amp;page=3&amp;evidence=x" rel="next"', html)

    def test_filter_by_body_system_with_counts(self):
        response = search(self.client, q="disease")
        html = response.content.decode()
        counts = dict(
            re.findall(r'for="filter-system-\d+">([^<]+) <span class="count">\((\d+)\)', html)
        )
        # Parkinson's, Crohn's, Alzheimer's, MND (ALS), Willis-Ekbom (RLS), Lou Gehrig's (ALS)
        self.assertEqual(counts["Brain and nerves"], "4")
        self.assertEqual(counts["Stomach and bowels"], "1")
        filtered = search(self.client, q="disease", system="stomach-and-bowels")
        self.assertEqual(result_slugs(filtered), ["crohns-disease"])
        self.assertRegex(
            filtered.content.decode(), r'value="stomach-and-bowels" id="filter-system-\d+" checked'
        )

    def test_filter_by_evidence_level_with_counts(self):
        html = search(self.client, q="pain").content.decode()
        self.assertRegex(
            html,
            r'for="filter-evidence-substantial">Substantial evidence '
            r'<span class="count">\(1\)',
        )
        response = search(self.client, q="pain", evidence="substantial")
        self.assertEqual(result_slugs(response), ["chronic-pain"])

    def test_counts_of_one_filter_follow_the_other(self):
        html = search(self.client, q="pain", evidence="substantial").content.decode()
        self.assertRegex(html, r'Stomach and bowels <span class="count">\(0\)')
        self.assertRegex(html, r'Muscles, bones and joints <span class="count">\(1\)')

    def test_unknown_filter_values_are_ignored(self):
        response = search(self.client, q="pain", evidence="miracle", system="<x>")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(result_slugs(response)[0], "chronic-pain")

    def test_a_misspelling_with_no_results_is_corrected_and_said_so(self):
        response = search(self.client, q="migrane")
        self.assertContains(response, "No guides matched “migrane”.")
        self.assertContains(response, "Showing results for <strong>migraine</strong>.")
        self.assertEqual(result_slugs(response)[0], "migraine")

    def test_did_you_mean_offers_the_correction_when_some_words_matched(self):
        response = search(self.client, q="migrane snoring")
        self.assertContains(response, "Did you mean")
        self.assertContains(response, '<a href="?q=migraine%20snoring">migraine snoring</a>')
        self.assertEqual(result_slugs(response), ["sleep-apnoea"])
        self.assertContains(response, "No guide uses every word you typed.")

    def test_no_results_says_so_and_links_to_the_a_to_z(self):
        response = search(self.client, q="xylophone")
        self.assertContains(response, "No guides matched “xylophone”.")
        self.assertContains(response, 'href="/en/conditions/"')
        self.assertContains(response, "0 guides found")

    def test_promoted_results_come_first_for_their_query(self):
        SearchPromotion.objects.create(
            query=Query.get("pain"), page=self.guides["endometriosis"], sort_order=0
        )
        response = search(self.client, q="Pain")
        self.assertEqual(result_slugs(response)[:2], ["endometriosis", "chronic-pain"])
        self.assertContains(response, "Recommended")
        self.assertEqual(result_slugs(response).count("endometriosis"), 1)

    def test_external_promotions_are_listed_on_the_first_page(self):
        SearchPromotion.objects.create(
            query=Query.get("cannabis"),
            external_link_url="https://example.org/law",
            external_link_text="Cannabis and the law",
        )
        self.assertContains(search(self.client, q="cannabis"), "Cannabis and the law")

    def test_query_count_does_not_grow_with_the_results(self):
        # Warm the catalogue and the site root paths; the first request also creates the
        # site settings, which starts a new fragment-cache version (home/fragments.py).
        search(self.client, q="ms")
        search(self.client, q="ms")

        def count(query):
            with CaptureQueriesContext(connection) as queries:
                search(self.client, q=query, page=1)
            return len(queries)

        self.assertEqual(count("ms"), count("studies"))
        self.assertLessEqual(count("studies"), 15)

    def test_empty_query_shows_the_form_only(self):
        response = search(self.client, q="")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'id="search-results"')
        self.assertNotContains(response, "guides found")


class VisibilityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.guides, _systems = build_guides()
        cls.draft = ConditionPageFactory(
            title="Narcolepsy",
            slug="narcolepsy",
            summary="Falling asleep suddenly.",
            publish=False,
        )
        cls.private = ConditionPageFactory(
            title="Cluster headache",
            slug="cluster-headache",
            summary="Severe headaches.",
            also_known_as="Suicide headache",
        )
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        spanish = Locale.objects.create(language_code="es")
        cls.spanish = ConditionPageFactory(
            title="Migraña",
            slug="migrana",
            summary="Dolores de cabeza intensos con náuseas.",
            also_known_as="Jaqueca",
            parent=get_or_create_conditions_index(spanish),
            locale=spanish,
        )

    def test_drafts_never_appear(self):
        self.assertEqual(result_slugs(search(self.client, q="narcolepsy")), [])
        self.assertEqual(self.client.get("/en/search/suggest/", {"q": "narco"}).json(), [])

    def test_unpublished_changes_are_not_searched(self):
        guide = self.guides["glaucoma"]
        guide.title = "Ocular hypertension draft"
        guide.save_revision()
        self.assertEqual(result_slugs(search(self.client, q="ocular")), [])
        self.assertEqual(result_slugs(search(self.client, q="glaucoma")), ["glaucoma"])

    def test_private_guides_never_appear_nor_correct_typos(self):
        self.assertNotIn(
            "cluster-headache", result_slugs(search(self.client, q="cluster headache"))
        )
        self.assertNotContains(search(self.client, q="suicide"), "cluster-headache")
        self.assertNotContains(search(self.client, q="clustr"), "luster")
        self.assertEqual(self.client.get("/en/search/suggest/", {"q": "clust"}).json(), [])

    def test_other_languages_never_appear(self):
        # "Migraña" is one edit from "migraine": English visitors get the English guide.
        self.assertEqual(result_slugs(search(self.client, q="migraña")), ["migraine"])
        self.assertEqual(result_slugs(search(self.client, q="jaqueca")), [])
        response = self.client.get("/es/search/", {"q": "migraña"})
        self.assertEqual(result_slugs(response), ["migrana"])
        self.assertEqual(result_slugs(self.client.get("/es/search/", {"q": "dystonia"})), [])
        self.assertEqual(self.client.get("/es/search/suggest/", {"q": "dyst"}).json(), [])

    def test_publishing_and_unpublishing_update_search_at_once(self):
        search(self.client, q="ms")  # the catalogue is built now
        new = ConditionPageFactory(
            title="Nausea in pregnancy",
            slug="nausea-in-pregnancy",
            also_known_as="Morning sickness",
        )
        self.assertEqual(
            result_slugs(search(self.client, q="morning sickness"))[0], "nausea-in-pregnancy"
        )
        new.unpublish()
        self.assertNotIn(
            "nausea-in-pregnancy", result_slugs(search(self.client, q="morning sickness"))
        )


class QueryLoggingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_guides()

    def test_every_search_counts_a_hit(self):
        search(self.client, q="Migraine")
        search(self.client, q="migraine")
        hits = QueryDailyHits.objects.get(query__query_string="migraine")
        self.assertEqual(hits.hits, 2)

    def test_following_pages_and_filters_are_not_counted_again(self):
        search(self.client, q="pain")
        search(self.client, q="pain", page=2)
        search(self.client, q="pain", evidence="limited")
        self.assertEqual(Query.get("pain").hits, 1)

    def test_a_search_that_found_nothing_is_recorded(self):
        search(self.client, q="Xylophone")
        search(self.client, q="xylophone")
        search(self.client, q="migrane")  # corrected, so it found something
        unanswered = UnansweredSearch.objects.get()
        self.assertEqual(
            (unanswered.query_string, unanswered.hits, unanswered.locale.language_code),
            ("xylophone", 2, "en"),
        )

    def test_reports_show_popular_and_unanswered_searches_of_the_last_30_days(self):
        from django.contrib.auth import get_user_model

        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        self.client.force_login(admin)
        for _ in range(3):
            search(self.client, q="migraine")
        search(self.client, q="xylophone")
        old = UnansweredSearch.objects.create(
            query_string="long ago",
            locale=Locale.get_default(),
            date=datetime.date.today() - datetime.timedelta(days=40),
            hits=9,
        )
        popular = self.client.get("/admin/reports/searches/popular/")
        self.assertEqual(popular.status_code, 200)
        self.assertContains(popular, "migraine")
        self.assertContains(popular, "Popular searches")
        unanswered = self.client.get("/admin/reports/searches/nothing-found/")
        self.assertEqual(unanswered.status_code, 200)
        self.assertContains(unanswered, "xylophone")
        self.assertNotContains(unanswered, old.query_string)
        export = self.client.get("/admin/reports/searches/nothing-found/", {"export": "csv"})
        self.assertIn(b"xylophone", b"".join(export.streaming_content))
        menu = self.client.get("/admin/")
        self.assertContains(menu, "Searches that found nothing")


class PruneUnansweredSearchesTests(TestCase):
    def test_counts_older_than_the_reports_are_deleted(self):
        from io import StringIO

        from django.core.management import call_command

        today = datetime.date.today()
        for age in (0, 29, 31):
            UnansweredSearch.objects.create(
                query_string=f"age {age}",
                locale=Locale.get_default(),
                hits=1,
                date=today - datetime.timedelta(days=age),
            )
        call_command("prune_unanswered_searches", stdout=StringIO())
        self.assertEqual(
            sorted(UnansweredSearch.objects.values_list("query_string", flat=True)),
            ["age 0", "age 29"],
        )
