"""Reports for editors: what visitors search for, and what they search for in vain."""

import datetime

from django.db.models import F, Max, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query

from .models import UnansweredSearch

REPORT_DAYS = 30


def report_start():
    return timezone.now().date() - datetime.timedelta(days=REPORT_DAYS - 1)


class PopularSearchesView(ReportView):
    page_title = _("Popular searches")
    page_subtitle = _("Last 30 days")
    header_icon = "search"
    index_url_name = "search_reports:popular"
    index_results_url_name = "search_reports:popular_results"
    columns = [
        Column("query_string", label=_("Search")),
        Column("searches", label=_("Searches")),
    ]
    list_export = ["query_string", "searches"]

    def get_filename(self):
        return f"popular-searches-{timezone.now().date():%Y-%m-%d}"

    def get_queryset(self):
        return (
            Query.objects.filter(daily_hits__date__gte=report_start())
            .annotate(searches=Sum("daily_hits__hits"))
            .order_by("-searches", "query_string")
        )


class UnansweredSearchesView(ReportView):
    page_title = _("Searches that found nothing")
    page_subtitle = _("Last 30 days")
    header_icon = "warning"
    index_url_name = "search_reports:unanswered"
    index_results_url_name = "search_reports:unanswered_results"
    columns = [
        Column("query_string", label=_("Search")),
        Column("language", label=_("Language")),
        Column("searches", label=_("Searches")),
        Column("last_searched", label=_("Last searched")),
    ]
    list_export = ["query_string", "language", "searches", "last_searched"]

    def get_filename(self):
        return f"searches-that-found-nothing-{timezone.now().date():%Y-%m-%d}"

    def get_queryset(self):
        return (
            UnansweredSearch.objects.filter(date__gte=report_start())
            .values("query_string", language=F("locale__language_code"))
            .annotate(searches=Sum("hits"), last_searched=Max("date"))
            .order_by("-searches", "query_string")
        )
