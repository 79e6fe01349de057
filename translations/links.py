"""Where each language's version of the current page is: for the switcher and hreflang.

Pages come from one query: the live translations of the page and of the site's home
page (the fallback when a page has no translation in a language). Views that are not
Wagtail pages (search, newsletter signup) have the same address in every language.

A live page's links are the same for every visitor: they are kept in the cache with
the header and footer (home/fragments.py), and made again after anything is published.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from conditions.visibility import public
from home.fragments import key_for


@dataclass
class LanguageLink:
    language_code: str
    name: str
    url: str
    is_current: bool
    translated: bool
    """False when the page has no live version in this language (the link is its home)."""

    @property
    def switch_url(self):
        """Goes through the view that remembers the choice in the language cookie."""
        return (
            reverse("switch_language", args=[self.language_code])
            + "?"
            + urlencode({"next": self.url})
        )


@dataclass
class LanguageLinks:
    links: list
    alternates: list
    """(hreflang, absolute URL) for each live translation, then x-default."""


def _language_name(code):
    return get_language_info(code)["name_local"].capitalize()


def _page_links(request, page):
    site = Site.find_for_request(request)
    home_keys = Page.objects.filter(pk=site.root_page_id).values("translation_key") if site else []
    pages = list(
        public(Page.objects.live())
        .filter(Q(translation_key=page.translation_key) | Q(translation_key__in=home_keys))
        .select_related("locale")
    )
    translations, homes = {}, {}
    for candidate in pages:
        found = translations if candidate.translation_key == page.translation_key else homes
        found[candidate.locale.language_code] = candidate
    if not any(candidate.pk == page.pk for candidate in pages):
        # A draft being previewed is not live but is still "this page".
        translations.setdefault(page.locale.language_code, page)
    current = get_language()
    links, alternates = [], []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        url = target.get_url(request)
        links.append(
            LanguageLink(code, _language_name(code), url, code == current, code in translations)
        )
        if code in translations and translations[code].live:
            alternates.append((code, target.get_full_url(request)))
    default = translations.get(settings.LANGUAGE_CODE)
    is_home = site is not None and any(p.pk == site.root_page_id for p in translations.values())
    if is_home and alternates:
        # "/" sends each visitor to their language: what x-default is for.
        alternates.append(("x-default", site.root_url + "/"))
    elif default is not None and default.live:
        alternates.append(("x-default", default.get_full_url(request)))
    return LanguageLinks(links, alternates)


def _view_links(request):
    """A view outside Wagtail's page tree: its address in each language, else that home."""
    path = request.get_full_path()
    try:
        is_page_route = resolve(request.path_info).url_name == "wagtail_serve"
    except Resolver404:
        is_page_route = True
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = f"/{code}/" if is_page_route else translate_url(path, code)
        links.append(LanguageLink(code, _language_name(code), url, code == current, True))
    return LanguageLinks(links, [])


def _cached_page_links(request, page):
    if not page.live or getattr(request, "is_preview", False):
        # A draft or a preview is the editor's own: computed each time, never kept.
        return _page_links(request, page)
    key = key_for(request, "language-links", page.pk)
    links = cache.get(key)
    if links is None:
        links = _page_links(request, page)
        cache.set(key, links, settings.FRAGMENT_CACHE_SECONDS)
    return links


def language_links(request, page=None):
    memo = request.__dict__.setdefault("_language_links", {})
    key = page.pk if page is not None else None
    if key not in memo:
        memo[key] = _cached_page_links(request, page) if page is not None else _view_links(request)
    return memo[key]
