"""The sitemap: every live, public page in each language, with its translations.

Wagtail's own sitemap lists the default site's tree only, which leaves out each
language's home page and everything under it; this one lists the pages under every
translation of the site's home page, in one query, and links each page to its live,
public translations with ``xhtml:link rel="alternate" hreflang``.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from conditions.visibility import public


class PagesSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        homes = Page.objects.filter(translation_key=site.root_page.translation_key).values_list(
            "path", flat=True
        )
        under_a_home = Q()
        for path in homes:
            under_a_home |= Q(path__startswith=path)
        if not homes:
            return Page.objects.none()
        return (
            public(Page.objects.live().filter(under_a_home))
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        site = self.get_wagtail_site()
        pages = list(self.paginator.page(page).object_list)
        versions = {}
        for item in pages:
            url = item.get_full_url(self.request)
            if url:
                versions.setdefault(item.translation_key, {})[item.locale.language_code] = url
        urls, last_mods = [], set()
        for item in pages:
            translations = versions.get(item.translation_key, {})
            location = translations.get(item.locale.language_code)
            if location is None:
                continue
            alternates = []
            if len(translations) > 1:
                alternates = [
                    {"lang_code": code, "location": translations[code]}
                    for code, _name in settings.LANGUAGES
                    if code in translations
                ]
                if item.translation_key == site.root_page.translation_key:
                    # "/" sends each visitor to their language: what x-default is for.
                    alternates.append({"lang_code": "x-default", "location": site.root_url + "/"})
                elif settings.LANGUAGE_CODE in translations:
                    alternates.append(
                        {"lang_code": "x-default", "location": translations[settings.LANGUAGE_CODE]}
                    )
            lastmod = item.last_published_at or item.latest_revision_created_at
            last_mods.add(lastmod)
            urls.append(
                {"item": item, "location": location, "lastmod": lastmod, "alternates": alternates}
            )
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
