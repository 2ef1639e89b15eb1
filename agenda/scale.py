"""Scale data for the benchmarks: 50,000 events (at factor 1) under the agenda page.

Pages go into the tree with ``ctx.bulk_add_pages`` (no per-page ``add_child``), occurrences
and theme/dossier links with ``bulk_create``. 5 % of the events repeat weekly (10 times), 3 %
have three sessions, 10 % take place at a museum when museum pages exist. The generated pages are live but not in the
search index (``manage.py update_index`` adds them).
"""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from core.models import Dossier, Organisation, Theme
from core.seeding import seed_step
from museums.choices import Province
from museums.models import MuseumPage

from .choices import AttendanceMode, EventAudience, EventStatus, EventType, Recurrence
from .models import AgendaIndexPage, EventOccurrence, EventPage
from .recurrence import expand

FULL_SIZE = 50_000
BATCH = 1000


def _agenda(ctx, locale):
    """The agenda the scale events go under (made under the home page if missing)."""
    agenda = AgendaIndexPage.objects.filter(locale=locale).order_by("path").first()
    if agenda is not None:
        return agenda
    return ctx.get_or_create_page(
        ctx.home, AgendaIndexPage, slug="agenda", defaults={"title": "Agenda", "show_in_menus": True}
    )


def _event_fields(ctx, number, museums, partners):
    rng = ctx.rng
    today = timezone.localdate()
    kind = rng.choice(EventType.values)
    mode = rng.choices(AttendanceMode.values, weights=[6, 3, 1])[0]
    start = today + datetime.timedelta(days=rng.randint(-365, 365))
    hour = rng.randint(9, 19)
    fields = {
        "event_type": kind,
        "audience": rng.choice(EventAudience.values),
        "attendance_mode": mode,
        "status": rng.choices(EventStatus.values, weights=[94, 4, 1, 1])[0],
        "start_date": start,
        "start_time": datetime.time(hour),
        "end_time": datetime.time(hour + rng.randint(1, 3)),
        "time_zone": "Europe/Amsterdam",
        "intro": f"Schaaltest-evenement {number} (demo).",
        "online_url": "https://example.org/stream" if mode != AttendanceMode.IN_PERSON else "",
        "organiser_id": rng.choice(partners) if partners and kind == EventType.PARTNER_ACTIVITY else None,
    }
    if fields["status"] == EventStatus.RESCHEDULED:
        fields["previous_start"] = timezone.make_aware(datetime.datetime.combine(start, datetime.time(hour)))
    if mode != AttendanceMode.ONLINE:
        if museums and rng.random() < 0.1:
            fields["venue_museum_id"] = rng.choice(museums)
        else:
            fields.update(
                venue_name=f"Demo-locatie {number}",
                venue_city="Demo-stad",
                venue_province=rng.choice(Province.values),
            )
    if rng.random() < 0.05:
        fields.update(recurrence=Recurrence.WEEKLY, recurrence_count=10)
    return fields


def _slots(fields, rng):
    sessions = []
    if not fields.get("recurrence") and rng.random() < 0.03:
        sessions = [
            (
                fields["start_date"] + datetime.timedelta(days=7 * n),
                fields["start_time"],
                fields["end_time"],
                f"Sessie {n + 1}",
            )
            for n in (1, 2)
        ]
    return expand(
        start_date=fields["start_date"],
        start_time=fields["start_time"],
        end_date=None,
        end_time=fields["end_time"],
        all_day=False,
        tz_name=fields["time_zone"],
        recurrence=fields.get("recurrence", ""),
        count=fields.get("recurrence_count"),
        sessions=sessions,
    )


@seed_step(kind="scale", order=40, label="agenda")
def generate(ctx):
    locale = ctx.locale("nl")
    agenda = _agenda(ctx, locale)
    prefix = f"schaal-{ctx.seed}-"
    if EventPage.objects.child_of(agenda).filter(slug__startswith=prefix).exists():
        ctx.log(f"    scale events with seed {ctx.seed} exist already; nothing to do")
        return
    count = ctx.scaled(FULL_SIZE)
    themes = list(Theme.objects.filter(locale=locale).values_list("pk", flat=True))
    dossiers = list(Dossier.objects.filter(locale=locale).values_list("pk", flat=True))
    partners = list(
        Organisation.objects.exclude(kind=Organisation.Kind.ASSOCIATION).values_list("pk", flat=True)
    )
    museums = list(MuseumPage.objects.live().filter(locale=locale).values_list("pk", flat=True)[:5000])

    for numbers in ctx.batches(count, BATCH, "events"):
        with transaction.atomic():
            events, extras = [], []
            for number in numbers:
                fields = _event_fields(ctx, number, museums, partners)
                title = f"{EventType(fields['event_type']).label.capitalize()} {number} (schaaltest)"
                events.append(
                    EventPage(slug=f"{prefix}{number:06d}", title=title, ical_uid=uuid.uuid4(), **fields)
                )
                extras.append(fields)
            ctx.bulk_add_pages(agenda, events)
            occurrences, theme_links, dossier_links = [], [], []
            for event, fields in zip(events, extras, strict=True):
                slots = _slots(fields, ctx.rng)
                series = len(slots) > 1
                occurrences += [
                    EventOccurrence(
                        **EventOccurrence.page_fields(event),
                        event_id=event.pk,
                        start=s.start,
                        end=s.end,
                        all_day=False,
                        key=s.key,
                        title=s.title,
                        uid=f"{event.ical_uid}-{s.key}@museumsite"
                        if series
                        else f"{event.ical_uid}@museumsite",
                    )
                    for s in slots
                ]
                for theme in ctx.rng.sample(themes, k=min(len(themes), ctx.rng.randint(0, 2))):
                    theme_links.append(EventPage.themes.through(eventpage_id=event.pk, theme_id=theme))
                if dossiers and ctx.rng.random() < 0.5:
                    dossier_links.append(
                        EventPage.dossiers.through(eventpage_id=event.pk, dossier_id=ctx.rng.choice(dossiers))
                    )
            EventOccurrence.objects.bulk_create(occurrences, batch_size=2000)
            EventPage.themes.through.objects.bulk_create(theme_links, batch_size=2000)
            EventPage.dossiers.through.objects.bulk_create(dossier_links, batch_size=2000)
    ctx.log(
        f"    {count} events, {EventOccurrence.objects.filter(event__slug__startswith=prefix).count()} occurrences"
    )
