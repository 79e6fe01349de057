"""Which URLs the site purges from the edge cache when content changes (edgecache)."""

import pytest
from wagtail.models import Locale

from conditions.models import RelatedGuide
from home.models import SiteSettings
from home.site_tree import get_or_create_conditions_index
from tests.factories import ConditionPageFactory

from . import recording

ROOT = "http://localhost"


@pytest.fixture
def purged(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.edgecache.recording.RecordingBackend"}
    }
    recording.purged.clear()

    class Purged:
        def during(self, change):
            recording.purged.clear()
            with django_capture_on_commit_callbacks(execute=True):
                change()
            return {url.removeprefix(ROOT) for url in recording.purged}

    return Purged()


@pytest.fixture
def dystonia(conditions_index):
    return ConditionPageFactory(title="Dystonia", slug="dystonia")


@pytest.fixture
def spanish_dystonia(dystonia):
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    get_or_create_conditions_index(spanish)
    translation = dystonia.copy_for_translation(spanish)
    translation.slug = "distonia"
    translation.save_revision().publish()
    return translation


def test_publishing_a_guide_purges_it_in_every_language_with_its_a_to_z_and_home_page(
    purged, spanish_dystonia, dystonia
):
    dystonia.summary = "Changed."
    urls = purged.during(lambda: dystonia.save_revision().publish())

    assert {
        "/en/conditions/dystonia/",
        "/en/conditions/",
        "/en/",
        "/es/conditions/distonia/",
        "/es/conditions/",
        "/es/",
        "/sitemap.xml",
    } <= urls


def test_publishing_a_guide_purges_the_guides_that_link_to_it(purged, dystonia):
    epilepsy = ConditionPageFactory(title="Epilepsy", slug="epilepsy")
    epilepsy.related_guides = [RelatedGuide(guide=dystonia)]
    epilepsy.save_revision().publish()

    urls = purged.during(lambda: dystonia.save_revision().publish())

    assert "/en/conditions/epilepsy/" in urls


def test_unpublishing_and_deleting_a_guide_purge_its_address(purged, dystonia):
    assert "/en/conditions/dystonia/" in purged.during(dystonia.unpublish)
    dystonia.save_revision().publish()
    assert "/en/conditions/dystonia/" in purged.during(dystonia.delete)


def test_changing_a_slug_purges_the_old_address(purged, dystonia):
    dystonia.slug = "dystonias"
    urls = purged.during(lambda: dystonia.save_revision().publish())

    assert {"/en/conditions/dystonia/", "/en/conditions/dystonias/"} <= urls


def test_moving_a_guide_purges_its_old_and_new_addresses(purged, dystonia, home_page):
    from conditions.models import ConditionIndexPage

    other_index = home_page.add_child(
        instance=ConditionIndexPage(title="More", slug="more", live=False)
    )
    other_index.save_revision().publish()

    urls = purged.during(lambda: dystonia.move(other_index, pos="last-child"))

    assert {"/en/conditions/dystonia/", "/en/more/dystonia/", "/en/conditions/"} <= urls


def test_adding_a_redirect_purges_the_address_it_redirects_from(purged, dystonia):
    from wagtail.contrib.redirects.models import Redirect

    urls = purged.during(lambda: Redirect.add_redirect("/en/dystonia-guide", dystonia))

    assert urls == {"/en/dystonia-guide", "/en/dystonia-guide/"}


def test_saving_the_site_settings_purges_every_page(purged, dystonia, home_page):
    from wagtail.models import Site

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organisation_name = "Renamed"

    urls = purged.during(site_settings.save)

    assert {"/en/", "/en/conditions/", "/en/conditions/dystonia/"} <= urls


def test_nothing_is_listed_without_an_edge_cache(settings, dystonia):
    settings.WAGTAILFRONTENDCACHE = {}
    recording.purged.clear()
    dystonia.save_revision().publish()
    assert recording.purged == []
