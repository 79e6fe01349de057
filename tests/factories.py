"""Factories for the content the tests need. Pages are published through revisions,
as an editor would publish them, so each live page has a live revision."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from conditions.models import BodySystem, ConditionPage
from home.site_tree import get_or_create_conditions_index


def overview(text="<p>An overview.</p>", heading=""):
    return ("overview", {"heading": heading, "content": text})


def section(kind, text="<p>Some text.</p>", heading=""):
    return (kind, {"heading": heading, "content": text})


def study(**overrides):
    value = {
        "title": "A randomised trial of a cannabinoid",
        "journal": "Journal of Examples",
        "year": 2019,
        "design": "randomised_trial",
        "participants": 40,
        "finding": "No clear difference from placebo.",
        "evidence_level": "limited",
        "pmid": "12345678",
        "doi": "10.1000/example.1",
        "url": "",
    }
    value.update(overrides)
    return value


def cannabis_evidence(
    studies=(), level="insufficient", summary="<p>Little evidence.</p>", legal_status=""
):
    return (
        "cannabis_evidence",
        {
            "heading": "",
            "summary": summary,
            "evidence_level": level,
            "legal_status": legal_status,
            "studies": list(studies),
        },
    )


def see_a_doctor(*cards):
    cards = cards or (("non_urgent", "<p>Symptoms last weeks.</p>"),)
    return (
        "see_a_doctor",
        {
            "heading": "",
            "care_cards": [{"urgency": urgency, "text": text} for urgency, text in cards],
        },
    )


def resources(*links):
    links = links or (("A patient society", "https://example.org/", "Support groups."),)
    return (
        "resources",
        {
            "heading": "",
            "links": [
                {"title": title, "url": url, "description": description}
                for title, url, description in links
            ],
            "pages": [],
        },
    )


def full_body():
    """One of every condition section, with two studies."""
    return [
        overview("<p>Dystonia makes muscles tighten on their own.</p>"),
        section("symptoms", "<ul><li>Twisting movements</li></ul>"),
        section("causes", "<p>Often unknown.</p>"),
        section("treatments", "<p>Botulinum toxin injections.</p>"),
        cannabis_evidence(
            [study(title="First study"), study(title="Second study", pmid="", doi="")],
            level="insufficient",
        ),
        section("complications", "<p>Pain and fatigue.</p>"),
        see_a_doctor(("urgent", "<p>Sudden new spasms.</p>")),
        resources(),
    ]


class BodySystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodySystem
        django_get_or_create = ("locale", "slug")

    name = factory.Sequence(lambda n: f"Body system {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    locale = factory.LazyFunction(Locale.get_default)


class ConditionPageFactory(wagtail_factories.PageFactory):
    """A guide under the conditions index, published through a revision."""

    class Meta:
        model = ConditionPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Condition {n}")
    summary = factory.LazyAttribute(lambda o: f"A short summary of {o.title.lower()}.")
    parent = factory.LazyFunction(get_or_create_conditions_index)
    live = False
    body = factory.LazyFunction(lambda: [overview()])
    reviewed_by = "Dr Test Reviewer, neurologist"
    last_reviewed = datetime.date(2026, 1, 15)
    next_review_due = datetime.date(2029, 1, 15)

    @factory.post_generation
    def body_systems(self, create, extracted, **kwargs):
        if extracted:
            self.body_systems.set(extracted)

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if create and extracted is not False:
            self.save_revision().publish()
            self.refresh_from_db()
