"""Keep the search catalogue in step with what visitors may see."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from conditions.models import BodySystem

from .catalogue import invalidate
from .models import SearchSynonym


def _invalidate(**kwargs):
    invalidate()


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_invalidate, dispatch_uid=f"search-catalogue-{id(signal)}")
    for model in (PageViewRestriction, SearchSynonym, BodySystem):
        for signal in (post_save, post_delete):
            signal.connect(
                _invalidate,
                sender=model,
                dispatch_uid=f"search-catalogue-{model.__name__}-{id(signal)}",
            )
    # Deleting a live page does not unpublish it first.
    post_delete.connect(_invalidate, sender=Page, dispatch_uid="search-catalogue-page-delete")
