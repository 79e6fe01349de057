"""What an anonymous visitor may see: pages that are live and public.

``.live()`` is not enough: a page under a login, password or group view restriction is
live too. Querysets go through ``public``; lists of pages picked by editors (featured
and related guides, resources' links) go through ``only_public``.
"""

from django.db import models
from django.db.models import Exists, ExpressionWrapper, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import Page, PageViewRestriction


def public(pages):
    """Wagtail's ``PageQuerySet.public()`` in the same SQL query.

    Wagtail's reads every view restriction first, one more query each time; this asks
    the database to leave out any page at or under a restricted page instead.
    """
    restrictions = PageViewRestriction.objects.filter(
        StartsWith(
            ExpressionWrapper(OuterRef("path"), output_field=models.CharField()),
            F("page__path"),
        )
    )
    return pages.exclude(Exists(restrictions))


def only_public(pages):
    """The pages, in their order, that are live and public, in one query."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    visible = set(
        public(Page.objects.live().filter(pk__in=[page.pk for page in pages])).values_list(
            "pk", flat=True
        )
    )
    return [page for page in pages if page.pk in visible]
