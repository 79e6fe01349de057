from wagtail import hooks

from conditions.models import ConditionIndexPage

from .feeds import GuidesFeed


# After Wagtail's own hooks (order 0), so a restricted index's feed stays restricted too.
@hooks.register("before_serve_page", order=100)
def serve_guides_feed(page, request, serve_args, serve_kwargs):
    """The Atom feed at ``<conditions index>/feed/``, which the index routes here."""
    if isinstance(page, ConditionIndexPage) and serve_kwargs.get("feed"):
        return GuidesFeed()(request, index=page)
    return None
