import pytest
from wagtail.models import Locale, PageViewRestriction

from home.site_tree import get_or_create_conditions_index
from tests.factories import ConditionPageFactory


@pytest.fixture
def spanish(conditions_index):
    locale = Locale.objects.get_or_create(language_code="es")[0]
    get_or_create_conditions_index(locale)
    return locale


@pytest.fixture
def guides(conditions_index, spanish):
    """A published guide with a published Spanish translation, and every kind of hidden one."""
    dystonia = ConditionPageFactory(title="Dystonia", slug="dystonia", summary="Muscles tighten.")
    distonia = dystonia.copy_for_translation(spanish)
    distonia.slug = "distonia"
    distonia.title = "Distonía"
    distonia.save_revision().publish()

    migraine = ConditionPageFactory(title="Migraine", slug="migraine")
    # Translated but not yet reviewed: a draft in Spanish.
    unreviewed = migraine.copy_for_translation(spanish)
    unreviewed.slug = "migrana-unreviewed"
    unreviewed.save_revision()

    draft = ConditionPageFactory(title="Draft canary", slug="draft-canary", publish=False)
    restricted = ConditionPageFactory(title="Restricted canary", slug="restricted-canary")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    return {
        "dystonia": dystonia,
        "distonia": distonia,
        "migraine": migraine,
        "hidden": [unreviewed, draft, restricted],
        "hidden_slugs": ["migrana-unreviewed", "draft-canary", "restricted-canary"],
    }
