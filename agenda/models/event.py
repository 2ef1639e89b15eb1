"""The event page: what, when (sessions and recurrence), where, registration and the iCal identity."""

import hashlib
import json
import uuid

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.signals import post_page_move

from core.blocks import BaseStreamBlock
from core.models import BasePage

from ..choices import (
    AttendanceMode,
    EventAudience,
    EventStatus,
    EventType,
    Province,
    Recurrence,
    RegistrationState,
    TimeZone,
)
from ..context import event_context
from ..feeds import event_ical
from ..jsonld import event_json_ld
from ..recurrence import DateChange, expand, local_bounds, make_aware
from ..serializers import event_data, venue
from .occurrence import CancelledOccurrence, EventOccurrence


class EventPage(RoutablePageMixin, BasePage):
    """One activity in the agenda, with its sessions or recurrence expanded into occurrences."""

    event_type = models.CharField(_("event type"), max_length=30, choices=EventType.choices)
    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("One paragraph shown above the body and in feeds."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        help_text=_(
            "Shown above the event and on its card; the image's description is its alternative text."
        ),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField(
        "core.Theme", verbose_name=_("themes"), blank=True, related_name="events"
    )
    dossiers = ParentalManyToManyField(
        "core.Dossier", verbose_name=_("dossiers"), blank=True, related_name="events"
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=EventAudience.choices, default=EventAudience.EVERYONE
    )

    # When: local wall-clock values in the venue's time zone.
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Local time at the venue; leave empty for all-day events."),
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Only for events that last several days; the start date when empty."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TimeZone.choices,
        default=TimeZone.AMSTERDAM,
        help_text=_("The venue's time zone; taken from the museum when the venue is a museum."),
    )
    recurrence = models.CharField(
        _("repeats"), max_length=20, choices=Recurrence.choices, blank=True, default=""
    )
    recurrence_interval = models.PositiveSmallIntegerField(
        _("every"), default=1, help_text=_("1 = every week or month, 2 = every other, ...")
    )
    recurrence_until = models.DateField(_("repeat until"), null=True, blank=True)
    recurrence_count = models.PositiveSmallIntegerField(
        _("number of times"), null=True, blank=True, help_text=_("Instead of an end date.")
    )

    attendance_mode = models.CharField(
        _("attendance"), max_length=20, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    previous_start = models.DateTimeField(
        _("previous start"),
        null=True,
        blank=True,
        help_text=_("For rescheduled events: when it was planned before."),
    )

    # Where: a museum page or a free address.
    venue_museum = models.ForeignKey(
        "museums.MuseumPage",
        verbose_name=_("museum"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,  # an event does not lose its venue silently (core.deletion)
        related_name="events",
        help_text=_("Choose a museum, or fill in the address below."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=200, blank=True)
    venue_postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    venue_city = models.CharField(_("city"), max_length=100, blank=True)
    venue_province = models.CharField(_("province"), max_length=10, choices=Province.choices, blank=True)
    venue_latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    venue_longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    online_url = models.URLField(
        _("online address"),
        blank=True,
        help_text=_("The stream or meeting link; required for online and mixed events."),
    )

    registration_url = models.URLField(_("registration address"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    price_member = models.DecimalField(
        _("price for members"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("In euros; 0 for free."),
    )
    price_non_member = models.DecimalField(
        _("price for non-members"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    registration_full = models.BooleanField(
        _("full"), default=False, help_text=_("Tick when no places are left.")
    )

    organiser = models.ForeignKey(
        "core.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,  # an event does not lose its venue silently (core.deletion)
        related_name="events",
        help_text=_("Leave empty when the association organises it."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    ical_uid = models.UUIDField(_("iCal UID"), default=uuid.uuid4, editable=False)
    ical_sequence = models.PositiveIntegerField(_("iCal sequence"), default=0, editable=False)
    schedule_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("audience")]),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("themes"),
        FieldPanel("dossiers"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldRowPanel([FieldPanel("all_day"), FieldPanel("time_zone")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("previous_start")]),
            ],
            heading=_("Date and time"),
        ),
        InlinePanel("sessions", label=_("Further sessions")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("recurrence"), FieldPanel("recurrence_interval")]),
                FieldRowPanel([FieldPanel("recurrence_until"), FieldPanel("recurrence_count")]),
            ],
            heading=_("Recurrence"),
        ),
        InlinePanel("exception_dates", label=_("Dates it does not take place, or moves")),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                PageChooserPanel("venue_museum", "museums.MuseumPage"),
                FieldPanel("venue_name"),
                FieldRowPanel([FieldPanel("venue_address"), FieldPanel("venue_postcode")]),
                FieldRowPanel([FieldPanel("venue_city"), FieldPanel("venue_province")]),
                FieldRowPanel([FieldPanel("venue_latitude"), FieldPanel("venue_longitude")]),
                FieldPanel("online_url"),
            ],
            heading=_("Venue"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("capacity")]),
                FieldRowPanel([FieldPanel("price_member"), FieldPanel("price_non_member")]),
                FieldPanel("registration_full"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("organiser"),
        FieldPanel("body"),
        InlinePanel("speakers", label=_("Speakers")),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.SearchField("venue_city"),
        index.FilterField("event_type"),
        index.FilterField("start_date"),
        index.FilterField("status"),
        index.RelatedFields("speakers", [index.SearchField("name")]),
        index.RelatedFields("organiser", [index.SearchField("name")]),
    ]

    parent_page_types = ["agenda.AgendaIndexPage"]
    subpage_types = []
    exclude_fields_in_copy = ["ical_uid", "ical_sequence", "schedule_fingerprint"]
    schema_type = "Event"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            # The agenda's filters join every listed occurrence to its event: this narrow copy of
            # the filtered columns answers them without reading the wide page rows.
            models.Index(
                fields=[
                    "page_ptr",
                    "event_type",
                    "attendance_mode",
                    "audience",
                    "status",
                    "venue_province",
                    "venue_museum",
                    "organiser",
                ],
                name="agenda_event_filters",
            )
        ]

    # --- Validation ---------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.venue_museum_id and getattr(self.venue_museum, "timezone", ""):
            self.time_zone = self.venue_museum.timezone
        if not self.all_day:
            if self.start_time is None:
                errors["start_time"] = _("Enter a start time, or mark the event as all day.")
            if self.end_time is None:
                errors["end_time"] = _("Enter an end time, or mark the event as all day.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end must be after the start.")
        elif self.start_date and not errors and not self.all_day:
            start, end = local_bounds(self.start_date, self.start_time, self.end_date, self.end_time, False)
            if end <= start:
                errors["end_time"] = _("The end must be after the start.")
        if (
            self.registration_deadline
            and self.start_date
            and not errors
            and self.registration_deadline >= self.local_start()
        ):
            errors["registration_deadline"] = _("The registration deadline must be before the start.")
        if self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.MIXED) and not self.online_url:
            errors["online_url"] = _("Online and mixed events need an online address.")
        if self.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.MIXED) and not (
            self.venue_museum_id or self.venue_name or self.venue_city
        ):
            errors["venue_name"] = _("Choose a museum or enter a venue for events people attend in person.")
        if self.status == EventStatus.RESCHEDULED and not self.previous_start:
            errors["previous_start"] = _("Enter the previous start of a rescheduled event.")
        if (
            self.recurrence
            and self.recurrence_until
            and self.start_date
            and self.recurrence_until < self.start_date
        ):
            errors["recurrence_until"] = _("The recurrence must end after the first date.")
        if (self.recurrence_until or self.recurrence_count) and not self.recurrence:
            errors["recurrence"] = _("Choose how the event repeats, or clear the end of the recurrence.")
        if (self.venue_latitude is None) != (self.venue_longitude is None):
            errors["venue_longitude"] = _("Enter both latitude and longitude, or neither.")
        for change in self.exception_dates.all():
            if change.moved_to_time and not change.moved_to_date:
                errors["exception_dates"] = _("A new time needs a new date: enter the date it moves to.")
            elif change.moved_to_date and change.moved_to_date == change.date and not change.moved_to_time:
                errors["exception_dates"] = _("A move needs another date or time than the original.")
        for session in self.sessions.all():
            if (
                not self.all_day
                and session.start_time
                and session.end_time
                and session.end_time <= session.start_time
            ):
                errors["sessions"] = _("Each session must end after it starts.")
        if errors:
            raise ValidationError(errors)

    # --- Occurrences ----------------------------------------------------------------------

    def local_start(self):
        start, _end = local_bounds(
            self.start_date, self.start_time, self.end_date, self.end_time, self.all_day
        )
        return make_aware(start, self.time_zone)

    def get_slots(self, today=None):
        """Every occurrence of this event (unsaved), from its fields and inlines."""
        return expand(
            start_date=self.start_date,
            start_time=self.start_time,
            end_date=self.end_date,
            end_time=self.end_time,
            all_day=self.all_day,
            tz_name=self.time_zone,
            recurrence=self.recurrence,
            interval=self.recurrence_interval,
            until=self.recurrence_until,
            count=self.recurrence_count,
            exceptions=[e.as_change() for e in self.exception_dates.all()],
            sessions=[(s.date, s.start_time, s.end_time, s.title) for s in self.sessions.all()],
            today=today,
        )

    def _fingerprint(self):
        data = [
            self.title,
            self.status,
            self.time_zone,
            self.all_day,
            str(self.start_date),
            str(self.start_time),
            str(self.end_date),
            str(self.end_time),
            self.recurrence,
            self.recurrence_interval,
            str(self.recurrence_until),
            self.recurrence_count,
            self.venue_museum_id,
            self.venue_name,
            self.venue_address,
            self.venue_city,
            self.online_url,
            sorted(f"{e.date} {e.moved_to_date} {e.moved_to_time}" for e in self.exception_dates.all()),
            sorted(f"{s.date} {s.start_time} {s.end_time}" for s in self.sessions.all()),
        ]
        return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()

    def save(self, *args, **kwargs):
        full_save = kwargs.get("update_fields") is None
        if full_save:
            fingerprint = self._fingerprint()
            if self.schedule_fingerprint and fingerprint != self.schedule_fingerprint:
                self.ical_sequence += 1  # calendars replace the copy they hold
            self.schedule_fingerprint = fingerprint
        with transaction.atomic():
            result = super().save(*args, **kwargs)
            if full_save:
                self.sync_occurrences()
            elif self.pk:
                # live, alias or path may have changed (unpublish, alias conversion, ...)
                EventOccurrence.objects.filter(event_id=self.pk).update(**EventOccurrence.page_fields(self))
        return result

    def sync_occurrences(self, today=None):
        """Rewrite this event's rows in ``EventOccurrence`` (done on every full save).

        A UID that leaves the occurrences (a cancelled date, a shortened series) is kept in
        ``CancelledOccurrence``, so subscribed calendars learn that it is cancelled; a UID that
        comes back leaves that table."""
        new = self.build_occurrences(today=today)
        uids = {occurrence.uid for occurrence in new}
        old = EventOccurrence.objects.filter(event_id=self.pk)
        cancelled = CancelledOccurrence.objects.filter(event_id=self.pk)
        cancelled.filter(uid__in=uids).delete()
        known = set(cancelled.values_list("uid", flat=True))
        CancelledOccurrence.objects.bulk_create(
            CancelledOccurrence(
                event_id=self.pk,
                start=o.start,
                end=o.end,
                all_day=o.all_day,
                key=o.key,
                uid=o.uid,
                title=o.title,
            )
            for o in old.exclude(uid__in=uids).only("start", "end", "all_day", "key", "uid", "title")
            if o.uid not in known
        )
        old.delete()
        EventOccurrence.objects.bulk_create(new)

    def build_occurrences(self, today=None):
        """Unsaved ``EventOccurrence`` rows for this event.

        The UID is stable per occurrence: the event's UUID alone for a single date (so a
        moved event updates in calendars), plus the original local date for a series (so a
        series keeps its UIDs when its time changes, and a moved occurrence keeps its own).
        """
        slots = self.get_slots(today=today)
        series = len(slots) > 1 or bool(self.recurrence)
        page_fields = EventOccurrence.page_fields(self)
        return [
            EventOccurrence(
                **page_fields,
                event_id=self.pk,
                start=s.start,
                end=s.end,
                all_day=s.all_day,
                key=s.key,
                title=s.title,
                original_start=s.original_start,
                uid=f"{self.ical_uid}-{s.key}@museumsite" if series else f"{self.ical_uid}@museumsite",
            )
            for s in slots
        ]

    # --- State ----------------------------------------------------------------------------

    @property
    def is_partner_event(self):
        return self.organiser_id is not None and self.organiser.kind != "association"

    def registration_state(self, now=None):
        now = now or timezone.now()
        if not self.registration_url:
            return RegistrationState.NONE
        if now >= self.local_start():
            return RegistrationState.PAST
        if self.registration_full:
            return RegistrationState.FULL
        if self.registration_deadline and now > self.registration_deadline:
            return RegistrationState.CLOSED
        return RegistrationState.OPEN

    # --- Presentation (the agenda's context, serializers, jsonld and feeds modules) --------

    def get_venue(self):
        """The venue as a dict (museum or free address), or ``None`` for online-only events."""
        return venue(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context

    def get_json_ld(self, request=None):
        return event_json_ld(self, super().get_json_ld(request), request)

    def get_api_data(self, request=None):
        return {**super().get_api_data(request), **event_data(self, request)}

    # --- Routes ---------------------------------------------------------------------------

    @path("ical/", name="ical")
    def ical(self, request):
        return event_ical(self, request)


class EventSession(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("E.g. 'Day 2: practice'."))

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("title"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")


class EventExceptionDate(Orderable):
    """A date of a recurring event that is cancelled, or moved to another date and time."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="exception_dates")
    date = models.DateField(
        _("date"), help_text=_("A date on which the recurring event does not take place.")
    )
    moved_to_date = models.DateField(
        _("moved to"),
        null=True,
        blank=True,
        help_text=_("Leave empty when it is cancelled; fill in when it takes place on another date instead."),
    )
    moved_to_time = models.TimeField(
        _("at"), null=True, blank=True, help_text=_("Empty: the series' usual time.")
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("moved_to_date"), FieldPanel("moved_to_time")])]

    def as_change(self):
        return DateChange(self.date, self.moved_to_date, self.moved_to_time)

    class Meta(Orderable.Meta):
        verbose_name = _("exception date")
        verbose_name_plural = _("exception dates")


class EventSpeaker(Orderable):
    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("E.g. 'director, Fries Museum'.")
    )
    url = models.URLField(_("web page"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name


@receiver(post_page_move, dispatch_uid="agenda-occurrences-moved")
def occurrences_follow_move(sender, instance, **kwargs):
    """A moved page takes its subtree to new paths: the occurrences of the events in it follow."""
    path = Page.objects.filter(pk=instance.pk).values_list("path", flat=True).first()
    if path:
        EventOccurrence.refresh_page_fields(Page.objects.filter(path__startswith=path))
