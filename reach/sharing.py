"""What a link shows when it is shared: Open Graph and Twitter card tags."""

from django.utils.translation import to_locale
from wagtail.images.shortcuts import get_rendition_or_not_found

# The size social networks and chat apps show a link's image at.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def og_locale(language_code, country=""):
    """Open Graph's language_TERRITORY: "en_US" with the site's country, else "en"."""
    locale = to_locale(language_code)
    if "_" not in locale and country:
        locale = f"{locale}_{country.upper()}"
    return locale


def absolute(url, root_url):
    return url if url.startswith(("http://", "https://")) else f"{root_url}{url}"


def share_card(page, request, site_settings, alternates):
    """The values of the sharing tags for a page; None for what the page does not have."""
    url_parts = page.get_url_parts(request)
    root_url = url_parts[1] if url_parts else ""
    country = getattr(site_settings, "country", "") if site_settings else ""
    language = page.locale.language_code
    card = {
        "title": page.seo_title or page.title,
        "type": "article" if hasattr(page, "summary") else "website",
        "description": getattr(page, "summary", "") or page.search_description or "",
        "url": page.get_full_url(request),
        "site_name": getattr(site_settings, "organisation_name", "") if site_settings else "",
        "locale": og_locale(language, country),
        "locale_alternates": [
            og_locale(code, country)
            for code, _url in alternates
            if code not in ("x-default", language)
        ],
        "image": None,
    }
    image = getattr(page, "hero_image", None) if getattr(page, "hero_image_id", None) else None
    alt = getattr(page, "hero_image_alt", "") if image else ""
    if image is None and site_settings is not None and site_settings.default_share_image_id:
        image = site_settings.default_share_image
        alt = image.title
    if image is not None:
        rendition = get_rendition_or_not_found(image, SHARE_IMAGE_SPEC)
        card["image"] = {
            "url": absolute(rendition.url, root_url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": alt,
        }
    return card
