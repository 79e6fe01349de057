from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class Signup(models.Model):
    """One newsletter subscriber. An email address signs up once, whatever its case."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254)
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("newsletter signup")
        verbose_name_plural = _("newsletter signups")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="unique_signup_email_ci"),
        ]

    def __str__(self):
        return self.email
