from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm

SHARE_LINK_DAYS = 7


class ApprovalForm(TaskStateCommentForm):
    not_clinical = forms.BooleanField(
        required=False,
        label=_("This change was not clinical (keep the review dates)"),
        help_text=_(
            "Tick for spelling, layout or link fixes: the guide keeps its last clinical "
            "review. Otherwise it records you as its reviewer, with today's date."
        ),
    )


class RequestChangesForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea({"rows": 3}),
        help_text=_("The editor sees this with the guide."),
    )


class ShareLinkForm(forms.Form):
    note = forms.CharField(
        max_length=200,
        label=_("Who is it for?"),
        help_text=_("Such as 'Dr Lee, neurologist'. Only editors see this."),
    )
    days = forms.IntegerField(
        min_value=1,
        max_value=30,
        initial=SHARE_LINK_DAYS,
        label=_("Works for (days)"),
        help_text=_("The link stops working after this many days, or when you revoke it."),
    )
