"""What an anonymous visitor may see: pages that are live and public.

``.live()`` is not enough: a page under a login, password or group view restriction is
live too. Querysets use ``.live().public()``; lists of pages picked by editors (featured
and related guides, resources' links) go through ``only_public``.
"""

from wagtail.models import Page


def only_public(pages):
    """The pages, in their order, that are live and public, in one query."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    visible = set(
        Page.objects.live()
        .public()
        .filter(pk__in=[page.pk for page in pages])
        .values_list("pk", flat=True)
    )
    return [page for page in pages if page.pk in visible]
