"""The "Guides due for review" report, its dashboard panel and the reviewers' digest."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail.permissions import page_permission_policy

from conditions.models import BodySystem, ConditionPage

DUE_SOON_DAYS = 30


def guides_due_for_review(days=DUE_SOON_DAYS, today=None):
    """Guides whose next review is past, or due within ``days``: the soonest first."""
    today = today or timezone.localdate()
    return (
        ConditionPage.objects.filter(next_review_due__lte=today + datetime.timedelta(days=days))
        .select_related("locale")
        .order_by("next_review_due", "title")
    )


def guides_due_for(user):
    editable = page_permission_policy.instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return guides_due_for_review().filter(pk__in=editable.values("pk"))


def reviewer_choices():
    names = ConditionPage.objects.exclude(reviewed_by="").values_list("reviewed_by", flat=True)
    return [(name, name) for name in sorted(set(names))]


class GuidesDueFilterSet(WagtailFilterSet):
    body_system = django_filters.ModelChoiceFilter(
        label=_("Body system"),
        # One entry per body system: the default language's name stands for all.
        queryset=lambda request: BodySystem.objects.filter(locale=Locale.get_default()),
        method="filter_body_system",
    )
    reviewed_by = django_filters.ChoiceFilter(label=_("Last reviewed by"), choices=reviewer_choices)

    class Meta:
        model = ConditionPage
        fields = []

    def filter_body_system(self, queryset, name, value):
        # The same body system in every language shares a translation key.
        return queryset.filter(body_systems__translation_key=value.translation_key).distinct()


def exact_and_relative(day, today=None):
    """ "5 December 2026 (in 6 days)": the date itself, and how far it is from today.

    Wagtail's DateColumn shows only the distance, and counts a date ahead as "Just now".
    """
    if day is None:
        return ""
    today = today or timezone.localdate()
    delta = (day - today).days
    if delta == 0:
        relative = _("today")
    elif delta > 0:
        relative = ngettext("in %(days)d day", "in %(days)d days", delta) % {"days": delta}
    else:
        relative = ngettext("%(days)d day ago", "%(days)d days ago", -delta) % {"days": -delta}
    return f"{date_format(day, 'DATE_FORMAT')} ({relative})"


def due_status(page):
    if page.next_review_due < timezone.localdate():
        return _("Overdue")
    return _("Due soon")


class GuidesDueForReviewView(ReportView):
    page_title = _("Guides due for review")
    header_icon = "time"
    index_url_name = "review_due_report"
    index_results_url_name = "review_due_report_results"
    filterset_class = GuidesDueFilterSet
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    columns = [
        TitleColumn(
            "title",
            label=_("Guide"),
            url_name="wagtailadmin_pages:edit",
            accessor=lambda page: page.get_admin_display_title(),
        ),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        Column(
            "next_review_due",
            label=_("Next review due"),
            accessor=lambda page: exact_and_relative(page.next_review_due),
        ),
        Column("due", label=_("Due"), accessor=due_status),
        Column(
            "last_reviewed",
            label=_("Last reviewed"),
            accessor=lambda page: exact_and_relative(page.last_reviewed),
        ),
        Column("reviewed_by", label=_("Reviewed by")),
    ]
    list_export = ["title", "locale", "next_review_due", "last_reviewed", "reviewed_by", "url"]
    export_headings = {
        "title": _("Guide"),
        "locale": _("Language"),
        "next_review_due": _("Next review due"),
        "last_reviewed": _("Last reviewed"),
        "reviewed_by": _("Reviewed by"),
        "url": _("Address"),
    }
    export_filename = "guides-due-for-review"

    def get_queryset(self):
        return guides_due_for(self.request.user)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["locale"] = item.locale.language_code
        row["url"] = item.full_url or ""
        return row


class GuidesDuePanel(Component):
    name = "guides_due_for_review"
    template_name = "review/guides_due_panel.html"
    order = 150

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count}
