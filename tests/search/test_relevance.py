"""What visitors type, and the guide that must come back in the first three results."""

from django.test import TestCase

from tests.search.guides import build_guides, build_synonyms
from tests.search.helpers import result_slugs

EXPECTED_IN_TOP_THREE = [
    # Names as written
    ("Multiple sclerosis", "multiple-sclerosis"),
    ("irritable bowel", "irritable-bowel-syndrome"),
    ("motor neurone disease", "als"),
    ("head injury", "traumatic-brain-injury"),
    ("sleep apnoea", "sleep-apnoea"),
    ("obstructive sleep apnea", "sleep-apnoea"),
    # Abbreviations and other names
    ("MS", "multiple-sclerosis"),
    ("ms", "multiple-sclerosis"),
    ("PTSD", "ptsd"),
    ("IBS", "irritable-bowel-syndrome"),
    ("TBI", "traumatic-brain-injury"),
    ("ALS", "als"),
    ("MND", "als"),
    ("CINV", "chemotherapy-induced-nausea-and-vomiting"),
    ("chemo nausea", "chemotherapy-induced-nausea-and-vomiting"),
    ("RLS", "restless-legs-syndrome"),
    ("GAD", "anxiety"),
    ("PD", "parkinsons-disease"),
    ("RA", "rheumatoid-arthritis"),
    ("concussion", "traumatic-brain-injury"),
    ("shell shock", "ptsd"),
    ("dementia", "alzheimers-disease"),
    # Apostrophes and possessives
    ("Parkinson's", "parkinsons-disease"),
    ("parkinsons", "parkinsons-disease"),
    ("parkinson", "parkinsons-disease"),
    ("Parkinson’s disease", "parkinsons-disease"),
    ("crohns", "crohns-disease"),
    ("Crohn's disease", "crohns-disease"),
    ("alzheimers", "alzheimers-disease"),
    ("lou gehrigs disease", "als"),
    ("tourettes", "tourette-syndrome"),
    # Plurals and verb forms
    ("migraines", "migraine"),
    ("seizure", "epilepsy"),
    ("tremors", "parkinsons-disease"),
    ("cramping stomach", "irritable-bowel-syndrome"),
    ("sleeping problems", "insomnia"),
    # Misspellings
    ("migrane", "migraine"),
    ("fibromialgia", "fibromyalgia"),
    ("parkinsns", "parkinsons-disease"),
    ("epilepsey", "epilepsy"),
    ("glaucomma", "glaucoma"),
    ("insomina", "insomnia"),
    ("dystona", "dystonia"),
    ("multiple schlerosis", "multiple-sclerosis"),
    ("alzheimers diseese", "alzheimers-disease"),
    # Beginnings of words
    ("fibro", "fibromyalgia"),
    ("epilep", "epilepsy"),
    # Symptoms
    ("tremor", "parkinsons-disease"),
    ("flashbacks", "ptsd"),
    ("bloating", "irritable-bowel-syndrome"),
    ("tingling legs", "restless-legs-syndrome"),
    ("snoring", "sleep-apnoea"),
    ("twisting movements", "dystonia"),
    ("headache with nausea", "migraine"),
    ("trouble sleeping", "insomnia"),
    ("stomach cramps", "irritable-bowel-syndrome"),
    ("eye pressure", "glaucoma"),
    ("joint pain", "rheumatoid-arthritis"),
    ("numbness", "multiple-sclerosis"),
    ("muscle weakness", "als"),
    ("tics", "tourette-syndrome"),
    ("long-term pain", "chronic-pain"),
    ("weight loss", "hiv-wasting"),
    # Synonyms editors manage
    ("stomach spasms", "irritable-bowel-syndrome"),
    ("fits", "epilepsy"),
    ("throwing up after chemo", "chemotherapy-induced-nausea-and-vomiting"),
    ("weed for nausea", "chemotherapy-induced-nausea-and-vomiting"),
    ("marijuana and pain", "chronic-pain"),
    ("pot for sleep", "insomnia"),
]


class RelevanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_guides()
        build_synonyms()

    def test_each_query_finds_its_guide_in_the_top_three(self):
        misses = []
        for query, slug in EXPECTED_IN_TOP_THREE:
            with self.subTest(query=query):
                response = self.client.get("/en/search/", {"q": query})
                self.assertEqual(response.status_code, 200)
                top = result_slugs(response)[:3]
                if slug not in top:
                    misses.append(f"{query!r}: expected {slug}, got {top}")
        self.assertEqual(misses, [])

    def test_name_matches_outrank_summary_and_body_matches(self):
        # "Sclerosis" is in two titles; "spasticity" only in the MS guide's body.
        slugs = result_slugs(self.client.get("/en/search/", {"q": "sclerosis"}))
        self.assertEqual(set(slugs[:2]), {"multiple-sclerosis", "als"})
        # "Pain" is the chronic pain guide's title and only summary or body text elsewhere.
        slugs = result_slugs(self.client.get("/en/search/", {"q": "pain"}))
        self.assertEqual(slugs[0], "chronic-pain")

    def test_an_exact_name_comes_first(self):
        for query, slug in [
            ("epilepsy", "epilepsy"),
            ("ms", "multiple-sclerosis"),
            ("dementia", "alzheimers-disease"),
            ("sleeplessness", "insomnia"),
        ]:
            with self.subTest(query=query):
                slugs = result_slugs(self.client.get("/en/search/", {"q": query}))
                self.assertEqual(slugs[0], slug)
