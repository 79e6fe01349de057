"""Writing checked guides as revisions, in one transaction.

``import_guides`` needs the conditions index of each language to add new guides to; the
caller passes ``index_for(locale)`` in (the import command takes it from the site's page
tree), so this app does not reach into the app that owns that tree.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import PageLogEntry

from ..models import BodySystem, ConditionPage
from .checking import derive_slug
from .fields import GUIDE_FIELDS
from .problems import InvalidGuideFile, Problem

# The log action of every revision an import saves, so a later import can tell an
# editor's unsaved-to-live work from its own drafts (see conditions/wagtail_hooks.py).
IMPORT_LOG_ACTION = "conditions.import"
MODEL_FIELD_NAMES = {"body": "sections", "__all__": None}


@dataclass
class ImportResult:
    publish: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Problems naming each guide left alone because an editor has unpublished changes.
    skipped: list = field(default_factory=list)

    def __str__(self):
        total = self.created + self.updated + self.unchanged
        state = "published" if self.publish else "saved as drafts; use --publish to publish"
        text = (
            f"Imported {total} guide{'' if total == 1 else 's'}: {self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged ({state})."
        )
        if self.skipped:
            count = len(self.skipped)
            text += (
                f" Skipped {count} guide{'' if count == 1 else 's'} with unpublished changes; "
                "use --force to replace them."
            )
        return text


def import_guides(guides, *, index_for, publish=False, force=False, strict=False, user=None):
    """Write checked guides in one transaction; nothing is written if any guide fails.

    ``index_for(locale)`` gives the page new guides in that language are added under.
    A guide an editor has changed since it was last published or imported is left as it
    is, and named in ``result.skipped``, unless ``force``; with ``strict`` such a guide is
    an error and nothing is written. ``user`` is recorded on every revision saved.
    """
    result = ImportResult(publish=publish)
    writer = _GuideWriter(index_for, publish, force=force, user=user)
    problems = []
    linking = []
    with transaction.atomic():
        for guide in guides:
            try:
                with transaction.atomic():
                    outcome = writer.write(guide)
            except ValidationError as error:
                problems.extend(_model_problems(error, ("guides", guide.position)))
                # The savepoint took back whatever this guide created.
                writer.forget()
            except UnpublishedChanges as skipped:
                result.skipped.append(skipped.problem(guide))
            else:
                setattr(result, outcome, getattr(result, outcome) + 1)
                if guide.complete_body:
                    linking.append(guide)
        # Links to guides this file created: now that they exist, save the whole body.
        for guide in linking:
            guide.values["body"] = guide.complete_body()
            try:
                writer.write(guide)
            except ValidationError as error:
                problems.extend(_model_problems(error, ("guides", guide.position)))
        if strict:
            problems.extend(result.skipped)
        if problems:
            raise InvalidGuideFile(problems)
    return result


class UnpublishedChanges(Exception):
    """An editor's draft sits on top of the guide; an import without --force keeps it."""

    def __init__(self, revision):
        self.revision = revision
        super().__init__()

    def problem(self, guide):
        user = self.revision.user
        who = (user.get_full_name() or user.get_username()) if user else "someone"
        return Problem(
            ("guides", guide.position),
            f"{guide.locale.language_code}/{guide.slug} has unpublished changes "
            f"(saved by {who} on {self.revision.created_at:%Y-%m-%d %H:%M}); not imported, "
            "so they are kept. Use --force to replace them with the file's version",
        )


def _model_problems(error, path):
    if not hasattr(error, "error_dict"):
        return [Problem(path, message) for message in error.messages]
    return [
        Problem(path if name is None else (*path, name), message)
        for field, messages in error.message_dict.items()
        for name in [MODEL_FIELD_NAMES.get(field, field)]
        for message in messages
    ]


class _GuideWriter:
    def __init__(self, index_for, publish, force=False, user=None):
        self.find_index = index_for
        self.publish = publish
        self.force = force
        self.user = user
        self.forget()

    def forget(self):
        self.indexes = {}
        self.systems = {}

    def index_for(self, locale):
        if locale.pk not in self.indexes:
            self.indexes[locale.pk] = self.find_index(locale)
        return self.indexes[locale.pk]

    def systems_for(self, locale, names):
        if locale.pk not in self.systems:
            self.systems[locale.pk] = {}
            for system in BodySystem.objects.filter(locale=locale).order_by("pk"):
                self.systems[locale.pk].setdefault(system.name.strip().casefold(), system)
        known = self.systems[locale.pk]
        for name in names:
            if name.casefold() not in known:
                known[name.casefold()] = BodySystem.objects.create(
                    locale=locale, name=name, slug=derive_slug(name)
                )
        return [known[name.casefold()] for name in names]

    def write(self, guide):
        index = self.index_for(guide.locale)
        values = {
            **guide.values,
            "body_systems": self.systems_for(guide.locale, guide.values["body_systems"]),
        }
        page = (
            ConditionPage.objects.child_of(index)
            .filter(locale=guide.locale, slug=guide.slug)
            .first()
        )
        if page is None:
            page = ConditionPage(live=False)
            _apply(page, values)
            page.owner = self.user
            index.add_child(instance=page)
            self.save(page)
            return "created"
        if page.alias_of_id:
            raise ValidationError(
                {"slug": "this guide is an alias of another page; import into that page"}
            )
        editors_draft = self.editors_draft(page)
        draft = page.get_latest_revision_as_object()
        before = _content(draft)
        _apply(draft, values)
        if _content(draft) != before:
            if editors_draft:
                # The file may be what the draft was made from (an export writes the
                # live version): then it brings nothing new, and the draft stays.
                if page.live and _content(_applied(page, values)) == _content(page):
                    return "unchanged"
                raise UnpublishedChanges(editors_draft)
            self.save(draft)
            return "updated"
        if self.publish and (page.has_unpublished_changes or not page.live):
            if editors_draft:
                raise UnpublishedChanges(editors_draft)
            revision = page.latest_revision if page.has_unpublished_changes else None
            (revision or draft.save_revision(user=self.user, log_action=IMPORT_LOG_ACTION)).publish(
                user=self.user
            )
            return "updated"
        return "unchanged"

    def editors_draft(self, page):
        """The latest revision, when someone saved it in the admin after the guide was
        last published (or imported) and ``--force`` was not given; otherwise None."""
        if self.force or not page.has_unpublished_changes or page.latest_revision is None:
            return None
        imported = PageLogEntry.objects.filter(
            page=page, revision=page.latest_revision, action=IMPORT_LOG_ACTION
        ).exists()
        return None if imported else page.latest_revision

    def save(self, page):
        revision = page.save_revision(user=self.user, log_action=IMPORT_LOG_ACTION)
        if self.publish:
            revision.publish(user=self.user)


def _apply(page, values):
    for guide_field in GUIDE_FIELDS:
        setattr(page, guide_field.attr, values[guide_field.attr])


def _applied(page, values):
    """A copy of the stored ``page`` with the file's guide applied, for comparing."""
    copy = ConditionPage.objects.get(pk=page.pk)
    _apply(copy, values)
    return copy


def _content(page):
    """What an import sets on a page, comparable between a stored page and a new one."""
    return tuple(guide_field.compared(page) for guide_field in GUIDE_FIELDS)
