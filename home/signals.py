"""Start a new version of the cached fragments whenever something visitors see changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from conditions.models import BodySystem

from .fragments import invalidate
from .models import OpeningHours, SiteSettings, SiteText, SocialLink

SAVED_MODELS = (
    SiteSettings,
    OpeningHours,
    SocialLink,
    SiteText,
    BodySystem,
    Site,
    Locale,
    PageViewRestriction,
)


def connect():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"fragments-{id(signal)}")
    for model in SAVED_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(
                invalidate, sender=model, dispatch_uid=f"fragments-{model.__name__}-{id(signal)}"
            )
    # Deleting a live page does not unpublish it first.
    post_delete.connect(invalidate, sender=Page, dispatch_uid="fragments-page-delete")
