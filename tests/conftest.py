import pytest

from home.site_tree import get_or_create_conditions_index


@pytest.fixture
def conditions_index(db):
    return get_or_create_conditions_index()


@pytest.fixture
def home_page(conditions_index):
    return conditions_index.get_parent().specific
