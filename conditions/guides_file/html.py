"""Rich text in a file, reduced to what the guide editor stores, both ways."""

import html as html_module
import re

import nh3

ALLOWED_TAGS = {"p", "ul", "ol", "li", "a", "b", "strong", "i", "em", "br"}
HEADING_TAGS = {f"h{level}" for level in range(1, 7)}
# Wagtail's editor stores bold as <b>, italic as <i> and line breaks as <br/>, and imported
# text is stored the same way. The format has no headings inside a section: a heading's
# text becomes a paragraph rather than running into the next one.
TAG_RENAMES = {"strong": "b", "em": "i", **dict.fromkeys(HEADING_TAGS, "p")}
_RENAMED_TAG = re.compile(r"<(/?)(" + "|".join(TAG_RENAMES) + r")>")
# nh3 leaves <a> without attributes when it drops an unsafe or relative href.
_BARE_LINK = re.compile(r"<a>(.*?)</a>", re.DOTALL)
_BLOCK_TAG = re.compile(r"<(p|ul|ol|li)>")
_ANY_TAG = re.compile(r"<[^>]*>")
_LINE_END = re.compile(r"</(p|li)>|<br/>")


def clean_html(html):
    """Rich text reduced to the tags a guide may use, in Wagtail's storage format."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS | HEADING_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        url_relative="deny",
        link_rel=None,
    )
    cleaned = _RENAMED_TAG.sub(lambda match: f"<{match[1]}{TAG_RENAMES[match[2]]}>", cleaned)
    cleaned = _BARE_LINK.sub(r"\1", cleaned).replace("<br>", "<br/>").strip()
    if cleaned and not _BLOCK_TAG.search(cleaned):
        cleaned = f"<p>{cleaned}</p>"
    return cleaned


def plain_text(html):
    """The text of rich text, a line for each paragraph or list item."""
    lines = _ANY_TAG.sub("", _LINE_END.sub("\n", clean_html(html))).splitlines()
    return "\n".join(line.strip() for line in map(html_module.unescape, lines) if line.strip())


def has_text(html):
    return bool(_ANY_TAG.sub("", html).replace("&nbsp;", "").strip())
