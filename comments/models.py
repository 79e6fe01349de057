"""Readers' comments on a guide, held for moderation before anyone sees them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 2000


class Comment(models.Model):
    class Status(models.TextChoices):
        AWAITING = "awaiting", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    guide = models.ForeignKey(
        "conditions.ConditionPage",
        on_delete=models.CASCADE,
        related_name="reader_comments",
        help_text=_("The guide, in one language, that the comment is on."),
    )
    name = models.CharField(
        max_length=80, help_text=_("The name the commenter gave; shown with the comment.")
    )
    email = models.EmailField(
        blank=True,
        help_text=_("The commenter's email address: never shown on the site."),
    )
    text = models.TextField(
        max_length=MAX_LENGTH,
        help_text=_("The comment, plain text only, at most %(n)s characters.") % {"n": MAX_LENGTH},
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.AWAITING,
        db_index=True,
        help_text=_("Only approved comments are shown on the guide."),
    )
    trusted = models.BooleanField(
        default=False,
        help_text=_("Links in a trusted comment can be clicked; otherwise they are plain text."),
    )
    is_staff_reply = models.BooleanField(
        default=False,
        help_text=_("Shown with a “Reply from our team” mark."),
    )
    reply_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
        help_text=_("The comment this one answers, if any."),
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text=_("When the comment was sent."))

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["guide", "status"])]

    def __str__(self):
        return f"{self.name}: {self.text[:40]}"

    def clean(self):
        # A reply is shown under the comment it answers, on that comment's guide only.
        if self.reply_to_id is not None:
            if self.reply_to_id == self.pk:
                raise ValidationError({"reply_to": _("A comment cannot answer itself.")})
            if self.guide_id is not None and self.reply_to.guide_id != self.guide_id:
                raise ValidationError(
                    {"reply_to": _("Choose a comment on the same guide as this reply.")}
                )
