"""How many signups one client, and one address, may send in an hour.

Counts live in Django's cache: with more than one server process, production needs a
shared cache (docs/deploy.md) for the limits to hold across processes.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60


def _over(key, limit):
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count > limit


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def too_many_from_client(request):
    return _over(f"newsletter:client:{client_address(request)}", settings.NEWSLETTER_CLIENT_LIMIT)


def too_many_for_address(email):
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return _over(f"newsletter:address:{digest}", settings.NEWSLETTER_ADDRESS_LIMIT)
