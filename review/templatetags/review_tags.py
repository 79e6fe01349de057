from django import template

from ..changes import changes_since_approval
from ..links import admin_base_url
from ..models import review_credit_for

register = template.Library()


@register.inclusion_tag("review/changes_since_approval.html", takes_context=True)
def approval_summary(context, page):
    """For the approve dialog: what changed since the last approval, and the credit given."""
    request = context["request"]
    return {
        "changes": changes_since_approval(page, request),
        "credit": review_credit_for(request.user),
    }


@register.simple_tag
def site_address(obj=None):
    """The address links in emails start with: WAGTAILADMIN_BASE_URL when it is set,
    otherwise the guide's own Site record (the default site for anything else)."""
    return admin_base_url(obj)
