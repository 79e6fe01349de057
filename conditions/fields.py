"""A text field of one item per line, translated item by item."""

from django.db import models
from wagtail_localize.segments import StringSegmentValue


def one_per_line(text):
    """The items of a one-per-line text, without blank lines or surrounding spaces."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class OnePerLineTextField(models.TextField):
    """A TextField whose lines wagtail-localize offers as separate segments.

    As a plain TextField it is one segment with its lines joined by ``<br/>``, which
    the translation editor shows raw and the translator has to copy back in place.
    wagtail-localize asks a field for ``get_translatable_segments`` and
    ``restore_translated_segments`` before its own handling of text fields.
    """

    def get_translatable_segments(self, value):
        return [
            StringSegmentValue(str(number), line) for number, line in enumerate(one_per_line(value))
        ]

    def restore_translated_segments(self, value, segments):
        translated = {segment.path: segment.render_text() for segment in segments}
        return "\n".join(
            translated.get(str(number), line) for number, line in enumerate(one_per_line(value))
        )

    def deconstruct(self):
        # The column is a text column like any other: no migration for a translation rule.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs
