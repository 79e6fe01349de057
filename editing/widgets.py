"""Form widgets that keep the editor light."""

from django import forms


class BrowserDateInput(forms.DateInput):
    """A date field with the browser's own date picker.

    Wagtail's default date widget starts a jQuery date picker from a script beside the
    field while the edit form is still being read: on the demo's guides the costliest
    field script of the whole form, and each picker adds its own hidden calendar to the
    page. The browser's picker costs nothing until it is opened, is keyboard- and
    screen-reader-friendly, and shows the date in the editor's own format. The value sent
    is always YYYY-MM-DD.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")
