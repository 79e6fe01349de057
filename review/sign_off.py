"""A second pair of eyes: nobody approves a medical review of their own work.

Clinical sign-off means someone other than the writer checked the text. Whoever
submitted the guide, and whoever changed its content in any revision since the version
now live, may request changes but not approve; another reviewer does. A revision that
changes only comments (reviewers leave their notes there) or Wagtail's bookkeeping does
not make its author a writer. docs/security.md says why.
"""

import contextlib
import json

from wagtail.models import Revision

# Revision content that is not the guide's text: comments, tree position, publishing state.
BOOKKEEPING = {
    "wagtail_admin_comments",
    "comments",
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "live",
    "live_revision",
    "locked",
    "locked_at",
    "locked_by",
    "first_published_at",
    "last_published_at",
    "expired",
    "numchild",
    "path",
    "depth",
    "url_path",
    "owner",
    "pk",
}


def _without_block_ids(value):
    if isinstance(value, list):
        return [_without_block_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_block_ids(item) for key, item in value.items() if key != "id"}
    return value


def _text(revision):
    """The revision's text, with StreamField block ids left out (a re-save renumbers them)."""
    text = {}
    for key, value in revision.content.items():
        if key in BOOKKEEPING:
            continue
        if isinstance(value, str) and value.startswith("[{"):
            with contextlib.suppress(ValueError):
                value = _without_block_ids(json.loads(value))
        text[key] = value
    return text


def authors_under_review(obj, workflow_state):
    """The users whose writing the current review would put live."""
    revisions = Revision.objects.for_instance(obj).order_by("created_at", "pk")
    live_revision = getattr(obj, "live_revision", None)
    if live_revision is not None:
        revisions = revisions.filter(created_at__gte=live_revision.created_at)
    authors = set()
    previous = None
    for revision in revisions:
        if revision.pk != getattr(live_revision, "pk", None) and revision.user_id:
            if previous is None or _text(revision) != _text(previous):
                authors.add(revision.user_id)
        previous = revision
    if workflow_state is not None and workflow_state.requested_by_id:
        authors.add(workflow_state.requested_by_id)
    return authors


def may_sign_off(user, obj):
    return user.pk not in authors_under_review(obj, obj.current_workflow_state)
