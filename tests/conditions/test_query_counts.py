"""SQL queries per public page: few, and the same however much content there is.

Counted once the caches are warm (Wagtail's site root paths, the cached header, footer
and language links): what a reader pays when the edge cache misses.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conditions.models import ConditionPage, RelatedGuide
from home.models import FeaturedGuide
from home.site_tree import get_or_create_conditions_index
from tests.factories import (
    BodySystemFactory,
    ConditionPageFactory,
    cannabis_evidence,
    full_body,
    overview,
    study,
)

GUIDE_QUERIES = 12
INDEX_QUERIES = 10
HOME_QUERIES = 12


@pytest.fixture
def queries(client):
    """The queries a warm GET of a URL makes, after asserting the page answered 200."""

    def count(url):
        client.get(url)
        client.get(url)  # The first request creates the site settings.
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(captured)

    return count


@pytest.fixture
def spanish(db):
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code="es")[0]


def quick_guides(index, count, start=0, **fields):
    """Many live guides, fast: straight into the tree, without revisions."""
    return [
        index.add_child(
            instance=ConditionPage(
                title=f"Guide {n:05d}",
                slug=f"guide-{n:05d}",
                summary="A short summary.",
                also_known_as="Another name",
                body=[overview()],
                live=True,
                **fields,
            )
        )
        for n in range(start, start + count)
    ]


def translate(page, locale):
    translation = page.copy_for_translation(locale)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def test_a_guide_takes_the_same_few_queries_however_long_it_is(queries, conditions_index):
    short = ConditionPageFactory(body=[overview()], body_systems=[BodySystemFactory()])
    long = ConditionPageFactory(
        body=[
            *full_body(),
            cannabis_evidence([study() for _ in range(5)]),
            cannabis_evidence([study() for _ in range(5)]),
        ],
        body_systems=[BodySystemFactory() for _ in range(3)],
    )
    assert queries(short.url) <= GUIDE_QUERIES
    assert queries(long.url) == queries(short.url)


def test_a_guide_takes_the_same_few_queries_however_many_related_guides(queries, conditions_index):
    brain = BodySystemFactory(name="Brain")
    guide = ConditionPageFactory(body=full_body(), body_systems=[brain])
    quick_guides(conditions_index, 2)
    guide.body_systems.set([brain])
    for other in ConditionPage.objects.exclude(pk=guide.pk):
        other.body_systems.set([brain])
    two = queries(guide.url)
    for other in quick_guides(conditions_index, 30, start=2):
        other.body_systems.set([brain])
    assert two <= GUIDE_QUERIES
    assert queries(guide.url) == two

    for n, other in enumerate(ConditionPage.objects.exclude(pk=guide.pk)[:8]):
        RelatedGuide.objects.create(page=guide, guide=other, sort_order=n)
    assert queries(guide.url) <= GUIDE_QUERIES


def test_a_spanish_guide_takes_as_few_queries(queries, conditions_index, spanish):
    spanish_index = get_or_create_conditions_index(spanish)
    guide = ConditionPageFactory(title="Dystonia", slug="dystonia", body=full_body())
    others = quick_guides(conditions_index, 6)
    for n, other in enumerate(others):
        RelatedGuide.objects.create(page=guide, guide=other, sort_order=n)
        translate(other, spanish)
    guide.save_revision().publish()
    distonia = translate(ConditionPage.objects.get(pk=guide.pk), spanish)
    assert distonia.url.startswith("/es/")
    assert spanish_index.live
    assert queries(distonia.url) <= GUIDE_QUERIES
    assert queries(guide.url) <= GUIDE_QUERIES


def test_the_a_to_z_of_a_thousand_guides_takes_as_few_queries_as_of_three(
    queries, conditions_index
):
    brain = BodySystemFactory(name="Brain", slug="brain")
    for guide in quick_guides(conditions_index, 3):
        guide.body_systems.set([brain])
    urls = [conditions_index.url, f"{conditions_index.url}?system=brain"]
    three = [queries(url) for url in urls]
    quick_guides(conditions_index, 997, start=3)
    thousand = [*(queries(url) for url in urls), queries(f"{conditions_index.url}?page=7")]
    assert max(three) <= INDEX_QUERIES
    assert max(thousand) <= INDEX_QUERIES
    assert thousand[:2] == three


def test_the_spanish_a_to_z_takes_as_few_queries(queries, conditions_index, spanish):
    spanish_index = get_or_create_conditions_index(spanish)
    for guide in quick_guides(conditions_index, 5):
        translate(guide, spanish)
    assert queries(spanish_index.url) <= INDEX_QUERIES


def test_the_home_page_takes_the_same_few_queries_however_many_guides(
    queries, conditions_index, spanish
):
    home = conditions_index.get_parent().specific
    systems = [BodySystemFactory() for _ in range(3)]
    for n, guide in enumerate(quick_guides(conditions_index, 3)):
        guide.body_systems.set(systems)
        FeaturedGuide.objects.create(page=home, guide=guide, sort_order=n)
    home.save_revision().publish()
    three = queries("/en/")
    for n, guide in enumerate(quick_guides(conditions_index, 40, start=3), start=3):
        guide.body_systems.set(systems)
        if n < 6:
            FeaturedGuide.objects.create(page=home, guide=guide, sort_order=n)
    home.save_revision().publish()
    assert three <= HOME_QUERIES
    assert queries("/en/") == three

    spanish_index = get_or_create_conditions_index(spanish)
    for guide in ConditionPage.objects.filter(locale__language_code="en")[:6]:
        translate(guide, spanish)
    assert spanish_index.get_parent().url == "/es/"
    assert queries("/es/") <= HOME_QUERIES
