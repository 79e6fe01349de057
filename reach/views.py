from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from .sitemaps import PagesSitemap

# Crawlers read robots.txt and the sitemap often; the edge cache keeps them this long.
CACHE_SECONDS = 60 * 60


def _site(request):
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


@require_safe
def robots_txt(request):
    """Crawlers stay out of the admin, shared draft links and search results."""
    disallowed = ["/admin/", reverse("review_shared_draft", args=["x"]).rsplit("x/", 1)[0]]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            disallowed.append(reverse("search"))
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed)]
    site = _site(request)
    if site is not None:
        lines.append(f"Sitemap: {site.root_url}{reverse('sitemap')}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


@require_safe
def sitemap(request):
    response = django_sitemap(request, sitemaps={"pages": PagesSitemap(request)})
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response
