"""Email the moderators how many readers' comments wait for moderation.

Run daily from cron (docs/deploy.md). Sends nothing when none wait.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from comments.models import Comment
from comments.roles import COMMENT_PERMISSIONS


class Command(BaseCommand):
    help = "Email the comment moderators a digest of comments awaiting moderation."

    def handle(self, *args, **options):
        waiting = Comment.objects.filter(status=Comment.Status.AWAITING).count()
        if not waiting:
            self.stdout.write("No comments are awaiting moderation; no email sent.")
            return
        recipients = list(
            get_user_model()
            .objects.filter(groups__name__in=list(COMMENT_PERMISSIONS), is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
        )
        if not recipients:
            self.stdout.write(f"No moderator has an email address; {waiting} waiting.")
            return
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("comments_comment:index")
        subject = ngettext(
            "%(n)s reader's comment is awaiting moderation",
            "%(n)s readers' comments are awaiting moderation",
            waiting,
        ) % {"n": waiting}
        body = _("Approve, reject or mark them as spam in the admin:\n%(url)s\n") % {"url": url}
        from_email = getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None)
        # One message per moderator, so no one sees the others' addresses.
        for email in recipients:
            send_mail(subject, body, from_email, [email])
        self.stdout.write(f"Sent the digest of {waiting} comments to {len(recipients)} moderators.")
