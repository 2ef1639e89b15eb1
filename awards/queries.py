"""Reading awards data in a constant number of queries, for pages, the API and museum pages.

Everything here shows only live, public pages: editions and awards that are drafts or sit in a
private section never appear, and neither do nominations of museums that are not published.

For museum pages (owned by the museums app)::

    from awards.queries import nominations_for_museum
    nominations = nominations_for_museum(museum_page)   # 3 queries, whatever the number

    from awards.queries import nominations_for_museums
    by_museum = nominations_for_museums([1, 2, 3], locale="nl")   # {museum_id: [nomination]}

Each nomination carries ``.edition`` (the AwardEditionPage), ``.award`` (the AwardPage) and
``.display_share`` (the published vote share, or one computed from the votes).
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import F, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from .choices import STAGE_RANK, Stage
from .models import AwardEditionPage, AwardPage, Nomination
from .panels import event_page_model


def restricted_paths():
    """Tree paths of the private sections (one query)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public_q(field, paths):
    """A Q that excludes rows whose page (``field`` is e.g. ``"edition__"``) is in a private section."""
    q = Q()
    for path in paths:
        q &= ~Q(**{f"{field}path__startswith": path})
    return q


def _visible_nominations(paths):
    """Nominations of live, public museums on live, public editions."""
    return Nomination.objects.filter(edition__live=True, museum__live=True).filter(
        public_q("edition__", paths), public_q("museum__", paths)
    )


def with_parent_path(queryset):
    """Annotate pages with ``parent_path`` so children of many parents load in one query."""
    return queryset.annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))


def _sort_key(nomination):
    return (
        -nomination.stage_rank,
        -(nomination.votes or -1),
        nomination.museum.title if nomination.museum_id else "",
    )


def attach_shares(nominations):
    """Set ``display_share`` on nominations of one edition: the published share or a computed one."""
    total = sum(n.votes or 0 for n in nominations)
    for nomination in nominations:
        if nomination.vote_share is not None:
            nomination.display_share = nomination.vote_share
        elif nomination.votes is not None and total:
            nomination.display_share = (Decimal(nomination.votes) * 100 / total).quantize(Decimal("0.1"))
        else:
            nomination.display_share = None
    return nominations


def nominations_by_edition(editions, paths=None):
    """``{edition_id: [nominations, best first]}`` with museums loaded (one or two queries)."""
    paths = restricted_paths() if paths is None else paths
    grouped = defaultdict(list)
    queryset = (
        _visible_nominations(paths)
        .filter(edition_id__in=[edition.pk for edition in editions])
        .select_related("museum", "museum__locale")
    )
    for nomination in queryset:
        grouped[nomination.edition_id].append(nomination)
    for items in grouped.values():
        items.sort(key=_sort_key)
        attach_shares(items)
    return grouped


def _awards_by_path(parent_paths, paths):
    awards = AwardPage.objects.live().filter(path__in=set(parent_paths)).filter(public_q("", paths))
    return {award.path: award for award in awards.select_related("locale")}


def _nominations_with_awards(queryset, paths):
    nominations = list(queryset)
    awards = _awards_by_path([n.edition.path[: -Page.steplen] for n in nominations], paths)
    visible = []
    for nomination in nominations:
        nomination.award = awards.get(nomination.edition.path[: -Page.steplen])
        if nomination.award is not None:
            visible.append(nomination)
    # Shares need all votes of the edition; ones computed from a single row would mislead.
    for nomination in visible:
        nomination.display_share = nomination.vote_share
    return visible


def nominations_for_museum(museum, *, include_aliases=True):
    """The nominations and wins of a museum, newest edition first (three queries).

    A museum and its translations share nominations; editions are those in the museum's
    language. ``include_aliases=False`` leaves out editions that are aliases (for the API).
    """
    paths = restricted_paths()
    queryset = (
        Nomination.objects.filter(
            museum__translation_key=museum.translation_key,
            edition__live=True,
            edition__locale_id=museum.locale_id,
        )
        .filter(public_q("edition__", paths))
        .select_related("edition", "edition__locale")
        .order_by("-edition__year", "-edition_id")
    )
    if not include_aliases:
        queryset = queryset.filter(edition__alias_of__isnull=True)
    nominations = _nominations_with_awards(queryset, paths)
    for nomination in nominations:
        nomination.museum = museum
    return nominations


