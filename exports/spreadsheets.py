"""Every CSV the admin exports is safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel, LibreOffice and Google Sheets: a newsletter signup named
``=HYPERLINK(...)`` would run in the site manager's spreadsheet. Every CSV export in the
admin (the newsletter signups, our reports and Wagtail's own) goes through Wagtail's
``SpreadsheetExportMixin.preprocess_field_value``; this wraps it once, here, so each such
cell gets a leading apostrophe, which spreadsheets show as text. XLSX exports need
nothing: Wagtail already writes every cell there as text.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The value as a spreadsheet will show it, never as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def protect_csv_exports():
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        if export_format == self.FORMAT_CSV:
            value = neutralise(value)
        return value

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
