"""The Spanish demo content, made the way an editor's translations are made.

``home/demo/translations.es.json`` holds a careful human translation of every string
wagtail-localize extracts from the demo guides, body systems, site texts and the pages
above the guides: ``{"guides": [slugs], "strings": {English: Spanish}}``. Each object is
submitted to wagtail-localize (a ``TranslationSource`` and a ``Translation``), the
strings are stored as its manual translations, and the translation is saved. So the
demo translations are synced, show up in the reports and go out of date like any other.
"""

import json
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from conditions.models import BodySystem, ConditionPage
from home.models import SiteSettings

DEMO_TRANSLATIONS = Path(settings.BASE_DIR) / "home" / "demo" / "translations.es.json"


class MissingDemoTranslations(Exception):
    def __init__(self, missing):
        self.missing = missing
        super().__init__(
            f"{len(missing)} demo strings have no Spanish in {DEMO_TRANSLATIONS.name}, "
            f"such as {missing[0]!r}"
        )


def read_demo_translations(path=DEMO_TRANSLATIONS):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def demo_objects(data):
    """What the demo translates, parents before children and snippets before guides."""
    locale = Locale.get_default()
    objects = list(BodySystem.objects.filter(locale=locale).order_by("pk"))
    objects += [
        site_settings.site_text
        for site_settings in SiteSettings.objects.select_related("site_text")
        if site_settings.site_text and site_settings.site_text.locale_id == locale.pk
    ]
    guides = {
        guide.slug: guide
        for guide in ConditionPage.objects.filter(locale=locale, slug__in=data["guides"])
    }
    if guides:
        first = next(iter(guides.values()))
        objects += [page.specific for page in first.get_ancestors().filter(depth__gt=1)]
    objects += [guides[slug] for slug in data["guides"] if slug in guides]
    return objects


def missing_strings(sources, strings):
    return sorted(
        {
            segment.string.data
            for segment in StringSegment.objects.filter(source__in=sources).select_related("string")
            if segment.string.data not in strings
        }
    )


def translate_demo_content(language_code="es", path=DEMO_TRANSLATIONS, publish=True):
    """Translate the demo content into ``language_code``; returns the translated objects."""
    data = read_demo_translations(path)
    strings = data["strings"]
    target, _created = Locale.objects.get_or_create(language_code=language_code)
    objects = demo_objects(data)
    sources = [TranslationSource.update_or_create_from_instance(obj)[0] for obj in objects]
    missing = missing_strings(sources, strings)
    if missing:
        raise MissingDemoTranslations(missing)

    translated = []
    for obj in objects:
        translation = translate_with_strings(obj, target, strings)
        if publish and isinstance(translation, Page):
            # Reviewed demo content: published here, as a reviewer would after approval.
            translation.get_latest_revision().publish()
        translated.append(translation)
    return translated


def translate_with_strings(obj, target, strings, user=None):
    """Translate ``obj`` into ``target`` with ``strings`` ({source text: translation}).

    The strings are stored as manual translations, then the object is submitted the way
    wagtail-localize's "Translate" action submits it: pages are saved as drafts, snippets
    as they are. Returns the translated object (specific, for pages).
    """
    source, _created = TranslationSource.update_or_create_from_instance(obj)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=target,
                context=segment.context,
                defaults={
                    "data": strings[segment.string.data],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
    TranslationCreator(user=user, target_locales=[target]).create_translations(
        obj, include_related_objects=False
    )
    translation = obj.get_translation(target)
    return translation.specific if isinstance(translation, Page) else translation
