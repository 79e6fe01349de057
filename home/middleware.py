from django.core.cache import cache
from wagtail.models import Site

from .fragments import version


class CachedSiteMiddleware:
    """Finds the request's Wagtail site in the cache instead of the database.

    Wagtail looks the site up (with its root page) once per request and keeps it on the
    request as ``_wagtail_site``, a private name: this fills that attribute from the cache,
    under the fragment version that saving a site or publishing a page changes.
    ``tests/home/test_cached_site.py`` fails if Wagtail stops reading it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = f"site:{version()}:{request.get_host()}:{request.get_port()}"
        site = cache.get(key)
        if site is None:
            site = Site.find_for_request(request)
            if site is not None:
                cache.set(key, site)
        else:
            request._wagtail_site = site
        return self.get_response(request)
