"""Which translations are behind the text they were translated from.

wagtail-localize freezes the source of a translation in a ``TranslationSource`` when
it is first submitted, and again each time an editor syncs ("Sync translated pages");
``last_updated_at`` records when. A translation is out of date when its source changed
after that:

- a source page (or a snippet with drafts) was published again since the last sync;
- a snippet without drafts, such as a body system, no longer has the content that was
  frozen. Those keep no history, so the date it changed is not known.

After a sync the new strings wait for a translator; wagtail-localize's own
"Translations" report lists those ("Waiting for translations").
"""

import json
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Page, RevisionMixin
from wagtail_localize.models import Translation, get_edit_url


@dataclass
class OutOfDateTranslation:
    translation: Translation
    source_changed_at: datetime | None

    @property
    def source(self):
        return self.translation.source

    @property
    def title(self):
        return self.source.object_repr

    @property
    def target_locale(self):
        return self.translation.target_locale

    @property
    def last_synced_at(self):
        return self.source.last_updated_at

    @cached_property
    def edit_url(self):
        try:
            return get_edit_url(self.translation.get_target_instance())
        except ObjectDoesNotExist:  # deleted since it was translated
            return None

    @cached_property
    def sync_url(self):
        return reverse("wagtail_localize:update_translations", args=[self.source.pk])


def _frozen_content_differs(source, instance):
    if isinstance(instance, ClusterableModel):
        current = instance.to_json()
    else:
        current = json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
    return json.loads(current) != json.loads(source.content_json)


def snippet_changed_at(source, instance):
    """(changed, when) for a snippet source; ``when`` is None when it keeps no history."""
    if isinstance(instance, DraftStateMixin):
        when = instance.last_published_at
        return bool(when and when > source.last_updated_at), when
    if isinstance(instance, RevisionMixin) and instance.latest_revision_id:
        when = instance.latest_revision.created_at
        return when > source.last_updated_at, when
    return _frozen_content_differs(source, instance), None


def _translations():
    source_pages = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    return (
        Translation.objects.filter(enabled=True)
        .select_related("source", "source__locale", "target_locale")
        .annotate(
            source_page_id=Subquery(source_pages.values("pk")[:1]),
            source_published_at=Subquery(source_pages.values("last_published_at")[:1]),
        )
        .order_by("source__object_repr", "target_locale__language_code")
    )


def _row(translation, snippet_cache):
    source = translation.source
    if translation.source_page_id is not None:
        when = translation.source_published_at
        if when and when > source.last_updated_at:
            return OutOfDateTranslation(translation, when)
        return None
    if source.pk not in snippet_cache:
        try:
            snippet_cache[source.pk] = snippet_changed_at(source, source.get_source_instance())
        except ObjectDoesNotExist:
            snippet_cache[source.pk] = (False, None)
    changed, when = snippet_cache[source.pk]
    return OutOfDateTranslation(translation, when) if changed else None


def out_of_date_translations():
    """Every enabled translation whose source changed since it was last synced.

    Page sources are checked in the one query; each snippet source loads its object.
    """
    snippet_cache = {}
    rows = (_row(translation, snippet_cache) for translation in _translations())
    return [row for row in rows if row is not None]


def out_of_date_translation_for(instance):
    """The out-of-date translation that ``instance`` is the target of, or None."""
    translation = (
        _translations()
        .filter(source__object_id=instance.translation_key, target_locale_id=instance.locale_id)
        .first()
    )
    return _row(translation, {}) if translation else None
