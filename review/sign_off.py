"""A second pair of eyes: nobody approves a medical review of their own work.

Clinical sign-off means someone other than the writer checked the text. Whoever
submitted the guide, and whoever wrote any revision since the version now live, may
request changes but not approve; another reviewer does. docs/security.md says why.
"""

from wagtail.models import Revision


def authors_under_review(obj, workflow_state):
    """The users whose work the current review would put live."""
    revisions = Revision.objects.for_instance(obj)
    live_revision = getattr(obj, "live_revision", None)
    if live_revision is not None:
        revisions = revisions.filter(created_at__gt=live_revision.created_at)
    authors = set(revisions.exclude(user=None).values_list("user_id", flat=True))
    if workflow_state is not None and workflow_state.requested_by_id:
        authors.add(workflow_state.requested_by_id)
    return authors


def may_sign_off(user, obj):
    return user.pk not in authors_under_review(obj, obj.current_workflow_state)
