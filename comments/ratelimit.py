"""Comment limits per client and per email address, using the newsletter's counter."""

import hashlib

from django.conf import settings

from newsletter.ratelimit import _over, client_address


def too_many_from_client(request):
    return _over(f"comments:client:{client_address(request)}", settings.COMMENTS_CLIENT_LIMIT)


def too_many_for_address(email):
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return _over(f"comments:address:{digest}", settings.COMMENTS_ADDRESS_LIMIT)
