from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """Everything about serving and translating the site in more than one language.

    wagtail-localize does the translating; this app adds what it leaves to the site:
    the language switcher and hreflang links, the out-of-date report, the development
    machine translator, the demo translations, and sending translations to medical
    review as translated.
    """

    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from . import signals  # noqa: F401
