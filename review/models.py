"""The medical review task, and links that show a guide's draft to someone without a login."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask

from .forms import SHARE_LINK_DAYS, ApprovalForm, RequestChangesForm
from .sign_off import may_sign_off


class MedicalReviewTask(GroupApprovalTask):
    """A clinician approves a guide. Approval records who reviewed it and when.

    Approving a clinical change stamps ``last_reviewed`` and ``reviewed_by`` on a new
    revision of the guide, and that revision is the one published (or scheduled).
    """

    class Meta:
        verbose_name = _("Medical review task")
        verbose_name_plural = _("Medical review tasks")

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            if not may_sign_off(user, obj):
                # A second pair of eyes approves (review/sign_off.py).
                return [("reject", _("Request changes"), True)]
            # Both open a form: approval asks whether the change was clinical.
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), True),
            ]
        return []

    def get_form_for_action(self, action):
        if action == "approve":
            return ApprovalForm
        if action == "reject":
            return RequestChangesForm
        return super().get_form_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        not_clinical = kwargs.pop("not_clinical", False)
        if action_name == "approve":
            task_state.revision = self.revision_to_approve(task_state, user, not_clinical)
            task_state.save(update_fields=["revision"])
        return super().on_action(task_state, user, action_name, **kwargs)

    @staticmethod
    def revision_to_approve(task_state, user, not_clinical):
        """The revision the reviewer approves: the latest, stamped with the review record.

        With WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT an approval only counts for the
        latest revision, so the task state moves to the revision that will be published.
        """
        content_object = task_state.workflow_state.content_object
        page = content_object.specific
        if not_clinical or not hasattr(page, "last_reviewed"):
            return page.get_latest_revision()
        draft = page.get_latest_revision_as_object()
        draft.last_reviewed = timezone.localdate()
        draft.reviewed_by = user.get_full_name() or user.get_username()
        revision = draft.save_revision(user=user, log_action=True, clean=False)
        # The workflow then reads (and publishes) the latest revision from this instance.
        content_object.latest_revision = revision
        return revision

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve or request changes. Approval records the "
            "reviewer and date on the guide, unless they say the change was not clinical."
        )


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class ShareLinkQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ShareLink(models.Model):
    """A secret address showing the latest draft of one page, until it expires or is revoked.

    Only a hash of the token is stored: the address is shown once, when it is made.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    note = models.CharField(
        max_length=200,
        verbose_name=_("who it is for"),
        help_text=_("Such as 'Dr Lee, neurologist'. Helps you decide later which links to revoke."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("draft share link")

    def __str__(self):
        return self.note

    @classmethod
    def create_for(cls, page, user, note, days=SHARE_LINK_DAYS):
        """A new link and its token; the token is not stored, so show it now."""
        token = secrets.token_urlsafe(32)
        link = cls.objects.create(
            page=page,
            token_hash=hash_token(token),
            note=note,
            created_by=user,
            expires_at=timezone.now() + datetime.timedelta(days=days),
        )
        return link, token

    @classmethod
    def for_token(cls, token):
        return cls.objects.select_related("page").filter(token_hash=hash_token(token)).first()

    @property
    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def status(self):
        if self.revoked_at:
            return _("Revoked")
        if self.expires_at <= timezone.now():
            return _("Expired")
        return _("Active")

    def revoke(self, user):
        self.revoked_at = timezone.now()
        self.revoked_by = user
        self.save(update_fields=["revoked_at", "revoked_by"])
