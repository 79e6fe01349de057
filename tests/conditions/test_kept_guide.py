"""A published guide is rendered once and kept until it is published again.

Readers get the kept copy; the next publish, a preview and a shared draft never do.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from review.models import ShareLink
from tests.factories import ConditionPageFactory, full_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(conditions_index):
    return ConditionPageFactory(title="Dystonia", slug="dystonia", body=full_body())


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_a_kept_guide_costs_fewer_queries_than_the_first_reader_paid(client, guide):
    client.get(guide.url)  # Warms the header, footer and site settings.
    other = ConditionPageFactory(title="Epilepsy", slug="epilepsy", body=full_body())
    first, _ = queries_for(client, other.url)
    kept, html = queries_for(client, other.url)
    assert kept < first
    assert "Epilepsy" in html


def test_publishing_again_shows_the_new_text_to_the_next_reader(client, guide):
    client.get(guide.url)
    guide.summary = "A summary the reviewer has just approved."
    guide.save_revision().publish()
    _, html = queries_for(client, guide.url)
    assert "A summary the reviewer has just approved." in html


def test_a_draft_is_never_mixed_up_with_the_kept_copy(client, guide, django_user_model):
    client.get(guide.url)
    guide.summary = "An unreviewed draft summary."
    guide.save_revision()
    author = django_user_model.objects.create_user("author")
    _link, token = ShareLink.create_for(guide, author, "For the reviewer")

    _, public = queries_for(client, guide.url)
    assert "An unreviewed draft summary." not in public

    _, shared = queries_for(client, f"/share/{token}/")
    assert "An unreviewed draft summary." in shared
