"""Re-expand recurring events so their occurrences reach the rolling horizon."""

from django.core.management.base import BaseCommand
from django.db import transaction

from agenda.models import EventOccurrence, EventPage


class Command(BaseCommand):
    help = (
        "Rewrite the occurrences of recurring events (those with a rule) up to today plus "
        "AGENDA_RECURRENCE_HORIZON_DAYS. Run it daily or weekly; --all rewrites every event."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Every event, not only recurring ones.")

    def handle(self, *args, all=False, **options):
        events = EventPage.objects.all() if all else EventPage.objects.exclude(recurrence="")
        events = events.prefetch_related("sessions", "exception_dates").order_by("pk")
        total = events.count()
        step = max(1, total // 20)
        for number, event in enumerate(events.iterator(chunk_size=500), start=1):
            with transaction.atomic():
                EventOccurrence.objects.filter(event_id=event.pk).delete()
                EventOccurrence.objects.bulk_create(event.build_occurrences())
            if number % step == 0 or number == total:
                self.stdout.write(f"    events: {number}/{total}")
        self.stdout.write(self.style.SUCCESS(f"Refreshed the occurrences of {total} event(s)."))
