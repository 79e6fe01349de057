"""Who moderates readers' comments (docs/deploy.md says the same).

Editors, Medical reviewers and Site managers see the Comments menu and may approve,
reject or mark comments as spam (change). Only Site managers add
replies as the team ("Reply from our team") and delete comments, which is how a
commenter's data is erased on request.
"""

from review.roles import EDITORS, MEDICAL_REVIEWERS, SITE_MANAGERS, _permission

MODERATE = [
    ("comments", "comment", "view_comment"),
    ("comments", "comment", "change_comment"),
    # The "Was this page helpful?" report (feedback/).
    ("feedback", "pagefeedback", "view_pagefeedback"),
]
COMMENT_PERMISSIONS = {
    EDITORS: MODERATE,
    MEDICAL_REVIEWERS: MODERATE,
    SITE_MANAGERS: MODERATE
    + [("comments", "comment", "add_comment"), ("comments", "comment", "delete_comment")],
}


def grant_comment_permissions(apps):
    Group = apps.get_model("auth", "Group")
    for name, permissions in COMMENT_PERMISSIONS.items():
        group = Group.objects.get_or_create(name=name)[0]
        group.permissions.add(*(_permission(apps, *p) for p in permissions))
