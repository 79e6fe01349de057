from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale

from conditions.models import ConditionPage

from .query import normalise_query

RESULTS_PER_PAGE = 10


def search(request):
    query = normalise_query(request.GET.get("q", ""))
    results = ConditionPage.objects.none()
    if query:
        results = (
            ConditionPage.objects.live().public().filter(locale=Locale.get_active()).search(query)
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "page_obj": page_obj, "paginator": paginator},
    )
