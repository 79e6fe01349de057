from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym
from .reports import PopularSearchesView, UnansweredSearchesView


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_order = 310
    add_to_settings_menu = True
    list_display = ["term", "synonyms"]
    search_fields = ["term", "synonyms"]


register_snippet(SearchSynonymViewSet)

report_urls = [
    path("popular/", PopularSearchesView.as_view(), name="popular"),
    path(
        "popular/results/",
        PopularSearchesView.as_view(results_only=True),
        name="popular_results",
    ),
    path("nothing-found/", UnansweredSearchesView.as_view(), name="unanswered"),
    path(
        "nothing-found/results/",
        UnansweredSearchesView.as_view(results_only=True),
        name="unanswered_results",
    ),
]


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [path("reports/searches/", include((report_urls, "search_reports")))]


@hooks.register("register_reports_menu_item")
def register_popular_searches_menu_item():
    return MenuItem(
        _("Popular searches"),
        reverse("search_reports:popular"),
        name="popular-searches",
        icon_name="search",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def register_unanswered_searches_menu_item():
    return MenuItem(
        _("Searches that found nothing"),
        reverse("search_reports:unanswered"),
        name="searches-that-found-nothing",
        icon_name="warning",
        order=910,
    )
