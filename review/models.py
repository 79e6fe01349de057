"""The medical review task, and links that show a guide's draft to someone without a login."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, TaskState

from .forms import SHARE_LINK_DAYS, ApprovalForm, RequestChangesForm
from .sign_off import may_sign_off


class ReviewerProfile(models.Model):
    """How a medical reviewer is credited on the guides they approve."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile"
    )
    credited_name = models.CharField(
        max_length=120,
        blank=True,
        verbose_name=_("name on guides"),
        help_text=_(
            "Your name as readers see it, such as 'Dr Rita Okafor'. Leave blank to use the "
            "name on your account."
        ),
    )
    role = models.CharField(
        max_length=120,
        blank=True,
        verbose_name=_("role"),
        help_text=_("Your clinical role, such as 'consultant neurologist'. Shown after your name."),
    )

    class Meta:
        verbose_name = _("reviewer profile")
        verbose_name_plural = _("reviewer profiles")

    def __str__(self):
        return self.credit()

    def credit(self):
        """The words a guide shows after "Page last reviewed … by"."""
        name = self.credited_name.strip() or credited_name_of(self.user)
        role = self.role.strip()
        return f"{name}, {role}" if role else name


def credited_name_of(user):
    return user.get_full_name().strip() or user.get_username()


def review_credit_for(user):
    """The reviewer's name and role, as stored on the guides they approve."""
    profile = ReviewerProfile.objects.filter(user=user).first()
    return profile.credit() if profile else credited_name_of(user)


def last_approved_revision(page):
    """The version of the page a medical reviewer last approved, or else the live one.

    Guides published before the workflow existed (imported, or the demo) have only a
    live revision; that is the last version anyone vouched for.
    """
    approved = (
        page.revisions.filter(task_states__status=TaskState.STATUS_APPROVED)
        .order_by("-created_at", "-pk")
        .first()
    )
    return approved or page.live_revision


class MedicalReviewTask(GroupApprovalTask):
    """A clinician approves a guide. Approval records who reviewed it and when.

    Approving a clinical change stamps ``last_reviewed`` and ``reviewed_by`` on a new
    revision of the guide, and that revision is the one published (or scheduled). The
    editor's form shows both read-only: only this task writes them.
    """

    class Meta:
        verbose_name = _("Medical review task")
        verbose_name_plural = _("Medical review tasks")

    def get_actions(self, obj, user):
        # GroupApprovalTask's public test for "a superuser or in one of this task's groups"
        # (the same check, and the same per-request cache, as its private group test).
        if self.user_can_access_editor(obj, user):
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

    def get_template_for_action(self, action):
        if action == "approve":
            # Lists what changed since the last approved version.
            return "review/approve_modal.html"
        return super().get_template_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # Two reviewers acting at once both load the task as "in progress": the row lock
        # makes the second wait for the first, then find it decided.
        status = TaskState.objects.select_for_update().values_list("status", flat=True)
        if status.get(pk=task_state.pk) != TaskState.STATUS_IN_PROGRESS:
            raise PermissionDenied("This medical review has already been decided.")
        not_clinical = kwargs.pop("not_clinical", False)
        if action_name == "approve":
            task_state.revision = self.revision_to_approve(task_state, user, not_clinical)
            task_state.save(update_fields=["revision"])
        super().on_action(task_state, user, action_name, **kwargs)
        # Wagtail's workflow action view goes to the URL returned here: one that says
        # what happened (the guide's edit view says it itself, see wagtail_hooks.py).
        return reverse("review_workflow_outcome", args=[task_state.workflow_state.object_id])

    @staticmethod
    def revision_to_approve(task_state, user, not_clinical):
        """The revision the reviewer approves: the latest, carrying the review record.

        A clinical approval records this reviewer and today; a change that was not
        clinical keeps the record of the last approved version, whatever the draft says.
        A guide nobody has reviewed yet is always recorded as reviewed now.

        With WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT an approval only counts for the
        latest revision, so the task state moves to the revision that will be published.
        """
        content_object = task_state.workflow_state.content_object
        page = content_object.specific
        if not hasattr(page, "last_reviewed"):
            return page.get_latest_revision()
        record = (review_credit_for(user), timezone.localdate())
        if not_clinical:
            approved = last_approved_revision(page)
            previous = approved.as_object() if approved else None
            if previous is not None and previous.last_reviewed:
                record = (previous.reviewed_by, previous.last_reviewed)
        draft = page.get_latest_revision_as_object()
        if (draft.reviewed_by, draft.last_reviewed) == record:
            return page.get_latest_revision()
        draft.reviewed_by, draft.last_reviewed = record
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
