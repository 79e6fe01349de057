"""Find, and on request delete, everything a commenter sent, by their email address."""

from django.core.management.base import BaseCommand, CommandError

from comments.models import Comment


class Command(BaseCommand):
    help = "List a commenter's comments by email address; --delete erases them."

    def add_arguments(self, parser):
        parser.add_argument("email", help="The commenter's email address (any case).")
        parser.add_argument("--delete", action="store_true", help="Delete what is found.")

    def handle(self, *args, email, delete, **options):
        email = email.strip()
        if "@" not in email:
            raise CommandError("Give the commenter's email address.")
        comments = Comment.objects.filter(email__iexact=email).select_related("guide")
        for comment in comments:
            self.stdout.write(
                f"{comment.created_at:%Y-%m-%d} {comment.get_status_display()} "
                f"on {comment.guide.title!r}: {comment.text[:60]!r}"
            )
        count = len(comments)
        if delete:
            Comment.objects.filter(pk__in=[c.pk for c in comments]).delete()
            self.stdout.write(f"Deleted {count} comments sent from {email}.")
        else:
            self.stdout.write(f"Found {count} comments sent from {email}. Add --delete to erase.")
