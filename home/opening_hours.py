"""Opening hours as a visitor reads them: "Mon–Fri 11–7, Sat 9–4"."""

from itertools import groupby

from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import get_language

# Django's own day names, Monday = 0 as in datetime.weekday(). Their Spanish comes from
# Django's catalogue unless locale/es overrides it (it does: "Lunes", "Lun").
WEEKDAY_CHOICES = list(WEEKDAYS.items())


def _short_time(value):
    """The hour as a sign on the door gives it: "7" for 19:00 in English, "19" elsewhere.

    English readers expect the 12-hour clock ("11–7"); Spanish readers the 24-hour
    clock ("11–19"). Minutes only when there are some: "9:30".
    """
    hour = value.hour
    if (get_language() or "en").startswith("en"):
        hour = hour % 12 or 12
    return f"{hour}:{value.minute:02d}" if value.minute else str(hour)


def summarise_opening_hours(hours):
    """Group consecutive days with the same hours into ranges."""
    by_day = sorted(hours, key=lambda h: h.weekday)
    runs = []
    for _key, group in groupby(
        enumerate(by_day),
        key=lambda pair: (pair[1].weekday - pair[0], pair[1].opens, pair[1].closes),
    ):
        days = [h for _i, h in group]
        runs.append(days)
    parts = []
    for days in runs:
        first, last = WEEKDAYS_ABBR[days[0].weekday], WEEKDAYS_ABBR[days[-1].weekday]
        label = f"{first}–{last}" if len(days) > 1 else str(first)
        parts.append(f"{label} {_short_time(days[0].opens)}–{_short_time(days[0].closes)}")
    return ", ".join(parts)
