"""The page tree every install needs: a home page per site and a conditions index.

Wagtail's own first migration leaves a plain "Welcome" page at the top of the tree;
this replaces it with a ``HomePage`` the first time it runs and changes nothing after.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from conditions.models import ConditionIndexPage

from .models import HomePage


@transaction.atomic
def get_or_create_home_page():
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home:
        return home
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    welcome = Page.objects.filter(depth=2, content_type__model="page", slug="home").first()
    if welcome is not None:
        welcome.slug = "home-old"
        welcome.save()
    home = root.add_child(
        instance=HomePage(title=str(_("Condition guides")), slug="home", live=False)
    )
    home.save_revision().publish()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    if welcome is not None:
        welcome.delete()
    return home


@transaction.atomic
def get_or_create_conditions_index(locale=None):
    """The conditions index of a locale, creating the tree above it when missing."""
    locale = locale or Locale.get_default()
    index = ConditionIndexPage.objects.filter(locale=locale).first()
    if index:
        return index
    home = get_or_create_home_page()
    if home.locale_id != locale.pk:
        # A translation of the default index, not a new page: wagtail-localize finds the
        # parent of a translated guide through the index's translation key.
        index = get_or_create_conditions_index().copy_for_translation(locale, copy_parents=True)
        index.save_revision().publish()
        home = index.get_parent().specific
        if not home.live:
            home.save_revision().publish()
        index.refresh_from_db()
        return index
    index = home.add_child(
        instance=ConditionIndexPage(title=str(_("Conditions")), slug="conditions", live=False)
    )
    index.save_revision().publish()
    return index
