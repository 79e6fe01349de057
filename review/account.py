"""Where reviewers say how guides credit them: their account settings, and the users' admin."""

from django import forms
from django.contrib.auth import get_permission_codename, get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
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
    """A reviewer profile is part of a user's account: whoever may edit users may edit it.

    Adding, changing or deleting a profile takes the same permission on users.
    """

    @staticmethod
    def _user_permissions(actions):
        opts = get_user_model()._meta
        codenames = {get_permission_codename(action, opts) for action in actions}
        return Permission.objects.filter(
            content_type__app_label=opts.app_label, codename__in=codenames
        )

    def user_has_permission(self, user, action):
        opts = get_user_model()._meta
        return user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")

    def users_with_any_permission(self, actions):
        permissions = self._user_permissions(actions)
        return (
            get_user_model()
            .objects.filter(
                Q(is_superuser=True)
                | Q(user_permissions__in=permissions)
                | Q(groups__permissions__in=permissions),
                is_active=True,
            )
            .distinct()
        )


class ReviewerProfileViewSet(SnippetViewSet):
    model = ReviewerProfile
    icon = "user"
    menu_label = _("Reviewer credits")
    add_to_settings_menu = True
    list_display = ["user", "credited_name", "role"]

    @cached_property
    def permission_policy(self):
        return ReviewerProfilePermissionPolicy(self.model)
