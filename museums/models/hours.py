"""Opening hours as data: a weekly schedule and dated exceptions (see ``opening_hours``)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .. import opening_hours
from ..choices import Weekday


def _check_range(opens, closes, closes_next_day):
    """Field errors for one time range (``None`` times are checked by the caller)."""
    problem = opening_hours.range_problem(opens, closes, closes_next_day)
    if problem:
        raise ValidationError({"closes": problem})


class WeeklyOpeningHours(Orderable):
    """One opening range on a weekday; a day may have several (e.g. closed over lunch)."""

    museum = ParentalKey("museums.MuseumPage", on_delete=models.CASCADE, related_name="weekly_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"), help_text=_("Closing time; 00:00 with 'next day' means midnight."))
    closes_next_day = models.BooleanField(
        _("closes after midnight"),
        default=False,
        help_text=_("Tick when the range runs past midnight, e.g. 20:00–01:00."),
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes"), FieldPanel("closes_next_day")]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("weekly opening hours")
        verbose_name_plural = _("weekly opening hours")
        indexes = [models.Index(fields=["weekday", "opens", "closes"], name="museums_weekly_day_idx")]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens is not None and self.closes is not None:
            _check_range(self.opens, self.closes, self.closes_next_day)

    def as_range(self):
        return opening_hours.WeeklyRange(self.weekday, self.opens, self.closes, self.closes_next_day)


class OpeningHoursException(Orderable):
    """Different hours on dated days: closed on a holiday, an extra opening, or other hours for
    a date range (optionally only on one weekday, e.g. Mondays in the school holidays).

    On a day several exceptions apply to, the most specific one (shortest date range) wins;
    rows with the same range together give that day's ranges, and a closed row closes it.
    """

    museum = ParentalKey("museums.MuseumPage", on_delete=models.CASCADE, related_name="hours_exceptions")
    label = models.CharField(
        _("label"), max_length=120, blank=True, help_text=_("Shown to visitors, e.g. 'Eerste Kerstdag'.")
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), blank=True, help_text=_("Inclusive; empty for a single day."))
    weekday = models.PositiveSmallIntegerField(
        _("only on"),
        choices=Weekday.choices,
        null=True,
        blank=True,
        help_text=_("Apply only on this weekday within the dates (e.g. Mondays in the school holidays)."),
    )
    closed = models.BooleanField(_("closed"), default=False, help_text=_("Closed all day on these dates."))
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    closes_next_day = models.BooleanField(_("closes after midnight"), default=False)
    span_days = models.PositiveIntegerField(editable=False, default=0)

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("weekday")]),
        FieldRowPanel(
            [FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes"), FieldPanel("closes_next_day")]
        ),
        FieldPanel("label"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours exception")
        verbose_name_plural = _("opening hours exceptions")
        indexes = [models.Index(fields=["start_date", "end_date"], name="museums_exception_dates_idx")]

    def __str__(self):
        return f"{self.start_date}–{self.end_date or self.start_date} {self.label}".strip()

    def clean(self):
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
        if self.closed:
            if self.opens or self.closes:
                raise ValidationError({"opens": _("Leave the times empty when the museum is closed.")})
            return
        errors = {}
        if self.opens is None:
            errors["opens"] = _("Give an opening time, or tick 'closed'.")
        if self.closes is None:
            errors["closes"] = _("Give a closing time, or tick 'closed'.")
        if errors:
            raise ValidationError(errors)
        _check_range(self.opens, self.closes, self.closes_next_day)

    def save(self, *args, **kwargs):
        self.end_date = self.end_date or self.start_date
        self.span_days = (self.end_date - self.start_date).days
        super().save(*args, **kwargs)

    def as_exception(self):
        return opening_hours.DatedException(
            start=self.start_date,
            end=self.end_date or self.start_date,
            weekday=self.weekday,
            closed=self.closed,
            opens=self.opens,
            closes=self.closes,
            closes_next_day=self.closes_next_day,
            label=self.label,
        )
