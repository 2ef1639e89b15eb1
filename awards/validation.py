"""Consistency rules for the nominations of one edition (pure: no database).

Stages are cumulative: a nominee was on the longlist and the winner was a nominee, so "nominees
must be on the longlist" means the longlisted museums (longlist, nominee and winner together)
must fit on the longlist when its size is known. Further rules: at most one winner, each museum
once, votes and vote shares only for nominees, shares that add up and agree with the votes, and
a winner of a public vote who has the most votes.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from .choices import STAGE_RANK, Stage

SHARE_TOLERANCE = Decimal("0.5")  # percentage points, for rounding


@dataclass(frozen=True)
class NominationData:
    museum_id: int | None
    stage: str
    votes: int | None = None
    vote_share: Decimal | None = None
    museum_title: str = ""


@dataclass(frozen=True)
class Issue:
    index: int | None  # which nomination (None: the edition as a whole)
    field: str | None  # which field of it (None: the nomination as a whole)
    message: str


def _reached(item, stage):
    return STAGE_RANK.get(item.stage, -1) >= STAGE_RANK[stage]


def _name(item):
    return item.museum_title or _("this museum")


def computed_shares(items):
    """Vote shares in percent (two decimals) computed from the votes, ``None`` without votes."""
    total = sum(item.votes or 0 for item in items)
    if not total:
        return [None for _item in items]
    return [
        (Decimal(item.votes) * 100 / total).quantize(Decimal("0.01")) if item.votes is not None else None
        for item in items
    ]


def nomination_issues(items, *, longlist_size=None):
    """Every inconsistency in ``items`` (a list of ``NominationData``) as ``Issue``s."""
    issues = []

    winners = [index for index, item in enumerate(items) if item.stage == Stage.WINNER]
    for index in winners[1:]:
        issues.append(
            Issue(
                index,
                "stage",
                _("An edition has at most one winner; %(name)s is already the winner.")
                % {"name": _name(items[winners[0]])},
            )
        )

    seen = {}
    for index, item in enumerate(items):
        if item.museum_id is None:
            continue
        if item.museum_id in seen:
            issues.append(Issue(index, "museum", _("This museum is already nominated in this edition.")))
        else:
            seen[item.museum_id] = index

    for index, item in enumerate(items):
        if not _reached(item, Stage.NOMINEE):
            if item.votes is not None:
                issues.append(Issue(index, "votes", _("Only nominees and the winner receive public votes.")))
            if item.vote_share is not None:
                issues.append(
                    Issue(index, "vote_share", _("Only nominees and the winner have a vote share."))
                )

    if longlist_size is not None:
        longlisted = sum(1 for item in items if _reached(item, Stage.LONGLIST))
        if longlisted > longlist_size:
            issues.append(
                Issue(
                    None,
                    None,
                    _(
                        "The longlist has %(size)s places but %(count)s museums are on it: nominees and the "
                        "winner were on the longlist too."
                    )
                    % {"size": longlist_size, "count": longlisted},
                )
            )

    shares = [item.vote_share for item in items if item.vote_share is not None]
    if shares and sum(shares) > 100 + SHARE_TOLERANCE:
        issues.append(
            Issue(
                None,
                None,
                _("The vote shares add up to %(total)s%%, more than 100%%.") % {"total": sum(shares)},
            )
        )

    voted = [(index, item) for index, item in enumerate(items) if item.votes is not None]
    if voted and all(item.vote_share is not None for _index, item in voted):
        expected = computed_shares([item for _index, item in voted])
        for (index, item), share in zip(voted, expected, strict=True):
            if abs(item.vote_share - share) > SHARE_TOLERANCE:
                issues.append(
                    Issue(
                        index,
                        "vote_share",
                        _(
                            "The vote share does not match the votes: %(votes)s votes are %(share)s%% of all votes."
                        )
                        % {"votes": item.votes, "share": share},
                    )
                )

    if winners and items[winners[0]].votes is not None:
        winner = items[winners[0]]
        beaten_by = [item for index, item in voted if index != winners[0] and item.votes > winner.votes]
        if beaten_by:
            issues.append(
                Issue(
                    winners[0],
                    "votes",
                    _("The winner of a public vote has the most votes, but %(name)s has more.")
                    % {"name": _name(beaten_by[0])},
                )
            )

    return issues
