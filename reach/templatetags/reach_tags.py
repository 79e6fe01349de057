from django import template
from wagtail.models import Site

from home.models import SiteSettings
from home.templatetags.site_tags import json_ld
from reach.organisation import organisation_data

register = template.Library()


@register.simple_tag(takes_context=True)
def organisation_json_ld(context):
    """The organisation's JSON-LD block, or nothing before the site settings are filled in."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return ""
    site_settings = SiteSettings.for_request(request)
    if not site_settings.organisation_name:
        return ""
    return json_ld(organisation_data(site_settings, site.root_url))


@register.inclusion_tag("reach/share_tags.html", takes_context=True)
def share_tags(context):
    """Open Graph and Twitter card tags for the page being shown."""
    from reach.sharing import share_card
    from translations.links import language_links

    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not getattr(page, "pk", None):
        return {"card": None}
    links = language_links(request, page if getattr(page, "translation_key", None) else None)
    alternates = links.alternates if links else []
    site_settings = SiteSettings.for_request(request)
    return {"card": share_card(page, request, site_settings, alternates)}
