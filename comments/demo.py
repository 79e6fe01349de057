"""Demo readers' comments, written by the team for the demo site: no health claims."""

from conditions.models import ConditionPage

from .models import Comment

DEMO_COMMENTS = [
    ("Alex (demo)", "Clear and easy to read. The list of questions to ask was useful.", "approved"),
    (
        "The editorial team (demo)",
        "Thank you. We review every guide at least every three years; "
        "please talk to your doctor about your own care.",
        "approved",
    ),
    ("Robin (demo)", "Could you add a section on where to find support groups?", "approved"),
    (
        "Sam (demo)",
        "This comment is waiting for a moderator, as every new comment does.",
        "awaiting",
    ),
]


def add_demo_comments():
    """A few approved comments and one awaiting moderation, on the first live guide."""
    guide = ConditionPage.objects.live().public().order_by("path").first()
    if guide is None or Comment.objects.exists():
        return
    first = None
    for name, text, status in DEMO_COMMENTS:
        staff = name.startswith("The editorial team")
        comment = Comment.objects.create(
            guide=guide,
            name=name,
            email="demo@example.org",
            text=text,
            status=status,
            is_staff_reply=staff,
            reply_to=first if staff else None,  # The team answers the first comment.
        )
        first = first or comment
