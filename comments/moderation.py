"""What a moderator does to a comment: approve, reject or mark as spam.

Approving, or taking back an approved comment, purges the guide from the edge cache
so the change shows at once (edgecache/ purges the same way on publish).
"""

import re

from django.conf import settings
from django.db import transaction
from django.utils.html import escape, format_html, format_html_join
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

from .models import Comment

ACTIONS = {
    "approve": Comment.Status.APPROVED,
    "reject": Comment.Status.REJECTED,
    "spam": Comment.Status.SPAM,
}
LINK = r"(?:https?://|www\.)\S+"


def set_status(comments, status):
    """Give ``comments`` ``status``; purge the guides whose shown comments changed."""
    changed = [c for c in comments if c.status != status]
    touched = {c.guide_id for c in changed if Comment.Status.APPROVED in (c.status, status)}
    Comment.objects.filter(pk__in=[c.pk for c in changed]).update(status=status)
    purge_guides(touched)
    return len(changed)


def purge_guides(guide_ids):
    """Purge these guides from the edge cache, once the change is committed."""
    if guide_ids and settings.WAGTAILFRONTENDCACHE:
        from conditions.models import ConditionPage

        guides = list(ConditionPage.objects.filter(pk__in=guide_ids))
        transaction.on_commit(lambda: purge_pages_from_cache(guides))


def highlighted(text, words):
    """The comment as escaped HTML, with claim words and links in <mark>."""
    patterns = [LINK] + [r"\b" + re.escape(w) + r"\b" for w in words]
    pattern = re.compile("|".join(patterns), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(format_html("<mark>{}</mark>", match.group(0)))
        last = match.end()
    parts.append(escape(text[last:]))
    return format_html_join("", "{}", ((p,) for p in parts))
