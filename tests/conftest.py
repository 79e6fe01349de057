import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.site_tree import get_or_create_conditions_index


@pytest.fixture
def conditions_index(db):
    return get_or_create_conditions_index()


@pytest.fixture
def home_page(conditions_index):
    return conditions_index.get_parent().specific


@pytest.fixture
def count_queries(client):
    """The number of queries a GET of a URL makes, once per-process caches are warm."""

    def count(url):
        client.get(url)  # Site root paths and content types are cached on first use.
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    return count


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with empty rate-limit counts (Django's cache is per process)."""
    from django.core.cache import cache

    cache.clear()
