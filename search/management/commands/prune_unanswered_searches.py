import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from search.models import UnansweredSearch


class Command(BaseCommand):
    help = "Delete the daily counts of searches that found nothing, once older than the reports."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=getattr(settings, "WAGTAILSEARCH_HITS_MAX_AGE", 30),
            help="Keep this many days (default: WAGTAILSEARCH_HITS_MAX_AGE).",
        )

    def handle(self, *args, days, **options):
        oldest = timezone.now().date() - datetime.timedelta(days=days)
        deleted, _by_model = UnansweredSearch.objects.filter(date__lt=oldest).delete()
        self.stdout.write(f"Deleted {deleted} daily counts older than {oldest}.")
