"""Approve, Reject and Spam for several comments at once, through Wagtail's bulk actions.

The Comments listing shows Wagtail's checkboxes (comments/wagtail_hooks.py); each action
confirms, then gives every chosen comment its status with the one ``set_status`` the
single buttons use, so approving purges each guide from the edge cache the same way.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.admin.views.bulk_action import BulkAction

from .models import Comment
from .moderation import ACTIONS, set_status


class ModerateBulkAction(BulkAction):
    models = [Comment]
    template_name = "comments/admin/confirm_bulk_moderate.html"

    def check_perm(self, obj):
        return self.request.user.has_perm("comments.change_comment")

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all in listing" cannot see the listing's filters: only the comments
        # still awaiting moderation, never every comment ever sent.
        return Comment.objects.filter(status=Comment.Status.AWAITING).values_list("pk", flat=True)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "status": self.status.label}

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return set_status(objects, cls.status), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment: %(status)s.",
            "%(count)d comments: %(status)s.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "status": self.status.label}


class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected comments")
    status = ACTIONS["approve"]
    action_priority = 10


class RejectBulkAction(ModerateBulkAction):
    display_name = pgettext_lazy("comment moderation", "Reject")
    action_type = "reject"
    aria_label = _("Reject the selected comments")
    status = ACTIONS["reject"]
    action_priority = 20


class SpamBulkAction(ModerateBulkAction):
    display_name = _("Spam")
    action_type = "spam"
    aria_label = _("Mark the selected comments as spam")
    status = ACTIONS["spam"]
    action_priority = 30
