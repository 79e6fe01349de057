"""POST data for the guide editor, built the way the admin form posts it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

RICH_TEXT_FIELDS = {"content", "summary", "text"}


def _list_block(items):
    data = {"count": len(items)}
    for position, item in enumerate(items):
        if isinstance(item, dict) and item.get("type") == "item":
            item = item["value"]  # A ListBlock item as stored, with its id.
        data[str(position)] = {"value": _block_value(item), "deleted": "", "order": position}
    return data


def _block_value(value):
    if isinstance(value, dict):
        converted = {}
        for key, child in value.items():
            if key in RICH_TEXT_FIELDS and isinstance(child, str):
                converted[key] = rich_text(child)
            elif isinstance(child, list):
                converted[key] = _list_block(child)
            elif child is None:
                converted[key] = ""
            else:
                converted[key] = child
        return converted
    return value


def body_data(body):
    """Form data for a body given as ``tests.factories`` (block_type, value) pairs."""
    return streamfield([(kind, _block_value(value)) for kind, value in body])


def guide_form(page=None, body=None, **fields):
    """The editor's form for ``page`` (or a new guide), with ``fields`` changed."""
    data = {
        "title": page.title if page else "Dystonia",
        "slug": page.slug if page else "dystonia",
        "summary": page.summary if page else "A movement disorder.",
        "also_known_as": page.also_known_as if page else "",
        "hero_image": "",
        "hero_image_alt": "",
        "reviewed_by": page.reviewed_by if page else "",
        "last_reviewed": page.last_reviewed.isoformat() if page and page.last_reviewed else "",
        "next_review_due": (
            page.next_review_due.isoformat() if page and page.next_review_due else ""
        ),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "related_guides": inline_formset([]),
        "comments": inline_formset([]),
    }
    if body is None:
        body = [(item["type"], item["value"]) for item in page.body.get_prep_value()]
    data["body"] = body_data(body)
    data.update(fields)
    return nested_form_data(data)


def was_denied(response):
    """Wagtail answers a refused action with 403, or a redirect to the login or dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and (
        "/login/" in response["Location"] or response["Location"] == "/admin/"
    )
