"""What the awards pages hand to their templates.

Each page shows what its reader may see (``Visibility.for_request``): a member who is logged in
finds the editions of a members-only section, an anonymous reader does not. Every function runs
a constant number of queries, whatever the number of editions and nominations.
"""

from django.utils import timezone

from core.fragments import Lazy
from core.tree import children_of
from core.visibility import Visibility

from . import queries
from .choices import STAGE_RANK, Stage
from .timeline import edition_state


def current_and_archive(editions, today=None):
    """The current edition (the newest) with its timeline state, and the editions with a winner.

    ``editions`` come from ``queries`` with their nominations and winner set."""
    current = editions[0] if editions else None
    return {
        "current_edition": current,
        "current_state": edition_state(current, current.shown_nominations, today) if current else None,
        "editions": editions,
        "winners": [edition for edition in editions if edition.winner is not None],
    }


def index_context(index, request, today=None):
    """The awards section: each award with its current edition (four queries), lazily: only
    the page's cached fragment reads it, once a day (the phases follow the date)."""
    visibility = Visibility.for_request(request)
    today = today or timezone.localdate()

    def awards():
        editions = queries.editions_under(index, visibility)
        return [
            {"award": award, **current_and_archive(editions.get(award.path, []), today)}
            for award in queries.awards_under(index, visibility)
        ]

    return {"awards": Lazy(awards), "today": today}


def award_context(award, request, today=None):
    """An award page: the current edition with its state and the editions with their winners,
    lazily: only the page's cached fragments read them (the current edition's once a day, as
    its phase follows the date)."""
    visibility = Visibility.for_request(request)
    today = today or timezone.localdate()

    def current_edition():
        current = children_of(queries.listed_editions(visibility), award).first()
        if current is not None:
            queries.with_nominations([current], visibility)
        return current

    current = Lazy(current_edition)
    editions = Lazy(lambda: queries.editions_of(award, visibility))
    return {
        "current_edition": current,
        "current_state": Lazy(
            lambda: edition_state(current(), current().shown_nominations, today) if current() else None
        ),
        "editions": editions,
        "winners": Lazy(lambda: [edition for edition in editions() if edition.winner is not None]),
        "today": today,
    }


def edition_context(edition, request, today=None):
    """An edition page: its state, nominations by stage, jury and ceremony event.

    A preview shows the nominations as edited rather than as saved."""
    visibility = Visibility.for_request(request)
    if getattr(request, "is_preview", False):
        nominations = queries.preview_nominations(edition, visibility)
    else:
        nominations = queries.nominations_by_edition([edition], visibility).get(edition.pk, [])
    today = today or timezone.localdate()
    return {
        "timeline_state": edition_state(edition, nominations, today),
        "nominations": nominations,
        "winner": next((n for n in nominations if n.is_winner), None),
        "nominees": [n for n in nominations if n.stage_rank >= STAGE_RANK[Stage.NOMINEE]],
        "longlist": [n for n in nominations if n.stage == Stage.LONGLIST],
        "applicants": [n for n in nominations if n.stage == Stage.APPLICANT],
        "has_votes": any(n.votes is not None for n in nominations),
        "jury_members": list(edition.jury_members.all()),
        "ceremony_event": queries.ceremony_event(edition, visibility),
    }
