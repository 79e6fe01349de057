"""A machine translator for development: its output is never mistaken for a translation.

With no DeepL key configured (see ``config/settings/base.py``) the "Machine translate"
button in wagtail-localize's editor uses this. Nothing leaves the machine: each string
comes back unchanged, marked with the target language, so "[ES] Dystonia" in a review
is an obvious untranslated string.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


def _language(locale):
    return locale.language_code.split("-")[0].lower()


def marker(locale):
    """What the development translator puts before every string it "translates" into ``locale``."""
    return f"[{_language(locale).upper()}] "


class DevelopmentTranslator(BaseMachineTranslator):
    display_name = _("Development translator (marks text, does not translate)")

    def translate(self, source_locale, target_locale, strings):
        # StringValue.data is HTML with wagtail-localize's inline placeholders
        # (<a id="a1">, <b>…); a plain-text prefix leaves them exactly as they were.
        prefix = marker(target_locale)
        return {string: StringValue(prefix + string.data) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return _language(source_locale) != _language(target_locale)
