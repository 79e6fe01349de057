"""Wagtail's icon sprite, kept by the browser.

Every admin page has Wagtail's icons.js fetch ``/admin/sprite/?h=<hash of the icons>``, and
Wagtail answers that URL with ``never_cache``, as it does all its admin URLs: 66 kB and a
trip to the server on every page an editor opens, in the same moments as the page's own
scripts. The address changes whenever the icons change (the hash), so the answer at the
current address can be kept for good, as WhiteNoise keeps static files. Any other ``h``
is answered uncached, as Wagtail does. This view takes over Wagtail's
``wagtailadmin_sprite`` URL (``editing/urls.py``); tests/editing/test_icon_sprite.py fails
if Wagtail moves it or changes how it names the sprite's address.
"""

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.admin.icons import get_icon_sprite_hash, get_icons

A_YEAR = 365 * 24 * 60 * 60


def icon_sprite(request):
    response = HttpResponse(get_icons(), content_type="image/svg+xml; charset=utf-8")
    if request.GET.get("h") == get_icon_sprite_hash():
        patch_cache_control(response, public=True, max_age=A_YEAR, immutable=True)
    else:
        add_never_cache_headers(response)
    return response
