"""The site's own address, for links in emails (which have no request to take it from)."""

from django.conf import settings
from wagtail.models import Site


def admin_base_url(obj=None):
    """WAGTAILADMIN_BASE_URL when set; otherwise the root URL of the object's Site record.

    Without the setting, links follow the Site record (Settings → Sites), so a site served
    on another host or port links to itself rather than to a built-in default.
    """
    configured = (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    if configured:
        return configured
    site = obj.get_site() if hasattr(obj, "get_site") else None
    site = site or Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""
