"""The timeline of an award edition: stages with dates and "where we are now".

Pure functions on dates (no database), so every boundary can be tested directly. An edition
moves through these stages, each with a start and an end date (one day for announcements)::

    applications (open → close) → longlist → nominees → public vote (open → close) → ceremony

Between two stages the edition is in a waiting phase (the jury assesses the applications after
they close; the votes are counted after the vote closes). Unknown dates are simply left out.
"""

from dataclasses import dataclass, fields
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Phase, Stage

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class TimelineDates:
    """The dates of an edition, in timeline order; any of them may be unknown (``None``)."""

    applications_open: date | None = None
    applications_close: date | None = None
    longlist: date | None = None
    nominees: date | None = None
    vote_open: date | None = None
    vote_close: date | None = None
    ceremony: date | None = None

    def known(self):
        return [(f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)]

    def is_empty(self):
        return not self.known()


DATE_LABELS = {
    "applications_open": _("applications open"),
    "applications_close": _("applications close"),
    "longlist": _("longlist announced"),
    "nominees": _("nominees announced"),
    "vote_open": _("public vote opens"),
    "vote_close": _("public vote closes"),
    "ceremony": _("award ceremony"),
}

# key, label, start field, end field
STEP_DEFINITIONS = [
    ("applications", _("Applications"), "applications_open", "applications_close"),
    ("longlist", _("Longlist"), "longlist", "longlist"),
    ("nominees", _("Nominees"), "nominees", "nominees"),
    ("public_vote", _("Public vote"), "vote_open", "vote_close"),
    ("ceremony", _("Award ceremony"), "ceremony", "ceremony"),
]

DONE, CURRENT, UPCOMING, UNKNOWN = "done", "current", "upcoming", "unknown"


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    start: date | None
    end: date | None
    status: str  # done, current, upcoming or unknown (no date and nothing later has started)

    @property
    def is_current(self):
        return self.status == CURRENT

    @property
    def is_range(self):
        return self.start is not None and self.end is not None and self.start != self.end


@dataclass(frozen=True)
class TimelineState:
    phase: str
    steps: list
    next_step: Step | None  # the first step still to come (None when everything is done)

    @property
    def current_step(self):
        return next((step for step in self.steps if step.is_current), None)

    @property
    def has_dates(self):
        return any(step.start or step.end for step in self.steps)

    @property
    def phase_label(self):
        return Phase(self.phase).label

    @property
    def is_open_for_applications(self):
        return self.phase == Phase.APPLICATIONS

    @property
    def is_voting(self):
        return self.phase == Phase.PUBLIC_VOTE


def _step_status(start, end, today):
    if start is None and end is None:
        return UNKNOWN
    start = start or end
    end = end or start
    if today < start:
        return UPCOMING
    if today > end:
        return DONE
    return CURRENT


def steps(dates, today):
    """The five steps with their status on ``today``.

    A step without dates counts as done once a later step has started, else as unknown.
    """
    result = []
    for key, label, start_field, end_field in STEP_DEFINITIONS:
        start, end = getattr(dates, start_field), getattr(dates, end_field)
        result.append([key, label, start, end, _step_status(start, end, today)])
    later_started = False
    for item in reversed(result):
        if item[4] in (DONE, CURRENT):
            later_started = True
        elif item[4] == UNKNOWN and later_started:
            item[4] = DONE
    return [Step(*item) for item in result]


def _boundaries(dates):
    """``(first day, phase)`` pairs in timeline order for the known dates."""
    pairs = [
        (dates.applications_open, Phase.APPLICATIONS),
        (dates.applications_close and dates.applications_close + ONE_DAY, Phase.JURY),
        (dates.longlist, Phase.LONGLIST),
        (dates.nominees, Phase.NOMINEES),
        (dates.vote_open, Phase.PUBLIC_VOTE),
        (dates.vote_close and dates.vote_close + ONE_DAY, Phase.VOTE_CLOSED),
        (dates.ceremony, Phase.CEREMONY),
        (dates.ceremony and dates.ceremony + ONE_DAY, Phase.COMPLETED),
    ]
    return [(day, phase) for day, phase in pairs if day is not None]


def phase(dates, today, *, has_winner=False):
    """The phase of an edition on ``today``.

    Without any date the edition is ``completed`` once a winner is recorded, else ``unknown``.
    Before the first known date it is ``announced``.
    """
    boundaries = _boundaries(dates)
    if not boundaries:
        return Phase.COMPLETED if has_winner else Phase.UNKNOWN
    current = Phase.ANNOUNCED
    for day, candidate in boundaries:
        if day <= today:
            current = candidate
    if has_winner and dates.ceremony is None and today >= boundaries[-1][0]:
        # A winner is known, no ceremony date is given and every known date has passed.
        current = Phase.COMPLETED
    return current


def state(dates, today, *, has_winner=False):
    """Phase, steps and the next step of an edition on ``today``."""
    all_steps = steps(dates, today)
    current_phase = phase(dates, today, has_winner=has_winner)
    if current_phase == Phase.COMPLETED:
        all_steps = [Step(s.key, s.label, s.start, s.end, DONE) for s in all_steps]
    upcoming = next((s for s in all_steps if s.status == UPCOMING), None)
    return TimelineState(phase=current_phase, steps=all_steps, next_step=upcoming)


def edition_state(edition, nominations, today=None):
    """The state of ``edition`` (an ``AwardEditionPage``) on ``today``.

    ``nominations`` are the edition's nominations as the reader sees them: an edition with a
    winner among them, or of a past year, counts as over.
    """
    today = today or timezone.localdate()
    finished = any(n.stage == Stage.WINNER for n in nominations) or edition.year < today.year
    return state(edition.timeline_dates(), today, has_winner=finished)


def date_order_errors(dates):
    """``{field: message}`` for each known date that comes before an earlier stage's date."""
    errors = {}
    previous_name = previous_day = None
    for name, day in dates.known():
        if previous_day is not None and day < previous_day:
            errors[name] = _("This date cannot be before the date of “%(earlier)s” (%(day)s).") % {
                "earlier": DATE_LABELS[previous_name],
                "day": previous_day.isoformat(),
            }
            continue
        previous_name, previous_day = name, day
    return errors
