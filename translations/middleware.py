from django.middleware import locale
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware, without its language redirect for a URL that was found.

    Django answers a 404 outside the language prefixes by redirecting to the same path
    under /en/, in case the prefix was left out. The page tree under /en/ takes any
    path, so every 404 became a redirect to the site's HTML 404 page: an unknown guide
    id in the content API (/api/v2/guides/<id>/) answered a redirect instead of the
    API's JSON 404. A 404 from a view the URL did reach is that view's answer; only a
    path no URL pattern matched is tried under the language prefix.
    """

    def process_response(self, request, response):
        if (
            response.status_code == 404
            and request.resolver_match is not None
            and not translation.get_language_from_path(request.path_info)
        ):
            # What Django's own process_response does to a response it does not redirect.
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
