"""Telling the reviewer what a workflow action did: published, scheduled, changes requested."""

from django.contrib import messages as django_messages
from django.utils import formats
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page, WorkflowState


def outcome_message(page):
    """What the last workflow action did to the page, in the editor's words."""
    page = Page.objects.get(pk=page.pk).specific
    title = page.get_admin_display_title()
    state = WorkflowState.objects.for_instance(page).order_by("-created_at", "-pk").first()
    if state is None:
        return _("'%(title)s' has been saved.") % {"title": title}
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return _(
            "Changes requested on '%(title)s'. The editor sees your comment at the top of the "
            "guide and has been emailed."
        ) % {"title": title}
    if state.status == WorkflowState.STATUS_APPROVED:
        scheduled = page.scheduled_revision
        if scheduled is not None:
            go_live_at = scheduled.approved_go_live_at or page.go_live_at
            return _("'%(title)s' approved. It is scheduled to go live on %(date)s.") % {
                "title": title,
                "date": formats.date_format(go_live_at, "DATETIME_FORMAT"),
            }
        if page.live:
            return _("'%(title)s' approved and published.") % {"title": title}
        return _("'%(title)s' approved.") % {"title": title}
    if state.status == WorkflowState.STATUS_IN_PROGRESS:
        return _("'%(title)s' is waiting for medical review.") % {"title": title}
    return _("Medical review of '%(title)s' was cancelled.") % {"title": title}


def replace_success_messages(request, outcome):
    """Drop the success messages queued so far in this request and add ``outcome``.

    Reading a message storage marks its messages as shown; the ones re-added here are
    the only ones kept for the next page.
    """
    kept = [m for m in django_messages.get_messages(request) if m.level != django_messages.SUCCESS]
    for message in kept:
        django_messages.add_message(request, message.level, message.message, message.extra_tags)
    messages.success(request, outcome)
