from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_LENGTH


class CommentForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80)
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("Never shown. We only use it if we need to ask about your comment."),
    )
    text = forms.CharField(
        label=_("Comment"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text, at most %(n)s characters.") % {"n": MAX_LENGTH},
    )
    # A honeypot: hidden from people, filled in by bots.
    website = forms.CharField(label=_("Leave this empty"), required=False)

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\x00", "").strip()
        if not text:
            raise forms.ValidationError(_("Write a comment."))
        return text

    def clean_name(self):
        name = self.cleaned_data["name"].replace("\x00", "").strip()
        if not name:
            raise forms.ValidationError(_("Give a name."))
        return name
