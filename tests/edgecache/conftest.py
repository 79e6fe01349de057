import pytest

from .stack import start_stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    """The production stack on a small site of its own, shared by the edge-cache tests."""
    running = start_stack(tmp_path_factory.mktemp("stack"))
    try:
        yield running
    finally:
        running.stack.stop()
