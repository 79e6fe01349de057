from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH

from .text import words


class SearchSynonym(TranslatableMixin, models.Model):
    """A word visitors use and the other words that should find the same guides."""

    term = models.CharField(
        max_length=100,
        help_text=_("The word or short phrase visitors search for, such as 'cannabis'."),
    )
    synonyms = models.TextField(
        help_text=_(
            "Other words that mean the same here, separated by commas, such as "
            "'weed, marijuana'. A search for any of them finds guides that use any other."
        ),
    )

    panels = [FieldPanel("term"), FieldPanel("synonyms")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["term"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return self.term

    @property
    def ring(self):
        """The term and its synonyms, each as a tuple of folded words, without repeats."""
        phrases = [self.term, *self.synonyms.replace("\n", ",").split(",")]
        ring = []
        for phrase in phrases:
            folded = tuple(words(phrase))
            if folded and folded not in ring:
                ring.append(folded)
        return ring


class UnansweredSearch(models.Model):
    """A query that found no guide on a given day, counted so editors can fill the gap.

    Wagtail's ``Query`` and ``QueryDailyHits`` count every search; they cannot tell
    which searches came back empty.
    """

    query_string = models.CharField(max_length=MAX_QUERY_STRING_LENGTH)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "locale", "date"], name="unique_unanswered_search_day"
            ),
        ]

    def __str__(self):
        return self.query_string
