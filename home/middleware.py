import logging

from django.core.cache import cache

from .fragments import version

logger = logging.getLogger(__name__)


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
        # Nothing is looked up here: a request that never asks for its site (/healthz,
        # a redirect) touches no database. Once Wagtail has found the site, it is kept.
        key = site = None
        try:
            key = f"site:{version()}:{request.get_host()}:{request.get_port()}"
            site = cache.get(key)
        except Exception:  # A cache that is down must not stop the request (/healthz says so).
            logger.warning("The cache is unavailable: the site is looked up in the database.")
        if site is not None:
            request._wagtail_site = site
        response = self.get_response(request)
        found = getattr(request, "_wagtail_site", None)
        if site is None and key and found is not None:
            try:
                cache.set(key, found)
            except Exception:
                logger.warning("The cache is unavailable: the site was not cached.")
        return response
