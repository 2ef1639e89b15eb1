"""Delete change-feed rows older than ``CHANGES_RETENTION_DAYS`` (recording prunes daily too)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from core import changes


class Command(BaseCommand):
    help = "Delete change-feed rows older than CHANGES_RETENTION_DAYS; older cursors then answer 410."

    def handle(self, *args, **options):
        deleted = changes.prune()
        state = changes.state()
        self.stdout.write(
            f"Deleted {deleted} change(s) older than {settings.CHANGES_RETENTION_DAYS} days; "
            f"the feed replays from cursor {state.horizon}."
        )
