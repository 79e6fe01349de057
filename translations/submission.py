"""A translated guide goes to medical review as translated, and is published as reviewed.

wagtail-localize keeps a translator's work in its segments and writes it into the page
only when asked (``Translation.save_target``). Submitting a translation therefore saves
the segments as a new revision first, and any change to the segments while the review
is running saves another, so the revision the reviewer previews and approves, and the
one the workflow publishes, is always the latest translated text.

Not ``save_target(publish=False)`` itself: besides the revision it saves the page row,
and the row is what the public site shows, so a live translation would show the
unreviewed text at once. Here only a revision is saved; the row changes on publishing.
"""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .labels import segment_label
from .machine_translator import marker

logger = logging.getLogger(__name__)


def translation_of(page):
    """The enabled wagtail-localize translation ``page`` is the target of, or ``None``."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


@dataclass
class Segment:
    label: str
    source: str
    translation: str = ""


@dataclass
class SegmentReport:
    """What still needs a translator before the reviewer sees the translation."""

    marker: str
    untranslated: list = field(default_factory=list)
    machine_translated: list = field(default_factory=list)
    marked: list = field(default_factory=list)


def segment_report(translation):
    """The translation's segments that are empty, machine-translated or still marked."""
    source_instance = translation.source.as_instance()
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )
    translated = {
        (string.translation_of_id, string.context_id): string
        for string in StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__object_id=translation.source.object_id,
            has_error=False,
        )
    }
    report = SegmentReport(marker=marker(translation.target_locale).strip())
    for segment in segments:
        item = Segment(segment_label(source_instance, segment.context.path), segment.string.data)
        string = translated.get((segment.string_id, segment.context_id))
        if string is None:
            report.untranslated.append(item)
            continue
        item.translation = string.data
        if report.marker in string.data:
            report.marked.append(item)
        elif string.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
            report.machine_translated.append(item)
    return report


def has_changes_to_review(page, translation):
    """Whether the page has a draft, or segments changed after its latest revision."""
    if page.has_unpublished_changes or not page.latest_revision_created_at:
        return True
    return StringTranslation.objects.filter(
        locale_id=page.locale_id,
        context__object_id=translation.source.object_id,
        updated_at__gt=page.latest_revision_created_at,
    ).exists()


def save_translated_draft(translation, user=None):
    """Save the translation's current segments as the target page's latest revision.

    Untranslated segments fall back to the source text, as wagtail-localize's preview
    shows them. Returns the new revision.
    """
    page = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    # As save_target does: a translated slug may collide with a sibling's.
    page.slug = find_available_slug(
        page.get_parent(), slugify(page.slug, allow_unicode=True), ignore_page_id=page.pk
    )
    if hasattr(page, "use_own_locale_body_systems"):
        page.use_own_locale_body_systems()
    return page.save_revision(user=user, log_action=True)


# Saving again while a review runs -------------------------------------------------------


def resave_when_in_review(object_id, locale_id, user=None, changed_at=None):
    """Once this transaction commits, save the translation again if its page is in review.

    ``object_id`` is the translation key of the source, ``changed_at`` when a segment
    changed. Machine translation saves many segments in one transaction: the first
    of them saves the revision, and the rest find a revision newer than their change.
    """

    def resave():
        pages = Page.objects.filter(translation_key=object_id, locale_id=locale_id)
        for page in (page for page in pages if page.workflow_in_progress):
            saved_at = page.latest_revision_created_at
            if changed_at and saved_at and saved_at >= changed_at:
                continue
            translation = translation_of(page)
            if translation is None:
                continue
            try:
                save_translated_draft(translation, user=user)
            except ValidationError:
                # The segment itself is saved; submitting again shows what is wrong.
                logger.warning("Could not save translation %s under review", translation.pk)

    transaction.on_commit(resave)
