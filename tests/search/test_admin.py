from django.contrib.auth import get_user_model
from django.test import TestCase
from wagtail.models import Locale

from search.models import SearchSynonym
from tests.factories import ConditionPageFactory
from tests.search.helpers import result_slugs


class SynonymSnippetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        ConditionPageFactory(
            title="Chronic pain",
            slug="chronic-pain",
            summary="Pain lasting months.",
            also_known_as="Persistent pain",
        )

    def setUp(self):
        self.client.force_login(self.admin)

    def test_editors_manage_synonyms_under_settings_with_help_on_every_field(self):
        listing = self.client.get("/admin/snippets/search/searchsynonym/")
        self.assertEqual(listing.status_code, 200)
        form = self.client.get("/admin/snippets/search/searchsynonym/add/")
        self.assertContains(form, "The word or short phrase visitors search for")
        self.assertContains(form, "separated by commas")

    def test_a_new_synonym_finds_guides_at_once(self):
        self.assertEqual(result_slugs(self.client.get("/en/search/", {"q": "ache"})), [])
        response = self.client.post(
            "/admin/snippets/search/searchsynonym/add/?locale=en",
            {"term": "pain", "synonyms": "ache, aching"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(SearchSynonym.objects.get().ring, [("pain",), ("ache",), ("aching",)])
        self.assertEqual(
            result_slugs(self.client.get("/en/search/", {"q": "ache"})), ["chronic-pain"]
        )

    def test_synonyms_work_in_both_directions(self):
        SearchSynonym.objects.create(term="ache", synonyms="pain", locale=Locale.get_default())
        self.assertEqual(
            result_slugs(self.client.get("/en/search/", {"q": "ache"})), ["chronic-pain"]
        )