def nominations_for_museums(museum_ids, *, locale=None, include_aliases=False):
    """``{museum_id: [nominations]}`` for many museum pages at once (four queries).

    ``locale`` is a language code; by default each museum's own language is used.
    """
    from museums.models import MuseumPage

    museums = {
        m["pk"]: m
        for m in MuseumPage.objects.filter(pk__in=museum_ids).values(
            "pk", "translation_key", "locale_id", "locale__language_code"
        )
    }
    if not museums:
        return {}
    paths = restricted_paths()
    queryset = (
        Nomination.objects.filter(
            museum__translation_key__in={m["translation_key"] for m in museums.values()}, edition__live=True
        )
        .filter(public_q("edition__", paths))
        .select_related("edition", "edition__locale")
        .annotate(museum_translation_key=F("museum__translation_key"))
        .order_by("-edition__year", "-edition_id")
    )
    if locale:
        queryset = queryset.filter(edition__locale__language_code=locale)
    if not include_aliases:
        queryset = queryset.filter(edition__alias_of__isnull=True)
    by_key = defaultdict(list)
    for nomination in _nominations_with_awards(queryset, paths):
        by_key[nomination.museum_translation_key].append(nomination)
    result = {}
    for pk, museum in museums.items():
        result[pk] = [
            n
            for n in by_key[museum["translation_key"]]
            if locale or n.edition.locale_id == museum["locale_id"]
        ]
    return result


def current_and_archive(editions, grouped, today=None):
    """The current edition (newest) with its timeline state, and winners by year."""
    today = today or timezone.localdate()
    for edition in editions:
        edition.visible_nominations = grouped.get(edition.pk, [])
        edition.winner = next((n for n in edition.visible_nominations if n.stage == Stage.WINNER), None)
    current = editions[0] if editions else None
    state = edition_state(current, current.visible_nominations, today) if current else None
    return {
        "current_edition": current,
        "current_state": state,
        "editions": editions,
        "winners": [edition for edition in editions if edition.winner is not None],
    }


def award_detail(award, today=None):
    """Context of an award page: editions, the current one with its stage, the winners."""
    paths = restricted_paths()
    editions = list(
        AwardEditionPage.objects.child_of(award).live().filter(public_q("", paths)).order_by("-year", "-pk")
    )
    return current_and_archive(editions, nominations_by_edition(editions, paths), today)


def awards_overview(index, today=None):
    """The awards under ``index`` with their current edition (four queries)."""
    paths = restricted_paths()
    awards = list(
        AwardPage.objects.child_of(index).live().filter(public_q("", paths)).prefetch_related("organisers")
    )
    editions = list(
        with_parent_path(
            AwardEditionPage.objects.descendant_of(index).live().filter(public_q("", paths))
        ).order_by("-year", "-pk")
    )
    grouped = nominations_by_edition(editions, paths)
    result = []
    for award in awards:
        own = [edition for edition in editions if edition.parent_path == award.path]
        result.append({"award": award, **current_and_archive(own, grouped, today)})
    return result


def _preview_nominations(edition):
    """The edition's nominations as edited (not yet saved), for previews."""
    from museums.models import MuseumPage

    rows = [n for n in edition.nominations.all() if n.museum_id]
    museums = MuseumPage.objects.live().public().in_bulk([n.museum_id for n in rows])
    visible = []
    for nomination in rows:
        if nomination.museum_id in museums:
            nomination.museum = museums[nomination.museum_id]
            visible.append(nomination)
    visible.sort(key=_sort_key)
    return attach_shares(visible)


def edition_detail(edition, today=None, *, preview=False):
    """Context of an edition page: state, nominations by stage, jury and the ceremony event.

    ``preview=True`` shows the nominations as edited rather than as saved.
    """
    if preview:
        nominations = _preview_nominations(edition)
    else:
        nominations = nominations_by_edition([edition]).get(edition.pk, [])
    winner = next((n for n in nominations if n.stage == Stage.WINNER), None)
    today = today or timezone.localdate()
    state = edition_state(edition, nominations, today)
    return {
        "timeline_state": state,
        "nominations": nominations,
        "winner": winner,
        "nominees": [n for n in nominations if n.stage_rank >= STAGE_RANK[Stage.NOMINEE]],
        "longlist": [n for n in nominations if n.stage == Stage.LONGLIST],
        "applicants": [n for n in nominations if n.stage == Stage.APPLICANT],
        "has_votes": any(n.votes is not None for n in nominations),
        "jury_members": list(edition.jury_members.all()),
        "ceremony_event": ceremony_event(edition),
    }


def edition_state(edition, nominations, today=None):
    """The timeline state of an edition; one with a winner or of a past year counts as over."""
    from . import timeline

    today = today or timezone.localdate()
    finished = any(n.stage == Stage.WINNER for n in nominations) or edition.year < today.year
    return timeline.state(edition.timeline_dates(), today, has_winner=finished)


def ceremony_event(edition):
    """The live, public ceremony event page of an edition, or ``None``."""
    if not edition.ceremony_event_id:
        return None
    model = event_page_model()
    queryset = (model or Page).objects.filter(pk=edition.ceremony_event_id).live().public()
    return queryset.first()
