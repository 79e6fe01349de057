import json
import unicodedata

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from newsletter.forms import SignupForm

register = template.Library()

# The same escapes Django's json_script applies: no content can close the script tag.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A ``<script type="application/ld+json">`` block, escaped like ``json_script``."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # Escaped above: "<", ">" and "&" cannot appear in the payload.
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308
    )


@register.inclusion_tag("components/newsletter_form.html")
def newsletter_form():
    """The footer signup form, unbound and without a token so the page stays cacheable."""
    return {"form": SignupForm(auto_id="newsletter-footer-%s"), "with_token": False}


@register.simple_tag
def breadcrumb_pages(page):
    """The pages above this one, the home page first, without the tree's root.

    Walks up by ``get_parent()``: a page reached through the site's routing already
    knows its parents, so this takes no query.
    """
    ancestors = []
    while page.depth > 2:
        page = page.get_parent()
        ancestors.append(page)
    return ancestors[::-1]


@register.filter
def one_line(value):
    """Text for one line of a plain-text email: control and invisible formatting
    characters (new lines, tabs, bidirectional overrides) become single spaces, so a title
    cannot add lines, fake links or reorder what the reader sees."""
    text = "".join(
        " " if unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"} else char
        for char in str(value or "")
    )
    return " ".join(text.split())
