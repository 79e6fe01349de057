"""The results page and the suggestions behind the search box.

Both ask ``search.api``, the one door to site search; this module only reads the
request and renders. A results page runs the same queries whatever the number of
results: the active locale, the promotions, the body systems of the locale, the ten
guides on the page, and the query log.
"""

from dataclasses import fields

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from . import api


@require_GET
def search(request):
    results = api.search(
        request.GET.get("q", ""),
        Locale.get_active(),
        filters=request.GET,
        page=request.GET.get("page"),
    )
    # Each search is counted once: not again for its further pages or filters.
    if results.searched and "page" not in request.GET and not results.filtered:
        api.record(results)
    context = {field.name: getattr(results, field.name) for field in fields(results)}
    return TemplateResponse(request, "search/search.html", context)


@require_GET
def suggest(request):
    """Up to eight guides whose title or alternative name starts with what was typed."""
    suggestions = api.suggest(request.GET.get("q", ""), Locale.get_active(), request=request)
    return JsonResponse(suggestions, safe=False)
