"""The admin report: guides by their share of "No", with what readers said was missing."""

import django_filters
from django.db.models import Count, F, FloatField, Prefetch, Q
from django.db.models.functions import Cast, NullIf
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from conditions.models import ConditionPage

from .models import MISSING_SHOWN, PageFeedback


class FeedbackFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(label=_("Language"), queryset=Locale.objects.all())
    title = django_filters.CharFilter(label=_("Guide"), lookup_expr="icontains")

    class Meta:
        model = ConditionPage
        fields = []


def share_of_no(page):
    return f"{round(100 * page.no_share)}%" if page.no_share is not None else ""


def missing_text(page):
    return " | ".join(f.missing for f in page.missing_feedback)


class PageFeedbackReportView(ReportView):
    page_title = _("Was this page helpful?")
    header_icon = "comment"
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    filterset_class = FeedbackFilterSet
    columns = [
        TitleColumn(
            "title",
            label=_("Guide"),
            url_name="wagtailadmin_pages:edit",
            accessor=lambda page: page.get_admin_display_title(),
        ),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        Column("no_share", label=_("Share of No"), accessor=share_of_no),
        Column("yes_count", label=_("Yes")),
        Column("no_count", label=_("No")),
        Column("missing", label=_("What was missing"), accessor=missing_text),
    ]
    list_export = ["title", "locale", "no_share", "yes_count", "no_count", "missing"]
    export_headings = {
        "title": _("Guide"),
        "locale": _("Language"),
        "no_share": _("Share of No"),
        "yes_count": _("Yes"),
        "no_count": _("No"),
        "missing": _("What was missing"),
    }
    export_filename = "page-feedback"

    def user_has_permission(self, permission):
        return self.request.user.has_perm("feedback.view_pagefeedback")

    def get_queryset(self):
        return (
            ConditionPage.objects.select_related("locale")
            .annotate(
                yes_count=Count("feedback", filter=Q(feedback__helpful=True)),
                no_count=Count("feedback", filter=Q(feedback__helpful=False)),
            )
            .filter(Q(yes_count__gt=0) | Q(no_count__gt=0))
            .annotate(
                no_share=Cast(F("no_count"), FloatField())
                / Cast(NullIf(F("yes_count") + F("no_count"), 0), FloatField())
            )
            .prefetch_related(
                Prefetch(
                    "feedback",
                    # Only the newest few each guide shows, however many there are.
                    queryset=PageFeedback.objects.exclude(missing="").order_by(
                        "-created_at", "-pk"
                    )[:MISSING_SHOWN],
                    to_attr="missing_feedback",
                )
            )
            .order_by("-no_share", "-no_count", "title")
        )

    def to_row_dict(self, item):
        return {
            "title": item.title,
            "locale": item.locale.language_code,
            "no_share": share_of_no(item),
            "yes_count": item.yes_count,
            "no_count": item.no_count,
            "missing": missing_text(item),
        }
