"""Occurrences: each event's dates expanded into rows, so listings, feeds and the API can filter,
sort and paginate in the database whatever the recurrence."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.lookups import In
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class _InFirst(In):
    """``IN (subquery)`` that PostgreSQL evaluates before the joins (``= ANY(ARRAY(...))``, an
    init plan) rather than planning it as a semi-join after joining every matching row."""

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY(ARRAY{rhs})", (*lhs_params, *rhs_params)


class OccurrenceQuerySet(models.QuerySet):
    """Occurrences; ``windowed()`` makes slices pick their rows first.

    A listing's window (``[40:60]`` ordered by start) joins the event, its page, venue and
    organiser for 20 rows. Asked directly, a database may join all the matching rows and sort
    them afterwards; a windowed queryset slices as ``pk IN (SELECT id ... ORDER BY ... LIMIT
    20 OFFSET 40)``, the ordering and filters on the occurrence table alone, and joins only the
    rows of the window. Same rows, same order, same number of queries.
    """

    _windowed = False

    def windowed(self):
        clone = self._chain()
        clone._windowed = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._windowed = self._windowed
        return clone

    def __getitem__(self, k):
        if not (self._windowed and isinstance(k, slice) and self._result_cache is None):
            return super().__getitem__(k)
        plain = self._chain()
        plain._windowed = False
        return plain.filter(_InFirst(F("pk"), plain.values("pk")[k]))


class LocalTimes:
    """The start and end of an occurrence (``start``, ``end``, ``all_day`` and ``event``) in
    the venue's time, and as people read them."""

    @property
    def zone(self):
        return ZoneInfo(self.event.time_zone)

    def local_start(self):
        value = self.start.astimezone(self.zone)
        return value.date() if self.all_day else value

    def local_end(self):
        value = self.end.astimezone(self.zone)
        return value.date() if self.all_day else value

    def local_original_start(self):
        """Where a moved occurrence was before its move (``None`` when it was not moved)."""
        original = getattr(self, "original_start", None)
        if original is None:
            return None
        value = original.astimezone(self.zone)
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


class EventOccurrence(LocalTimes, models.Model):
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
    original_start = models.DateTimeField(
        gettext_lazy("original start"),
        null=True,
        blank=True,
        help_text=gettext_lazy(
            "Where the rule put this occurrence before it was moved (iCal RECURRENCE-ID)."
        ),
    )

    objects = OccurrenceQuerySet.as_manager()
    # Copies of the event page's fields that decide who sees it (``core.visibility``), so the
    # listing's count and window run on this table alone. Written with the rows; kept in step
    # on publish, unpublish and every save (``EventPage.save``) and on moves (``post_page_move``).
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=gettext_lazy("locale"), on_delete=models.CASCADE, related_name="+"
    )
    live = models.BooleanField(gettext_lazy("live"), default=False)
    is_alias = models.BooleanField(gettext_lazy("alias"), default=False)
    path = models.CharField(gettext_lazy("page path"), max_length=255, default="")

    class Meta:
        verbose_name = gettext_lazy("occurrence")
        verbose_name_plural = gettext_lazy("occurrences")
        ordering = ["start", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "key"], name="agenda_occurrence_unique_key")]
        indexes = [
            models.Index(fields=["start"]),
            models.Index(fields=["end"]),
            # the listing by language, by start (window) or by end (count, archive); the other
            # columns cover the visibility test, so neither reads the table (SQLite does not seek
            # on bare boolean terms, hence the booleans after the range column)
            models.Index(
                fields=["locale", "start", "end", "live", "is_alias", "path", "event"],
                name="agenda_occ_listing_start",
            ),
            models.Index(
                fields=["locale", "end", "start", "live", "is_alias", "path", "event"],
                name="agenda_occ_listing_end",
            ),
        ]

    def __str__(self):
        return f"{self.event_id} @ {self.key}"

    @classmethod
    def page_fields(cls, page):
        """The copied page fields of ``page``'s occurrences, as keyword arguments."""
        return {
            "locale_id": page.locale_id,
            "live": page.live,
            "is_alias": page.alias_of_id is not None,
            "path": page.path,
        }

    @classmethod
    def refresh_page_fields(cls, pages):
        """Copy the page fields again onto the occurrences of the event pages in ``pages``
        (a queryset of pages, e.g. a moved subtree)."""
        event_pages = pages.model.objects.filter(pk=OuterRef("event_id"))
        cls.objects.filter(event_id__in=pages.values("pk")).update(
            locale_id=Subquery(event_pages.values("locale_id")[:1]),
            live=Subquery(event_pages.values("live")[:1]),
            is_alias=Subquery(
                event_pages.annotate(
                    aliased=ExpressionWrapper(Q(alias_of__isnull=False), output_field=models.BooleanField())
                ).values("aliased")[:1]
            ),
            path=Subquery(event_pages.values("path")[:1]),
        )


class CancelledOccurrence(LocalTimes, models.Model):
    """An occurrence that calendars hold and that no longer takes place: its date was cancelled
    or the series changed under it (a shorter rule, a new time on an old key scheme).

    ``EventPage.sync_occurrences`` keeps one row per UID that left the event's occurrences, so
    feeds can tell subscribed calendars (``STATUS:CANCELLED``) instead of leaving a stale entry;
    a UID that comes back (the date is restored) leaves this table again."""

    event = models.ForeignKey(
        "agenda.EventPage",
        verbose_name=gettext_lazy("event"),
        on_delete=models.CASCADE,
        related_name="cancelled_occurrences",
    )
    start = models.DateTimeField(gettext_lazy("start"))
    end = models.DateTimeField(gettext_lazy("end"))
    all_day = models.BooleanField(gettext_lazy("all day"), default=False)
    key = models.CharField(gettext_lazy("key"), max_length=20)
    uid = models.CharField(gettext_lazy("iCal UID"), max_length=100)
    title = models.CharField(gettext_lazy("session title"), max_length=200, blank=True)
    cancelled_at = models.DateTimeField(gettext_lazy("cancelled at"), auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("cancelled occurrence")
        verbose_name_plural = gettext_lazy("cancelled occurrences")
        ordering = ["start", "pk"]
        constraints = [models.UniqueConstraint(fields=["event", "uid"], name="agenda_cancelled_unique_uid")]
        indexes = [models.Index(fields=["event", "end"])]

    def __str__(self):
        return f"{self.event_id} @ {self.key} (cancelled)"
