"""Re-expand recurring events so their occurrences reach the rolling horizon."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from agenda.models import EventOccurrence, EventPage
from core.cachetags import page_tag, type_tag
from core.dependencies import Dependents
from core.invalidation import invalidate


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
        above, tags = set(), {type_tag(EventPage)}
        steplen = Page.steplen
        for number, event in enumerate(events.iterator(chunk_size=500), start=1):
            above.update(event.path[:end] for end in range(steplen, len(event.path), steplen))
            tags.add(page_tag(event))
            with transaction.atomic():
                EventOccurrence.objects.filter(event_id=event.pk).delete()
                EventOccurrence.objects.bulk_create(event.build_occurrences())
            if number % step == 0 or number == total:
                self.stdout.write(f"    events: {number}/{total}")
        # What shows occurrences goes stale: the events, the lists of events (their API list) and
        # the pages above them (the agenda, its feeds and filtered views).
        tags |= {page_tag(pk) for pk in Page.objects.filter(path__in=above).values_list("pk", flat=True)}
        invalidate(Dependents(tags=tags))
        self.stdout.write(self.style.SUCCESS(f"Refreshed the occurrences of {total} event(s)."))
