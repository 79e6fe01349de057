import re
import string
import unicodedata
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import slug_unicode_re
from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.functions import Lower
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField

from editing.block_definitions import cache_block_definitions
from reach.organisation import organisation_id
from review.panels import ReviewerCommentPanel
from translations.fields import OnePerLineTextField, one_per_line

from .anchors import reserved_anchors
from .blocks import ConditionBodyBlock, SectionBlock
from .evidence import EvidenceLevel
from .identifiers import doi_url, pubmed_url
from .visibility import only_public, public

GUIDES_PER_INDEX_PAGE = 100
# /<language>/conditions/feed/: a guide cannot take this slug.
FEED_SLUG = "feed"
REFERENCE_ANCHOR = re.compile(r"ref-\d+")
RELATED_GUIDES_SHOWN = 4


def route_to_child(parent, model, request, path_components, related=()):
    """``Page.route`` with the child looked up as ``model`` in one query.

    Wagtail's own ``route`` takes two queries per level (the page, then its specific
    model). A parent whose children are all of one type asks for that type directly;
    anything else (a missing slug, an unexpected type) goes through Wagtail's.
    """
    if path_components:
        child = (
            model.objects.child_of(parent)
            .select_related("locale", *related)
            .filter(slug=path_components[0])
            .first()
        )
        if child is not None:
            # What Wagtail's route does too: the child's get_parent() needs no query.
            child._cached_parent_obj = parent
            return child.route(request, path_components[1:])
    return Page.route(parent, request, path_components)


