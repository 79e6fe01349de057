"""Which URLs a change touches, purged from the edge cache once the change is saved.

Pages are cached until purged (deploy/default.vcl). A guide appears on more pages than
its own: its other languages (their language switchers and hreflang links), the A–Z and
the home page above it in every language, any page that links to it (related and
featured guides, rich-text links, found through Wagtail's reference index) and the
sitemap. Site-wide settings and snippets appear on every page, so saving one purges
every live page.

Purging goes through wagtail.contrib.frontend_cache's backends (WAGTAILFRONTENDCACHE):
Varnish, Cloudflare, CloudFront or any of Wagtail's others, set in config/settings/base.py.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex, Site


def page_urls(page):
    """Every public URL that shows something of ``page``, as it is now in the database."""
    batch = PurgeBatch()
    # ``page`` itself as given: before a move or a slug change it has the old address.
    for translation in [page, *page.get_translations(inclusive=False).live()]:
        batch.add_page(translation)
        batch.add_pages(translation.get_ancestors().filter(depth__gt=1).live())
    page_type = ContentType.objects.get_for_model(Page)
    referencing = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type)
    batch.add_pages(Page.objects.live().filter(pk__in=[int(ref.object_id) for ref in referencing]))
    for site in Site.objects.all():
        batch.add_url(site.root_url + "/sitemap.xml")
    return batch.urls


def every_page_url():
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().filter(depth__gt=1))
    for site in Site.objects.all():
        batch.add_url(site.root_url + "/sitemap.xml")
    return batch.urls


def purge_on_commit(urls):
    """Purge once the change is committed: purging earlier would let a visitor's request
    fill the cache again with the old version before the new one is visible."""
    urls = set(urls)
    if urls:
        transaction.on_commit(lambda: PurgeBatch(urls).purge())
