from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Signup


class SignupForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("Email"), max_length=254)
    confirm_email = forms.EmailField(label=_("Confirm email"), max_length=254)

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

    def save(self, language=""):
        """Store the signup, updating the names if the address already signed up."""
        data = self.cleaned_data
        signup = Signup.objects.filter(email__iexact=data["email"]).first()
        if signup is None:
            signup = Signup(email=data["email"].strip())
        signup.first_name = data["first_name"]
        signup.last_name = data["last_name"]
        signup.language = language
        signup.save()
        return signup
