from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .validators import validate_international_email


class Signup(models.Model):
    """One newsletter subscriber. An email address signs up once, whatever its case.

    A signup starts pending; the link in the confirmation email makes it active. Only the
    owner of the address changes it after that, through the links in its emails.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        ACTIVE = "active", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.CharField(
        _("email"),
        max_length=254,
        validators=[validate_international_email],
        help_text=_("Addresses in any script are accepted, such as josé@ejemplo.es."),
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        help_text=_(
            "Only subscribed addresses receive the newsletter. An address is subscribed once "
            "its owner follows the link in the confirmation email."
        ),
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("newsletter signup")
        verbose_name_plural = _("newsletter signups")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="unique_signup_email_ci"),
        ]

    def __str__(self):
        return self.email
