import pytest

from search.api import invalidate


@pytest.fixture(autouse=True)
def fresh_catalogue():
    """Each test's guides are new: no test may see another test's catalogue."""
    invalidate()
    yield
    invalidate()
