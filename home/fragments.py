"""What every page repeats (header, footer, the site's texts), rendered once and cached.

Templates cache these fragments with Django's ``{% cache %}`` tag, keyed by
``fragment_cache.key``: the site, the language and a version that changes whenever
something a visitor can see changes (a page published, unpublished, moved or deleted;
site settings, site texts or body systems saved). Nothing is deleted: a new version
means new keys, and the old entries expire. The language links of each page
(``translations.links``) use the same version.

Every process reads the version from Django's default cache, so an invalidation is seen
by all of them only when that cache is shared (Redis); with the per-process local-memory
cache, ``FRAGMENT_CACHE_SECONDS`` bounds how long another process may show the old one.
Nothing here depends on who is asking: the user bar and CSRF tokens stay outside.
"""

from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.translation import get_language
from wagtail.models import Site

VERSION_KEY = "fragments:version"


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, uuid4().hex, timeout=None)
        current = cache.get(VERSION_KEY)
    return current


def invalidate(**kwargs):
    """Start a new version now, and again once the change is committed.

    Now, so the process that made the change shows it at once; after the commit, so a
    page rendered by another request from the old rows meanwhile is not kept under the
    new version.
    """

    def new_version():
        cache.set(VERSION_KEY, uuid4().hex, timeout=None)

    new_version()
    transaction.on_commit(new_version)


def key_for(request, *parts):
    """A cache key for something shown the same to everyone on this site in this language."""
    site = Site.find_for_request(request) if request is not None else None
    return ":".join(
        str(part) for part in (version(), site.pk if site else "", get_language(), *parts)
    )


class FragmentCache:
    """In templates: ``{% cache fragment_cache.timeout "name" fragment_cache.key %}``."""

    def __init__(self, request):
        self.request = request

    @property
    def timeout(self):
        return settings.FRAGMENT_CACHE_SECONDS

    @cached_property
    def key(self):
        return key_for(self.request)


def fragments(request):
    """Context processor: the key and timeout of the cached fragments."""
    return {"fragment_cache": FragmentCache(request)}
