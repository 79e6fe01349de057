from django import forms
from django.utils.translation import gettext_lazy as _

from .validators import validate_international_email


class EmailField(forms.CharField):
    """An email address in any script; Django's EmailField takes only ASCII before the @."""

    default_validators = [validate_international_email]

    def __init__(self, **kwargs):
        super().__init__(max_length=254, **kwargs)


class SignupForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = EmailField(label=_("Email"))
    confirm_email = EmailField(label=_("Confirm email"))

    def clean_first_name(self):
        return self.cleaned_data["first_name"].strip()

    def clean_last_name(self):
        return self.cleaned_data["last_name"].strip()

    def clean(self):
        cleaned_data = super().clean()
        email, confirm = cleaned_data.get("email"), cleaned_data.get("confirm_email")
        if email and confirm and email.lower() != confirm.lower():
            self.add_error("confirm_email", _("The two email addresses do not match."))
        return cleaned_data
