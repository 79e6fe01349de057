"""Opening hours read the way a sign on the door would: "Mon–Fri 11–7, Sat 9–4"."""

import datetime

import pytest
from wagtail.models import Site

from home.models import OpeningHours, SiteSettings
from home.opening_hours import summarise_opening_hours


def hours(*rows):
    """OpeningHours rows from (weekday, "HH:MM", "HH:MM"); Monday is 0."""
    return [
        OpeningHours(
            weekday=day,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )
        for day, opens, closes in rows
    ]


WEEKDAYS_11_TO_7 = [(day, "11:00", "19:00") for day in range(5)]


def test_weekdays_with_the_same_hours_and_saturday_are_grouped():
    rows = hours(*WEEKDAYS_11_TO_7, (5, "09:00", "16:00"))
    assert summarise_opening_hours(rows) == "Mon–Fri 11–7, Sat 9–4"


def test_days_are_summarised_in_weekday_order_whatever_order_they_are_entered_in():
    rows = hours((5, "09:00", "16:00"), *reversed(WEEKDAYS_11_TO_7))
    assert summarise_opening_hours(rows) == "Mon–Fri 11–7, Sat 9–4"


def test_a_closed_day_breaks_the_range():
    rows = hours((0, "09:00", "17:00"), (1, "09:00", "17:00"), (3, "09:00", "17:00"))
    assert summarise_opening_hours(rows) == "Mon–Tue 9–5, Thu 9–5"


def test_a_day_with_different_hours_breaks_the_range():
    rows = hours(
        (0, "09:00", "17:00"),
        (1, "09:00", "17:00"),
        (2, "09:00", "20:00"),
        (3, "09:00", "17:00"),
        (4, "10:00", "17:00"),
    )
    assert summarise_opening_hours(rows) == "Mon–Tue 9–5, Wed 9–8, Thu 9–5, Fri 10–5"


def test_single_days_are_named_alone():
    rows = hours((2, "10:00", "14:00"), (6, "12:00", "15:00"))
    assert summarise_opening_hours(rows) == "Wed 10–2, Sun 12–3"


def test_weekend_range():
    rows = hours((5, "10:00", "16:00"), (6, "10:00", "16:00"))
    assert summarise_opening_hours(rows) == "Sat–Sun 10–4"


def test_minutes_are_shown_only_when_not_on_the_hour():
    rows = hours((0, "09:30", "17:00"), (1, "09:00", "17:45"), (2, "08:05", "12:00"))
    assert summarise_opening_hours(rows) == "Mon 9:30–5, Tue 9–5:45, Wed 8:05–12"


def test_no_hours_give_an_empty_summary():
    assert summarise_opening_hours([]) == ""


@pytest.mark.django_db
def test_site_settings_summarise_their_saved_hours():
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for row in hours(*WEEKDAYS_11_TO_7, (5, "09:00", "16:00")):
        row.settings = site_settings
        row.save()
    assert SiteSettings.objects.get(pk=site_settings.pk).opening_hours_summary == (
        "Mon–Fri 11–7, Sat 9–4"
    )


def test_spanish_readers_get_the_24_hour_clock():
    from django.utils import translation

    rows = hours(*WEEKDAYS_11_TO_7, (5, "09:00", "16:00"))
    with translation.override("es"):
        assert summarise_opening_hours(rows) == "Lun–Vie 11–19, Sáb 9–16"