class BodySystem(TranslatableMixin, models.Model):
    """A part of the body a condition affects, used to browse and filter guides."""

    name = models.CharField(
        max_length=100, help_text=_("As readers would say it, such as 'Brain and nerves'.")
    )
    slug = models.SlugField(
        max_length=100,
        allow_unicode=True,
        help_text=_("The short name used in web addresses. Lower case, with hyphens."),
    )
    description = models.TextField(
        blank=True, help_text=_("Optional. One sentence shown when browsing by body system.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("body system")
        verbose_name_plural = _("body systems")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_body_system_slug"),
        ]

    def __str__(self):
        return self.name


class ConditionIndexPage(Page):
    """The A–Z of condition guides, one per language."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Optional. A sentence or two above the A–Z list."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["conditions.ConditionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("condition index")

    def route(self, request, path_components):
        if path_components == [FEED_SLUG] and self.live:
            # The Atom feed of this language's guides (reach/feeds.py).
            return RouteResult(self, kwargs={"feed": True})
        return route_to_child(self, ConditionPage, request, path_components, related=["hero_image"])

    def serve(self, request, *args, feed=False, **kwargs):
        if feed:
            from reach.feeds import GuidesFeed

            return GuidesFeed()(request, index=self)
        return super().serve(request, *args, **kwargs)

    def guides(self):
        return public(
            ConditionPage.objects.child_of(self).live().filter(locale_id=self.locale_id)
        ).order_by(Lower("title"))

    def body_systems(self):
        return BodySystem.objects.filter(locale_id=self.locale_id).order_by("name")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guides = self.guides()
        system = None
        slug = request.GET.get("system", "")
        if slug:
            # Only something shaped like a slug reaches the database: PostgreSQL
            # refuses a NUL byte with an error instead of finding nothing.
            if slug_unicode_re.match(slug):
                system = self.body_systems().filter(slug=slug).first()
            if system is None:
                context["unknown_system"] = slug
            else:
                guides = guides.filter(body_systems__translation_key=system.translation_key)

        # One query for every title (the letter links need them all), then one for the
        # guides on this page: the paginator counts the list instead of asking again.
        listed = list(guides.values_list("pk", "title"))
        titles = [title for _pk, title in listed]
        paginator = Paginator(listed, GUIDES_PER_INDEX_PAGE)
        page_number = request.GET.get("page", 1)
        try:
            page_obj = paginator.page(page_number)
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)

        shown = guides.filter(pk__in=[pk for pk, _title in page_obj.object_list])
        context.update(
            system=system,
            body_systems=self.body_systems(),
            page_obj=page_obj,
            paginator=paginator,
            letter_groups=group_by_letter(shown.defer_streamfields()),
            alphabet=alphabet_links(titles, GUIDES_PER_INDEX_PAGE),
            guide_count=len(titles),
        )
        return context


def initial_letter(title):
    """The A–Z letter a title files under: accents dropped, digits and symbols under '#'."""
    first = unicodedata.normalize("NFKD", title.strip()[:1]).encode("ascii", "ignore").decode()
    first = first.upper()
    # A character with no ASCII form (“, Ø) leaves "", which `in` would accept.
    return first if len(first) == 1 and first in string.ascii_uppercase else "#"


LETTERS = [*string.ascii_uppercase, "#"]


def group_by_letter(guides):
    groups = {}
    for guide in guides:
        groups.setdefault(initial_letter(guide.title), []).append(guide)
    # The database sorts digits first and accented capitals after "z"; the page
    # follows the A–Z links instead.
    return sorted(groups.items(), key=lambda item: LETTERS.index(item[0]))


def alphabet_links(titles, per_page):
    """Each letter with the results page its first guide is on (None when no guide has it)."""
    pages = {}
    for position, title in enumerate(titles):
        pages.setdefault(initial_letter(title), position // per_page + 1)
    return [(letter, pages.get(letter)) for letter in LETTERS]


NEXT_REVIEW_DUE_REQUIRED = _(
    "Set the date the guide must be reviewed again before sending it for medical review."
)


class ConditionPageForm(WagtailAdminPageForm):
    """The guide editor's form.

    Every check runs in this one pass: a draft may leave required things empty
    (Wagtail defers them), medical review and publishing may not. Each error is
    attached to its field or block.
    """

    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        if instance is not None and instance.pk is None and not instance.body:
            # A new guide opens with its one required section, empty, rather than with
            # an error saying it is missing.
            overview = ConditionPage.body.field.stream_block.child_blocks["overview"]
            instance.body = [("overview", overview.get_default())]
        super().__init__(*args, **kwargs)
        cache_block_definitions(self)
        locale = self.instance.locale_id or (
            self.parent_page.locale_id if self.parent_page else None
        )
        if "body_systems" in self.fields and locale:
            self.fields["body_systems"].queryset = BodySystem.objects.filter(locale_id=locale)
        if "next_review_due" in self.fields:
            # Deferred when saving a draft (its panel is not required on save).
            field = self.fields["next_review_due"]
            field.required = True
            field.error_messages["required"] = NEXT_REVIEW_DUE_REQUIRED

    def clean(self):
        cleaned_data = super().clean()
        # Read-only here: only medical review sets it (review.models.MedicalReviewTask).
        last_reviewed = self.instance.last_reviewed
        next_review_due = cleaned_data.get("next_review_due")
        if last_reviewed and next_review_due and next_review_due <= last_reviewed:
            self.add_error("next_review_due", _("The next review must be after the last review."))
        if cleaned_data.get("hero_image") and not cleaned_data.get("hero_image_alt"):
            self.add_error("hero_image_alt", _("Describe the image for people who cannot see it."))
        return cleaned_data


@dataclass
class Section:
    """One block of a guide's body, as the page template renders it."""

    block: object
    heading: str = ""
    anchor: str = ""
    first_reference: int = 1
    references: list = field(default_factory=list)


class ConditionPage(Page):
    """A guide to one condition, built from structured sections."""

    summary = models.TextField(
        max_length=300,
        help_text=_(
            "One or two plain sentences, at most 300 characters. Shown in lists, search "
            "results and to search engines."
        ),
    )
    also_known_as = OnePerLineTextField(
        blank=True,
        help_text=_(
            "Other names people use, one per line: abbreviations (MS), older or everyday "
            "names. Shown under the title and found by search."
        ),
    )
    body_systems = ParentalManyToManyField(
        BodySystem,
        blank=True,
        related_name="guides",
        help_text=_("The parts of the body it affects. Readers browse guides by these."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. A calm, relevant image shown under the title."),
    )
    hero_image_alt = models.CharField(
        max_length=250,
        blank=True,
        verbose_name=_("hero image description"),
        help_text=_("What the image shows, for people who cannot see it. Needed with an image."),
    )
    body = StreamField(
        ConditionBodyBlock(),
        help_text=_("Start with the Overview, then add the sections this condition needs."),
    )
    reviewed_by = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The clinician who last reviewed this guide, with their role."),
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text=_("The date a clinician last reviewed the guide.")
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text=_("When the guide must be reviewed again: at most three years away."),
    )
    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_("Readers may comment on this guide. Untick to close its comments."),
    )

    content_panels = [
        ReviewerCommentPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("also_known_as"),
        FieldPanel("body_systems", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
            heading=_("Image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                # Set by the reviewer's approval, never typed in (review/models.py).
                FieldRowPanel(
                    [
                        FieldPanel("reviewed_by", read_only=True),
                        FieldPanel("last_reviewed", read_only=True),
                    ]
                ),
                FieldPanel("next_review_due"),
            ],
            heading=_("Medical review"),
        ),
        InlinePanel(
            "related_guides",
            label=_("Related guides"),
            help_text=_("Optional. Otherwise guides about the same body system are shown."),
        ),
    ]

    settings_panels = Page.settings_panels + [FieldPanel("comments_open")]

    # Title and other names weigh more than the summary, which weighs more than the body.
    # (Site search also re-ranks in Python the same way on every backend: search/query.py.)
    search_fields = Page.search_fields + [
        index.SearchField("title", boost=5),
        index.SearchField("also_known_as", boost=4),
        index.AutocompleteField("also_known_as"),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("locale"),
        index.RelatedFields("body_systems", [index.SearchField("name")]),
    ]

    # wagtail-localize leaves many-to-many fields out unless told; a translation has the
    # same body systems as its source, in its own language (see save()).
    # The review credit is the reviewer's words, not the editor's: copied, not translated.
    override_translatable_fields = [
        SynchronizedField("body_systems"),
        SynchronizedField("reviewed_by"),
    ]

    base_form_class = ConditionPageForm

    # The content API (reach/api.py): what other services read of a published guide.
    api_fields = [
        APIField("summary"),
        APIField("alternative_names"),
        APIField(
            "body_systems",
            serializer=serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True),
        ),
        APIField("body"),
        APIField("reviewed_by"),
        APIField("last_reviewed"),
        APIField("next_review_due"),
        APIField("evidence_level"),
        APIField("hero_image"),
        APIField("hero_image_alt"),
        APIField(
            "hero_image_share",
            serializer=ImageRenditionField("fill-1200x630|format-jpeg", source="hero_image"),
        ),
    ]
    parent_page_types = ["conditions.ConditionIndexPage"]
    subpage_types = []

    # The editor's live preview can also show the guide as a search result and as the
    # card social media build from its Open Graph tags.
    preview_modes = [
        ("", _("Full page")),
        ("search_result", _("Search result")),
        ("social_card", _("Social card")),
    ]
    preview_templates = {
        "search_result": "conditions/previews/search_result.html",
        "social_card": "conditions/previews/social_card.html",
    }

    class Meta:
        verbose_name = _("condition guide")

    def get_preview_template(self, request, mode_name):
        return self.preview_templates.get(mode_name) or super().get_preview_template(
            request, mode_name
        )

    @property
    def alternative_names(self):
        return one_per_line(self.also_known_as)

    @cached_property
    def sections(self):
        """The body's blocks with headings, unique anchors and reference numbers."""
        sections = []
        # Ids the page's templates already use: a section called "References" must not take them.
        anchors = set(reserved_anchors())
        next_reference = 1
        for block in self.body:
            section = Section(block=block, first_reference=next_reference)
            if isinstance(block.block, SectionBlock):
                section.heading = block.block.heading_for(block.value)
                anchor = str(slugify(section.heading)) or block.block_type
                candidate, n = anchor, 2
                while candidate in anchors or REFERENCE_ANCHOR.fullmatch(candidate):
                    candidate, n = f"{anchor}-{n}", n + 1
                section.anchor = candidate
                anchors.add(candidate)
            if block.block_type == "cannabis_evidence":
                section.references = list(block.value["studies"])
                next_reference += len(section.references)
            sections.append(section)
        return sections

    @property
    def contents(self):
        return [section for section in self.sections if section.anchor]

    @property
    def references(self):
        studies = [study for section in self.sections for study in section.references]
        return list(enumerate(studies, start=1))

    @property
    def evidence_level(self):
        """The strongest overall evidence level any cannabis evidence section states."""
        return EvidenceLevel.strongest(
            block.value.get("evidence_level")
            for block in self.body
            if block.block_type == "cannabis_evidence"
        )

    def structured_data(self):
        """schema.org ``MedicalWebPage`` about a ``MedicalCondition``, citing each study."""
        condition = {"@type": "MedicalCondition", "name": self.title}
        if self.alternative_names:
            condition["alternateName"] = self.alternative_names
        data = {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": self.title,
            "inLanguage": self.locale.language_code,
            "about": condition,
        }
        if self.summary:
            data["description"] = self.summary
        if self.full_url:
            data["url"] = self.full_url
        url_parts = self.get_url_parts()
        if url_parts:
            # The organisation the home page describes (reach/organisation.py).
            data["publisher"] = {"@id": organisation_id(url_parts[1])}
        if self.last_reviewed:
            data["lastReviewed"] = self.last_reviewed.isoformat()
        if self.reviewed_by:
            data["reviewedBy"] = {"@type": "Person", "name": self.reviewed_by}
        citations = [study_citation(study) for _number, study in self.references]
        if citations:
            data["citation"] = citations
        return data

    def get_related_guides(self):
        picked = [
            link.guide
            for link in self.related_guides.select_related("guide")
            if link.guide and link.guide.live
        ]
        if picked:
            # A guide picked in another language shows as its live translation when there
            # is one (as ``localized`` would, but for all of them in one query).
            keys = [guide.translation_key for guide in picked if guide.locale_id != self.locale_id]
            translated = {}
            if keys:
                translated = {
                    guide.translation_key: guide
                    for guide in ConditionPage.objects.live()
                    .filter(locale_id=self.locale_id, translation_key__in=keys)
                    .defer_streamfields()
                }
            # Only guides every visitor may read: no restricted pages.
            picked = only_public([translated.get(guide.translation_key, guide) for guide in picked])
        if picked:
            return picked
        return list(
            public(
                ConditionPage.objects.live().filter(
                    locale_id=self.locale_id,
                    body_systems__translation_key__in=[
                        system.translation_key for system in self.body_systems.all()
                    ],
                )
            )
            .exclude(pk=self.pk)
            .distinct()
            .order_by(Lower("title"))
            .defer_streamfields()[:RELATED_GUIDES_SHOWN]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The published guide looks the same to every visitor until it is published again,
        # so the template keeps it by its live revision; a preview or a shared draft is
        # the editor's own and always rendered.
        context["cache_guide"] = bool(
            self.live and self.live_revision_id and not getattr(request, "is_preview", False)
        )
        # Read only when the template renders them, which a kept guide does not.
        context["related_guides"] = SimpleLazyObject(self._related_guides_with_systems)
        return context

    def _related_guides_with_systems(self):
        self.shown_body_systems  # noqa: B018 (read once, shared with the template's tags)
        return self.get_related_guides()

    @cached_property
    def shown_body_systems(self):
        """The guide's body systems, read once for the template's tags and the related guides."""
        if self.pk and not hasattr(self, "_cluster_related_objects"):
            prefetch_related_objects([self], "body_systems")
        return self.body_systems.all()

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body_systems" in update_fields:
            self.use_own_locale_body_systems()
        return super().save(*args, **kwargs)

    def use_own_locale_body_systems(self):
        """Swap body systems in another language for their translation in this guide's.

        wagtail-localize copies the source guide's body systems into a translation when
        it creates or syncs it; this points the Spanish guide at the Spanish body systems,
        keeping any that have no Spanish version yet.
        """
        systems = list(self.body_systems.all())
        other_keys = [s.translation_key for s in systems if s.locale_id != self.locale_id]
        if not other_keys:
            return
        own = {
            system.translation_key: system
            for system in BodySystem.objects.filter(
                locale_id=self.locale_id, translation_key__in=other_keys
            )
        }
        self.body_systems = [own.get(system.translation_key, system) for system in systems]

    def clean(self):
        super().clean()
        if (
            self.next_review_due
            and self.last_reviewed
            and self.next_review_due <= self.last_reviewed
        ):
            raise ValidationError(
                {"next_review_due": _("The next review must be after the last review.")}
            )


def study_citation(study):
    """A study as a schema.org article; what a draft has not filled in yet is left out."""
    citation = {"@type": "MedicalScholarlyArticle"}
    if study.get("title"):
        citation["headline"] = study["title"]
    if study.get("year"):
        citation["datePublished"] = str(study["year"])
    if study.get("journal"):
        citation["isPartOf"] = {"@type": "Periodical", "name": study["journal"]}
    identifiers = []
    if study.get("pmid"):
        identifiers.append({"@type": "PropertyValue", "propertyID": "PMID", "value": study["pmid"]})
        citation["url"] = pubmed_url(study["pmid"])
    if study.get("doi"):
        identifiers.append({"@type": "PropertyValue", "propertyID": "DOI", "value": study["doi"]})
        citation["sameAs"] = doi_url(study["doi"])
    if study.get("url") and "url" not in citation:
        citation["url"] = study["url"]
    if identifiers:
        citation["identifier"] = identifiers
    return citation


class RelatedGuide(Orderable):
    page = ParentalKey(ConditionPage, on_delete=models.CASCADE, related_name="related_guides")
    guide = models.ForeignKey(
        ConditionPage,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A guide readers of this one may also need."),
    )

    panels = [FieldPanel("guide")]

    def clean(self):
        super().clean()
        if self.guide_id and self.page_id and self.guide_id == self.page_id:
            raise ValidationError({"guide": _("A guide cannot be related to itself.")})
