"""What changed in a guide since a reviewer last approved it (Wagtail's revision compare)."""

from django.urls import reverse

from .models import last_approved_revision


def changes_since_approval(page, request):
    """The changed fields' labels and the compare view's address, or None if never approved."""
    page = page.specific
    approved = last_approved_revision(page)
    latest = page.get_latest_revision()
    if approved is None or latest is None:
        return None
    before, after = approved.as_object(), latest.as_object()
    panel = page.get_edit_handler().get_bound_panel(instance=page, request=request, form=None)
    labels = []
    for comparison_class in panel.get_comparison():
        comparison = comparison_class(before, after)
        if comparison.has_changed():
            labels.append(str(comparison.field_label()))
    return {
        "fields": labels,
        "approved_at": approved.created_at,
        "compare_url": reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, approved.pk, latest.pk]
        ),
    }
