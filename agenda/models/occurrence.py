"""Occurrences: each event's dates expanded into rows, so listings, feeds and the API can filter,
sort and paginate in the database whatever the recurrence."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.db import models
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class EventOccurrence(models.Model):
    """One occurrence of an event, written by ``EventPage.sync_occurrences``; never edited by hand."""

    event = models.ForeignKey(
        "agenda.EventPage",
        verbose_name=gettext_lazy("event"),
        on_delete=models.CASCADE,
        related_name="occurrences",
    )
    start = models.DateTimeField(gettext_lazy("start"))
    end = models.DateTimeField(gettext_lazy("end"), help_text=gettext_lazy("Exclusive, as in iCalendar."))
    all_day = models.BooleanField(gettext_lazy("all day"), default=False)
    key = models.CharField(
        gettext_lazy("key"),
        max_length=20,
        help_text=gettext_lazy("The local start; part of the occurrence's iCal UID."),
    )
    uid = models.CharField(gettext_lazy("iCal UID"), max_length=100)
    title = models.CharField(gettext_lazy("session title"), max_length=200, blank=True)

    class Meta:
        verbose_name = gettext_lazy("occurrence")
        verbose_name_plural = gettext_lazy("occurrences")
        ordering = ["start", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "key"], name="agenda_occurrence_unique_key")]
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def __str__(self):
        return f"{self.event_id} @ {self.key}"

    # --- Local time at the venue ------------------------------------------------------------

    @property
    def zone(self):
        return ZoneInfo(self.event.time_zone)

    def local_start(self):
        value = self.start.astimezone(self.zone)
        return value.date() if self.all_day else value

    def local_end(self):
        value = self.end.astimezone(self.zone)
        return value.date() if self.all_day else value

    def last_day(self):
        """The last day of an all-day occurrence (its end is exclusive)."""
        return self.local_end() - timedelta(days=1) if self.all_day else self.local_end().date()

    def human_when(self):
        """The date and time in the active language, e.g. '14 november 2026, 10:00–17:00'."""
        start, end = self.local_start(), self.local_end()
        if self.all_day:
            last = self.last_day()
            if last == start:
                return date_format(start, "DATE_FORMAT")
            return f"{date_format(start, 'DATE_FORMAT')} – {date_format(last, 'DATE_FORMAT')}"
        if start.date() == end.date():
            text = f"{date_format(start, 'DATE_FORMAT')}, {time_format(start, 'TIME_FORMAT')}–{time_format(end, 'TIME_FORMAT')}"
        else:
            text = (
                f"{date_format(start, 'DATE_FORMAT')} {time_format(start, 'TIME_FORMAT')} – "
                f"{date_format(end, 'DATE_FORMAT')} {time_format(end, 'TIME_FORMAT')}"
            )
        if self.event.time_zone != "Europe/Amsterdam":
            text += " " + _("(local time, %(zone)s)") % {"zone": self.event.time_zone}
        return text
