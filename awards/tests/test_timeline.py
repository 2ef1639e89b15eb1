"""The edition timeline: the phase and each step's status before, during and after every stage."""

from datetime import date, timedelta

import pytest

from awards import timeline
from awards.choices import Phase
from awards.timeline import TimelineDates

D = TimelineDates(
    applications_open=date(2026, 1, 10),
    applications_close=date(2026, 2, 28),
    longlist=date(2026, 4, 1),
    nominees=date(2026, 6, 1),
    vote_open=date(2026, 9, 1),
    vote_close=date(2026, 10, 15),
    ceremony=date(2026, 11, 12),
)
DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D.applications_open - DAY, Phase.ANNOUNCED),
        (D.applications_open, Phase.APPLICATIONS),
        (D.applications_close, Phase.APPLICATIONS),
        (D.applications_close + DAY, Phase.JURY),
        (D.longlist - DAY, Phase.JURY),
        (D.longlist, Phase.LONGLIST),
        (D.nominees - DAY, Phase.LONGLIST),
        (D.nominees, Phase.NOMINEES),
        (D.vote_open - DAY, Phase.NOMINEES),
        (D.vote_open, Phase.PUBLIC_VOTE),
        (D.vote_close, Phase.PUBLIC_VOTE),
        (D.vote_close + DAY, Phase.VOTE_CLOSED),
        (D.ceremony - DAY, Phase.VOTE_CLOSED),
        (D.ceremony, Phase.CEREMONY),
        (D.ceremony + DAY, Phase.COMPLETED),
        (date(2030, 1, 1), Phase.COMPLETED),
    ],
)
def test_phase_before_during_and_after_each_stage(today, expected):
    assert timeline.phase(D, today) == expected


def _statuses(today, dates=D):
    return {step.key: step.status for step in timeline.steps(dates, today)}


def test_step_status_during_the_public_vote():
    assert _statuses(D.vote_open + DAY) == {
        "applications": "done",
        "longlist": "done",
        "nominees": "done",
        "public_vote": "current",
        "ceremony": "upcoming",
    }


def test_step_status_before_anything_and_on_an_announcement_day():
    assert set(_statuses(D.applications_open - DAY).values()) == {"upcoming"}
    on_longlist_day = _statuses(D.longlist)
    assert on_longlist_day["longlist"] == "current"
    assert on_longlist_day["applications"] == "done"
    assert on_longlist_day["nominees"] == "upcoming"


def test_state_names_the_current_and_the_next_step():
    state = timeline.state(D, D.applications_open + DAY)
    assert state.phase == Phase.APPLICATIONS
    assert state.current_step.key == "applications"
    assert state.next_step.key == "longlist"
    between = timeline.state(D, D.applications_close + DAY)
    assert between.current_step is None  # the jury is at work: no step is current
    assert between.next_step.key == "longlist"
    done = timeline.state(D, D.ceremony + DAY)
    assert done.next_step is None
    assert {step.status for step in done.steps} == {"done"}


def test_unknown_dates_are_left_out():
    only_ceremony = TimelineDates(ceremony=date(2024, 11, 14))
    assert timeline.phase(only_ceremony, date(2024, 11, 1)) == Phase.ANNOUNCED
    assert timeline.phase(only_ceremony, date(2024, 11, 15)) == Phase.COMPLETED
    statuses = _statuses(date(2024, 11, 14), only_ceremony)
    assert statuses["ceremony"] == "current"
    assert statuses["nominees"] == "done"  # undated steps before a started one count as done
    assert _statuses(date(2024, 11, 1), only_ceremony)["nominees"] == "unknown"


def test_no_dates_at_all():
    empty = TimelineDates()
    assert timeline.phase(empty, date(2024, 1, 1)) == Phase.UNKNOWN
    assert timeline.phase(empty, date(2024, 1, 1), has_winner=True) == Phase.COMPLETED


def test_a_recorded_winner_completes_an_edition_without_ceremony_date():
    dates = TimelineDates(vote_open=date(2024, 9, 1), vote_close=date(2024, 10, 1))
    assert timeline.phase(dates, date(2024, 10, 2)) == Phase.VOTE_CLOSED
    assert timeline.phase(dates, date(2024, 10, 2), has_winner=True) == Phase.COMPLETED
    assert timeline.phase(dates, date(2024, 9, 15), has_winner=True) == Phase.PUBLIC_VOTE


def test_date_order_errors_name_the_field_out_of_order():
    assert timeline.date_order_errors(D) == {}
    bad = TimelineDates(
        applications_open=date(2026, 3, 1), applications_close=date(2026, 2, 1), ceremony=date(2026, 1, 1)
    )
    errors = timeline.date_order_errors(bad)
    assert set(errors) == {"applications_close", "ceremony"}
    assert "applications open" in errors["applications_close"]
    # Gaps (unknown dates) are skipped: the ceremony is compared with the last known date.
    assert (
        timeline.date_order_errors(TimelineDates(longlist=date(2026, 1, 1), ceremony=date(2026, 2, 1))) == {}
    )
