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
