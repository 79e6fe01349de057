"""Purge the edge cache when anything visitors see changes (edgecache.purge).

Publishing (from the review workflow, the admin or ``publish_scheduled``) sends
``page_published``; unpublishing, scheduled expiry and deleting a live page send
``page_unpublished``; a move and a changed slug also purge the old address; a redirect
purges the address it redirects from.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from .purge import every_page_url, page_urls, purge_on_commit


def _purging(handler):
    """Skip the work of listing URLs when no edge cache is configured."""

    def purge_if_configured(**kwargs):
        if settings.WAGTAILFRONTENDCACHE:
            handler(**kwargs)

    return purge_if_configured


@_purging
def _page_changed(instance, **kwargs):
    purge_on_commit(page_urls(instance))


@_purging
def _page_moving(instance, **kwargs):
    # Before the move: the old address, the old A–Z and the old home page.
    purge_on_commit(page_urls(instance))


@_purging
def _slug_changed(instance, instance_before, **kwargs):
    purge_on_commit(page_urls(instance_before))


@_purging
def _redirect_changed(instance, **kwargs):
    # The old address may be cached as a 404 or as the page that was there. Wagtail
    # matches it with or without a trailing slash; the cache keeps each separately.
    links = instance.old_links()
    purge_on_commit(links | {link.rstrip("/") + "/" for link in links})


@_purging
def _site_wide_change(**kwargs):
    purge_on_commit(every_page_url())


def site_wide_models():
    """Models shown on every page: the header, footer and navigation read them."""
    from wagtail.models import Site

    from conditions.models import BodySystem
    from home.models import SiteSettings, SiteText

    return [SiteSettings, SiteText, BodySystem, Site]


def connect():
    page_published.connect(_page_changed, dispatch_uid="edgecache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="edgecache-unpublished")
    pre_page_move.connect(_page_moving, dispatch_uid="edgecache-moving")
    post_page_move.connect(_page_changed, dispatch_uid="edgecache-moved")
    page_slug_changed.connect(_slug_changed, dispatch_uid="edgecache-slug")
    from wagtail.contrib.redirects.models import Redirect

    for signal in (post_save, post_delete):
        signal.connect(
            _redirect_changed, sender=Redirect, dispatch_uid=f"edgecache-redirect-{id(signal)}"
        )
    for model in site_wide_models():
        for signal in (post_save, post_delete):
            signal.connect(
                _site_wide_change,
                sender=model,
                dispatch_uid=f"edgecache-{model.__name__}-{id(signal)}",
            )
