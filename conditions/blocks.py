"""The sections an editor builds a condition guide from.

Each condition section renders as an ``<h2>`` with an anchor; the page builds its
contents list and numbered reference list from them (see ``ConditionPage.sections``).
"""

import datetime

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.images.blocks import ImageBlock

from .evidence import EvidenceLevel, StudyDesign, Urgency, known_choice
from .identifiers import doi_url, pubmed_url
from .visibility import only_public

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]
# The earliest year a study may give; docs/import-format.schema.json states the same
# minimum, and tests/conditions/test_import_round_trip.py fails if the two differ.
EARLIEST_STUDY_YEAR = 1900
# "Exactly one Overview, first": the one section every guide starts with.
FIRST_SECTION = "overview"
SECTION_TEXT_FEATURES = ["h3", *TEXT_FEATURES]


class SectionBlock(blocks.StructBlock):
    """A titled section of a guide. The heading defaults to the section's usual name."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Leave blank to use the usual heading for this section."),
    )

    class Meta:
        default_heading = ""
        form_classname = "struct-block condition-section"

    def heading_for(self, value):
        return value.get("heading") or self.meta.default_heading

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = self.heading_for(value)
        return context


class TextSectionBlock(SectionBlock):
    content = blocks.RichTextBlock(
        features=SECTION_TEXT_FEATURES,
        help_text=_("Plain language, short paragraphs. Use lists for symptoms and steps."),
    )

    class Meta:
        template = "blocks/text_section_block.html"


class OverviewBlock(TextSectionBlock):
    class Meta:
        label = _("Overview")
        icon = "doc-full"
        default_heading = _("Overview")
        description = _("What the condition is, in two or three short paragraphs.")
        preview_value = {
            "heading": "",
            "content": "<p>Dystonia is a movement disorder that makes muscles tighten on "
            "their own, causing twisting movements or unusual postures.</p>",
        }


class SymptomsBlock(TextSectionBlock):
    class Meta:
        label = _("Symptoms and types")
        icon = "list-ul"
        default_heading = _("Symptoms and types")
        description = _("What people notice, and the main types of the condition.")
        preview_value = {
            "heading": "",
            "content": "<ul><li>Muscle cramps</li><li>A dragging foot</li></ul>",
        }


class CausesBlock(TextSectionBlock):
    class Meta:
        label = _("Causes")
        icon = "help"
        default_heading = _("Causes")
        description = _("What is known, and not known, about why it happens.")
        preview_value = {"heading": "", "content": "<p>The cause is often unknown.</p>"}


class TreatmentsBlock(TextSectionBlock):
    class Meta:
        label = _("Treatments")
        icon = "plus"
        default_heading = _("Treatments")
        description = _("The usual treatments a doctor may offer.")
        preview_value = {
            "heading": "",
            "content": "<p>Treatment may include medicines and physiotherapy.</p>",
        }


class ComplicationsBlock(TextSectionBlock):
    class Meta:
        label = _("Complications")
        icon = "warning"
        default_heading = _("Complications")
        description = _("Problems the condition can lead to.")
        preview_value = {"heading": "", "content": "<p>Long-term pain is possible.</p>"}


def _validate_year(value):
    if value > datetime.date.today().year:
        raise ValidationError(_("The year cannot be in the future."))


STUDY_PREVIEW = {
    "title": "Botulinum toxin and cannabis in cervical dystonia",
    "journal": "Example Journal of Movement Disorders",
    "year": 2020,
    "design": StudyDesign.CASE_SERIES,
    "participants": 12,
    "finding": "Some people reported less pain; there was no comparison group.",
    "evidence_level": EvidenceLevel.INSUFFICIENT,
}


class StudyValue(blocks.StructValue):
    @property
    def pubmed_url(self):
        return pubmed_url(self.get("pmid"))

    @property
    def doi_url(self):
        return doi_url(self.get("doi"))


class StudyBlock(blocks.StructBlock):
    """One published study, cited in the guide's numbered reference list."""

    title = blocks.CharBlock(max_length=300, help_text=_("The study's title as published."))
    journal = blocks.CharBlock(max_length=200, help_text=_("The journal that published it."))
    year = blocks.IntegerBlock(
        min_value=EARLIEST_STUDY_YEAR,
        validators=[_validate_year],
        help_text=_("The year it was published."),
    )
    design = blocks.ChoiceBlock(
        choices=StudyDesign.choices,
        help_text=_("What kind of study it was."),
    )
    participants = blocks.IntegerBlock(
        required=False,
        min_value=1,
        help_text=_("How many people took part. Leave blank for reviews and lab studies."),
    )
    finding = blocks.TextBlock(
        help_text=_("The key finding in one or two plain sentences, without overstating it."),
    )
    evidence_level = blocks.ChoiceBlock(
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.INSUFFICIENT,
        help_text=_("How strong this study's evidence is, on the National Academies' scale."),
    )
    pmid = blocks.RegexBlock(
        regex=r"^\d{1,9}$",
        required=False,
        error_messages={"invalid": _("A PubMed ID is a number, such as 28182367.")},
        label=_("PubMed ID (PMID)"),
        help_text=_("Optional. The PubMed link is built from it."),
    )
    doi = blocks.RegexBlock(
        regex=r"^10\.\d{4,9}/\S+$",
        required=False,
        error_messages={"invalid": _("A DOI starts with 10. and a slash, such as 10.17226/24625.")},
        label=_("DOI"),
        help_text=_("Optional. Without https://doi.org/ in front."),
    )
    url = blocks.URLBlock(
        required=False,
        label=_("Web address"),
        help_text=_("Optional. Only when the study has neither a PMID nor a DOI."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Study")
        template = "blocks/study_block.html"
        value_class = StudyValue
        preview_value = STUDY_PREVIEW

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # A draft may not have a design or level yet: the template leaves them out.
        context["design"] = known_choice(StudyDesign, value.get("design"))
        context["level"] = known_choice(EvidenceLevel, value.get("evidence_level"))
        return context


class CannabisEvidenceBlock(SectionBlock):
    summary = blocks.RichTextBlock(
        features=TEXT_FEATURES,
        help_text=_(
            "What the research says, in plain words. Say so plainly when the evidence is weak."
        ),
    )
    evidence_level = blocks.ChoiceBlock(
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.INSUFFICIENT,
        help_text=_("The overall strength of evidence for cannabis in this condition."),
    )
    legal_status = blocks.TextBlock(
        required=False,
        help_text=_(
            "Optional. Legal facts, such as being a qualifying condition in some US states. "
            "Shown apart from the evidence: a legal status is not evidence that it works."
        ),
    )
    studies = blocks.ListBlock(
        StudyBlock(),
        default=[],
        help_text=_("Each study is listed in the guide's numbered references."),
    )

    class Meta:
        label = _("Cannabis evidence")
        icon = "clipboard-list"
        default_heading = _("What research says about cannabis")
        description = _("The evidence for cannabis, with the studies behind it.")
        template = "blocks/cannabis_evidence_block.html"
        preview_value = {
            "heading": "",
            "summary": "<p>There is not enough good research to know if cannabis helps.</p>",
            "evidence_level": EvidenceLevel.INSUFFICIENT,
            "studies": [STUDY_PREVIEW],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["level"] = known_choice(EvidenceLevel, value.get("evidence_level"))
        return context

    def clean(self, value):
        value = super().clean(value)
        # A draft may say "moderate" before its studies are typed in; medical review may not.
        if not self.is_deferred_validation:
            problem = self.missing_studies_problem(value)
            if problem:
                raise StructBlockValidationError(block_errors={"studies": ErrorList([problem])})
        return value

    @staticmethod
    def missing_studies_problem(value):
        """Evidence rated above "insufficient" must cite the studies behind it."""
        level = EvidenceLevel(value["evidence_level"])
        if level.rank > EvidenceLevel.INSUFFICIENT.rank and not value["studies"]:
            return _(
                "The evidence is rated '%(level)s': add the studies behind it, or choose "
                "'%(insufficient)s'."
            ) % {"level": level.label, "insufficient": EvidenceLevel.INSUFFICIENT.label}
        return None


class CareCardBlock(blocks.StructBlock):
    urgency = blocks.ChoiceBlock(
        choices=Urgency.choices,
        default=Urgency.NON_URGENT,
        help_text=_("How fast the reader should get help."),
    )
    text = blocks.RichTextBlock(
        features=TEXT_FEATURES,
        help_text=_("The signs that mean the reader should get this kind of help."),
    )

    class Meta:
        icon = "warning"
        label = _("Care card")


class WhenToSeeADoctorBlock(SectionBlock):
    care_cards = blocks.ListBlock(
        CareCardBlock(),
        min_num=1,
        help_text=_("One card for each level of urgency that applies."),
    )

    class Meta:
        label = _("When to see a doctor")
        icon = "warning"
        default_heading = _("When to see a doctor")
        description = _("Care cards telling readers when and how fast to get help.")
        template = "blocks/when_to_see_a_doctor_block.html"
        preview_value = {
            "heading": "",
            "care_cards": [
                {"urgency": Urgency.NON_URGENT, "text": "<p>Your symptoms last for weeks.</p>"},
                {"urgency": Urgency.EMERGENCY, "text": "<p>You cannot breathe or swallow.</p>"},
            ],
        }


class ResourceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, help_text=_("The organisation or page name."))
    url = blocks.URLBlock(help_text=_("The full web address, starting with https://."))
    description = blocks.TextBlock(
        required=False, help_text=_("Optional. One sentence on what readers will find there.")
    )

    class Meta:
        icon = "link-external"
        label = _("Link")


class ResourcesBlock(SectionBlock):
    links = blocks.ListBlock(
        ResourceLinkBlock(),
        default=[],
        help_text=_("Patient societies, charities and official health pages."),
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Page")),
        default=[],
        label=_("Pages on this site"),
        help_text=_("Optional. Other pages on this site that help."),
    )

    class Meta:
        label = _("Resources")
        icon = "link"
        default_heading = _("Support and resources")
        description = _("Links to patient societies and other help.")
        template = "blocks/resources_block.html"
        preview_value = {
            "heading": "",
            "links": [
                {
                    "title": "A patient society",
                    "url": "https://example.org/",
                    "description": "Support groups and a helpline.",
                }
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Each page in the reader's language when it has a live translation; only pages
        # every visitor may read (no drafts, no restricted pages).
        context["visible_pages"] = only_public(
            [page.localized for page in value.get("pages") or [] if page is not None]
        )
        return context

    def clean(self, value):
        value = super().clean(value)
        # A draft may be saved before its links are added (Wagtail defers required fields).
        if not value["links"] and not value["pages"] and not self.is_deferred_validation:
            raise StructBlockValidationError(
                block_errors={"links": ErrorList([_("Add at least one link or page.")])}
            )
        return value


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(help_text=_("Describe the image for people who cannot see it."))
    caption = blocks.CharBlock(required=False, max_length=250, help_text=_("Optional."))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(help_text=_("The words quoted."))
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text=_("Who said it. Optional.")
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        preview_value = {"quote": "Knowing what to ask my doctor helped.", "attribution": "A carer"}


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("warning", _("Warning"))],
        default="info",
        help_text=_("Warnings stand out more."),
    )
    text = blocks.RichTextBlock(features=TEXT_FEATURES, help_text=_("Keep it short."))

    class Meta:
        icon = "info-circle"
        label = _("Callout")
        template = "blocks/callout_block.html"
        preview_value = {"style": "info", "text": "<p>Do not stop a medicine suddenly.</p>"}


class RichTextParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/text_block.html"
        preview_value = "<p>Plain words help anxious readers.</p>"


class ConditionBodyBlock(blocks.StreamBlock):
    overview = OverviewBlock()
    symptoms = SymptomsBlock()
    causes = CausesBlock()
    treatments = TreatmentsBlock()
    cannabis_evidence = CannabisEvidenceBlock()
    complications = ComplicationsBlock()
    see_a_doctor = WhenToSeeADoctorBlock()
    resources = ResourcesBlock()
    text = RichTextParagraphBlock(features=SECTION_TEXT_FEATURES)
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()

    class Meta:
        # Exactly one Overview (the editor offers no second one), and first: see
        # ``section_order_problems``, which the importer asks too.
        block_counts = {FIRST_SECTION: {"min_num": 1, "max_num": 1}}

    def section_order_problems(self, block_types):
        """Where a list of section types breaks "exactly one Overview, first".

        Each problem is ``(rule, index)``: ``("missing", None)``, ``("not_first", index)``
        or ``("extra", index)`` for each Overview beyond the one allowed.
        """
        counts = self.meta.block_counts[FIRST_SECTION]
        found = [index for index, kind in enumerate(block_types) if kind == FIRST_SECTION]
        problems = []
        if len(found) < counts["min_num"]:
            problems.append(("missing", None))
        elif found[0] != 0:
            problems.append(("not_first", found[0]))
        problems += [("extra", index) for index in found[counts["max_num"] :]]
        return problems

    def clean(self, value):
        # Wagtail's block_counts report a missing or second Overview in their own words
        # (a missing one only once the guide goes to review); a draft with sections must
        # still start with the Overview.
        value = super().clean(value)
        order = self.section_order_problems([child.block_type for child in value])
        if value and {rule for rule, _index in order} & {"missing", "not_first"}:
            raise StreamBlockValidationError(
                non_block_errors=ErrorList([_("The Overview must be the first section.")])
            )
        return value
