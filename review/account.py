"""Where reviewers say how guides credit them: their account settings, and the users' admin."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ReviewerProfile, review_credit_for
from .roles import MEDICAL_REVIEWERS


class ReviewerProfileForm(forms.ModelForm):
    class Meta:
        model = ReviewerProfile
        fields = ["credited_name", "role"]


class ReviewCreditSettingsPanel(BaseSettingsPanel):
    """A panel in the reviewer's own account settings ("Profile" tab)."""

    name = "review_credit"
    title = _("Credit on reviewed guides")
    order = 150
    form_class = ReviewerProfileForm
    template_name = "review/review_credit_panel.html"

    def is_active(self):
        return self.user.is_superuser or self.user.groups.filter(name=MEDICAL_REVIEWERS).exists()

    def get_form(self):
        instance = ReviewerProfile.objects.filter(user=self.user).first() or ReviewerProfile(
            user=self.user
        )
        kwargs = {"instance": instance, "prefix": self.name}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)

    def get_context_data(self):
        return {**super().get_context_data(), "credit": review_credit_for(self.user)}


class ReviewerProfilePermissionPolicy(ModelPermissionPolicy):
    """A reviewer profile is part of a user's account: whoever may edit users may edit it."""

    def __init__(self, model):
        super().__init__(model, auth_model=get_user_model())


class ReviewerProfileViewSet(SnippetViewSet):
    model = ReviewerProfile
    icon = "user"
    menu_label = _("Reviewer credits")
    add_to_settings_menu = True
    list_display = ["user", "credited_name", "role"]

    @cached_property
    def permission_policy(self):
        return ReviewerProfilePermissionPolicy(self.model)
