"""Email the medical reviewers the guides that are overdue or due for review soon.

Run daily from cron (docs/deploy.md). Sends nothing when no guide is due.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from review.reports import DUE_SOON_DAYS, guides_due_for_review
from review.roles import MEDICAL_REVIEWERS


class Command(BaseCommand):
    help = "Email the medical reviewers a digest of guides due for review."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=DUE_SOON_DAYS,
            help="Include guides due within this many days (default %(default)s).",
        )

    def handle(self, *args, **options):
        guides = list(guides_due_for_review(days=options["days"]))
        if not guides:
            self.stdout.write("No guides are due for review; no email sent.")
            return
        recipients = list(
            get_user_model()
            .objects.filter(groups__name=MEDICAL_REVIEWERS, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
        )
        if not recipients:
            self.stdout.write(f"No medical reviewer has an email address; {len(guides)} due.")
            return

        today = timezone.localdate()
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        for guide in guides:
            guide.admin_url = base_url + reverse("wagtailadmin_pages:edit", args=[guide.pk])
        context = {
            "count": len(guides),
            "overdue": [guide for guide in guides if guide.next_review_due < today],
            "due_soon": [guide for guide in guides if guide.next_review_due >= today],
            "days": options["days"],
            "report_url": base_url + reverse("review_due_report"),
        }
        subject = render_to_string("review/emails/digest_subject.txt", context).strip()
        body = render_to_string("review/emails/digest.txt", context)
        from_email = getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None)
        # One message per reviewer, so no one sees the others' addresses.
        for email in recipients:
            send_mail(subject, body, from_email, [email])
        self.stdout.write(f"Sent the review digest ({len(guides)} guides) to {len(recipients)}.")
