"""Answers to "Was this page helpful?" under each guide, one language's guide at a time."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MISSING_MAX_LENGTH = 500
MISSING_SHOWN = 5  # The newest "What was missing" answers the report and the editor show.


class PageFeedback(models.Model):
    guide = models.ForeignKey(
        "conditions.ConditionPage",
        on_delete=models.CASCADE,
        related_name="feedback",
        help_text=_("The guide, in one language, that the answer is about."),
    )
    helpful = models.BooleanField(help_text=_("Whether the reader answered Yes."))
    missing = models.TextField(
        blank=True,
        max_length=MISSING_MAX_LENGTH,
        help_text=_("What the reader said was missing, if they said anything. No personal data."),
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text=_("When the answer was sent."))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")

    def __str__(self):
        return f"{self.guide_id}: {'yes' if self.helpful else 'no'}"
