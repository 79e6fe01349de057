from django import template
from wagtail.models import Locale, Page
from wagtail.templatetags.wagtailcore_tags import pageurl, slugurl

from translations.links import language_links as get_language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page's versions in each language; computed once per request."""
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page")
    return get_language_links(request, page if getattr(page, "translation_key", None) else None)


@register.simple_tag(takes_context=True)
def localized_slugurl(context, slug):
    """Wagtail's ``slugurl``, in the language being shown.

    Each language's copy of a page may keep the same slug ("conditions"), and Wagtail's
    tag would then pick any one of them.
    """
    page = Page.objects.live().filter(slug=slug, locale=Locale.get_active()).first()
    if page is None:
        return slugurl(context, slug)
    return pageurl(context, page)
