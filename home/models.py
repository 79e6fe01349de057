from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.rich_text import get_text_for_indexing

from conditions.models import BodySystem, ConditionIndexPage, ConditionPage, route_to_child
from conditions.visibility import only_public, public

from .opening_hours import WEEKDAY_CHOICES, summarise_opening_hours

RECENT_GUIDES_SHOWN = 6


class HomePage(Page):
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short welcome under the site name: who the guides are for."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "featured_guides",
            label=_("Featured guides"),
            max_num=6,
            help_text=_("Up to six guides to show first on the home page."),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["conditions.ConditionIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        return route_to_child(self, ConditionIndexPage, request, path_components)

    def meta_description(self):
        """What search engines show under the link: the search description, else the intro."""
        return self.search_description or get_text_for_indexing(self.intro)

    def live_guides(self):
        return public(ConditionPage.objects.live().filter(locale_id=self.locale_id))

    def get_featured_guides(self):
        """The picked guides in this page's language, translated ones in one query.

        A translated home page keeps its source's featured guides: show the translations
        that are live, and leave out guides not yet in this language.
        """
        # The editor's order; pk breaks ties between links made in code without one, which
        # PostgreSQL would otherwise return in any order (another one after a restore).
        links = self.featured_guides.select_related("guide").order_by("sort_order", "pk")
        picked = [link.guide for link in links]
        keys = [guide.translation_key for guide in picked if guide.locale_id != self.locale_id]
        translated = {}
        if keys:
            translated = {
                guide.translation_key: guide
                for guide in ConditionPage.objects.filter(
                    locale_id=self.locale_id, translation_key__in=keys
                ).defer_streamfields()
            }
        featured = []
        for guide in picked:
            if guide.locale_id != self.locale_id:
                guide = translated.get(guide.translation_key)
            if guide and guide.live:
                featured.append(guide)
        # Only guides every visitor may read: no restricted pages.
        return only_public(featured)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            featured_guides=self.get_featured_guides(),
            recent_guides=self.live_guides()
            .defer_streamfields()
            .order_by("-last_published_at")[:RECENT_GUIDES_SHOWN],
            body_systems=BodySystem.objects.filter(locale_id=self.locale_id)
            .annotate(
                guide_count=models.Count(
                    "guides",
                    filter=models.Q(guides__in=self.live_guides()),
                )
            )
            .filter(guide_count__gt=0)
            .order_by(Lower("name")),
            conditions_index=ConditionIndexPage.objects.child_of(self).live().first(),
        )
        return context


class FeaturedGuide(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_guides")
    guide = models.ForeignKey(
        ConditionPage,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A guide to feature on the home page."),
    )

    panels = [FieldPanel("guide")]


class OrganisationType(models.TextChoices):
    """schema.org types for the organisation, in search engines' structured data."""

    LOCAL_BUSINESS = "LocalBusiness", _("Local business")
    MEDICAL_BUSINESS = "MedicalBusiness", _("Medical business")
    STORE = "Store", _("Store")


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """The organisation's details, shown in every page's header and footer."""

    organisation_name = models.CharField(
        max_length=200, help_text=_("Shown in the header of every page.")
    )
    organisation_type = models.CharField(
        max_length=40,
        choices=OrganisationType.choices,
        default=OrganisationType.LOCAL_BUSINESS,
        help_text=_(
            "What search engines are told the organisation is: a medical business "
            "(a clinic or practice), a store (a shop or dispensary), or a local business "
            "when neither fits."
        ),
    )
    street_address = models.CharField(
        max_length=200, blank=True, help_text=_("Street and number, such as '12 High Street'.")
    )
    locality = models.CharField(max_length=100, blank=True, help_text=_("Town or city."))
    region = models.CharField(max_length=100, blank=True, help_text=_("State or county."))
    postal_code = models.CharField(max_length=20, blank=True, help_text=_("Postcode or ZIP."))
    country = models.CharField(
        max_length=2, blank=True, help_text=_("Two-letter country code, such as US or GB.")
    )
    phone = models.CharField(
        max_length=40, blank=True, help_text=_("As it should be dialled, such as +1 555 010 0199.")
    )
    email = models.EmailField(blank=True, help_text=_("Optional public contact address."))
    site_text = models.ForeignKey(
        "home.SiteText",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("texts for readers"),
        help_text=_(
            "The medical disclaimer, written in each language. Edit and translate it "
            "under Snippets, Site texts."
        ),
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page is shared on social media or in a chat, for pages without "
            "an image of their own. Landscape, at least 1200 by 630 pixels."
        ),
    )
    flagged_claim_words = models.TextField(
        blank=True,
        default="cure\ncures\ncured\nmiracle\nguaranteed\nno side effects\nrisk-free\n"
        "100% safe\nFDA approved",
        help_text=_(
            "Words and phrases health regulators flag, one per line. Editors are warned "
            "when a guide uses them."
        ),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("organisation_type"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("locality"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            ],
            heading=_("Address and contact"),
        ),
        InlinePanel("opening_hours", label=_("Opening hours")),
        FieldPanel("site_text"),
        InlinePanel("social_links", label=_("Social links")),
        FieldPanel("default_share_image"),
        FieldPanel("flagged_claim_words"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @cached_property
    def opening_hours_summary(self):
        return summarise_opening_hours(self.opening_hours.all())

    @cached_property
    def medical_disclaimer(self):
        """The disclaimer in the language being shown; the source text until translated."""
        if self.site_text is None:
            return str(DEFAULT_MEDICAL_DISCLAIMER)
        return self.site_text.localized.medical_disclaimer


DEFAULT_MEDICAL_DISCLAIMER = _(
    "<p>This guide is general information, not medical advice. Talk to your doctor "
    "before you start, stop or change any treatment.</p>"
)


class SiteText(TranslatableMixin, models.Model):
    """Texts readers see on every guide, in each language.

    Site settings are one per site, and wagtail-localize translates only translatable
    models, so the words in them live here: a translatable snippet the site settings
    point to, translated segment by segment like a guide.
    """

    medical_disclaimer = RichTextField(
        features=["bold", "italic", "link"],
        default=DEFAULT_MEDICAL_DISCLAIMER,
        help_text=_("Shown at the end of every condition guide."),
    )

    panels = [FieldPanel("medical_disclaimer")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site texts")
        verbose_name_plural = _("site texts")

    def __str__(self):
        return str(_("Site texts"))


class OpeningHours(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(
        choices=WEEKDAY_CHOICES, help_text=_("The day these hours apply to.")
    )
    opens = models.TimeField(help_text=_("Opening time, such as 11:00."))
    closes = models.TimeField(help_text=_("Closing time, such as 19:00."))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    name = models.CharField(max_length=50, help_text=_("The network's name, such as Instagram."))
    url = models.URLField(help_text=_("The full address of your profile."))

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("url")])]
