import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.site_tree import get_or_create_conditions_index


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached: ids repeat from one test's database to the next,
    and rate-limit counts live in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: a request through LocaleMiddleware in
    the test client leaves its language active in this thread for the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def conditions_index(db):
    return get_or_create_conditions_index()


@pytest.fixture
def home_page(conditions_index):
    return conditions_index.get_parent().specific


@pytest.fixture
def count_queries(client):
    """The number of queries a GET of a URL makes, once caches are warm."""

    def count(url):
        # Site root paths and content types are cached on first use, and the first
        # request also creates the site settings, which starts a new fragment version.
        client.get(url)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    return count
