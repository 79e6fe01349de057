"""The "Guides due for review" report shows exact dates, with how far off they are."""

import datetime

import time_machine
from django.urls import reverse

from review.reports import exact_and_relative
from tests.factories import ConditionPageFactory

TODAY = datetime.date(2026, 12, 5)


def test_a_date_ahead_is_shown_exactly_and_as_days_ahead():
    assert exact_and_relative(datetime.date(2026, 12, 11), today=TODAY) == (
        "Dec. 11, 2026 (in 6 days)"
    )
    assert exact_and_relative(datetime.date(2026, 12, 4), today=TODAY) == (
        "Dec. 4, 2026 (1 day ago)"
    )
    assert exact_and_relative(TODAY, today=TODAY) == "Dec. 5, 2026 (today)"
    assert exact_and_relative(None, today=TODAY) == ""


@time_machine.travel(datetime.datetime(2026, 12, 5, 12, tzinfo=datetime.UTC), tick=False)
def test_report_shows_a_guide_due_in_six_days_with_its_date(conditions_index, client_for):
    ConditionPageFactory(
        title="Dystonia",
        next_review_due=datetime.date(2026, 12, 11),
        last_reviewed=datetime.date(2023, 12, 11),
    )
    content = client_for("editor").get(reverse("review_due_report")).content.decode()
    assert "Dec. 11, 2026 (in 6 days)" in content
    assert "Dec. 11, 2023 (1090 days ago)" in content
    assert "Just now" not in content
