"""Delete partner proposals' contact details older than the retention period (GDPR)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from agenda.models import PartnerSubmission


class Command(BaseCommand):
    help = (
        "Delete the contact details of partner proposals older than AGENDA_SUBMISSION_RETENTION_DAYS. "
        "The event pages themselves are kept. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.AGENDA_SUBMISSION_RETENTION_DAYS
        expired = PartnerSubmission.expired()
        count = expired.count()
        if dry_run:
            self.stdout.write(f"{count} partner submission(s) older than {days} days would be deleted.")
            return
        expired.delete()
        self.stdout.write(
            self.style.SUCCESS(f"Deleted {count} partner submission(s) older than {days} days.")
        )
