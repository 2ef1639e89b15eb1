"""Reads of the awards app: querysets and lookups, each in a constant number of queries.

Every function that lists pages takes a ``Visibility`` (``core.visibility``), the one rule for
who may see what: ``Visibility.for_request(request)`` for the HTML pages,
``Visibility.public()`` for the API and anything cached. Editions and awards the reader may not
see never appear, and neither do nominations of museums that are not published.

The page methods of ``awards.models`` reach this module (through ``context``, ``serializers``
and ``jsonld``) while the models package is still loading, so the models are used through the
package (``models.Nomination``) rather than imported by name.
"""

from collections import defaultdict
from decimal import Decimal

from django.apps import apps
from django.db.models import F, OuterRef, Subquery
from wagtail.models import Page

from core.tree import children_of, descendants_of, parent_path_expression, with_parent_path
from museums.models import MuseumPage

from . import models

EVENT_PAGE = "agenda.EventPage"


def event_page_model():
    """The agenda's event page model, looked up by its label (the awards app does not import the
    agenda), or ``None`` while no such model is installed."""
    try:
        return apps.get_model(EVENT_PAGE)
    except LookupError:
        return None


# --- nominations ---------------------------------------------------------------------------------


def visible_nominations(visibility):
    """Nominations on live editions of live museums, both of which the reader may see."""
    queryset = models.Nomination.objects.filter(edition__live=True, museum__live=True)
    # Both relations are required (live) above: the rows are joined, never null.
    queryset = visibility.filter(queryset, "edition__", joined=True)
    return visibility.filter(queryset, "museum__", joined=True)


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


def nominations_by_edition(editions, visibility):
    """``{edition.pk: [nominations, best first]}`` with their museums loaded (one query)."""
    grouped = defaultdict(list)
    queryset = (
        visible_nominations(visibility)
        .filter(edition_id__in=[edition.pk for edition in editions])
        .select_related("museum", "museum__locale")
    )
    for nomination in queryset:
        grouped[nomination.edition_id].append(nomination)
    for items in grouped.values():
        items.sort(key=_sort_key)
        attach_shares(items)
    return grouped


def preview_nominations(edition, visibility):
    """The edition's nominations as edited (not yet saved), for previews (one query)."""
    rows = [n for n in edition.nominations.all() if n.museum_id]
    museums = visibility.filter(MuseumPage.objects.live()).in_bulk([n.museum_id for n in rows])
    shown = []
    for nomination in rows:
        if nomination.museum_id in museums:
            nomination.museum = museums[nomination.museum_id]
            shown.append(nomination)
    shown.sort(key=_sort_key)
    return attach_shares(shown)


def nominations_of_museums(museums, visibility):
    """``{museum.pk: [nominations]}``: the nominations and wins of each of ``museums`` (one query).

    A museum and its translations share their nominations (matched by ``translation_key``); the
    editions are those in the museum's own language that the reader may see (aliases excluded),
    newest first. Each nomination carries ``.edition`` and, from the edition's parent,
    ``award_id`` and ``award_title``. Museums without nominations are left out.
    """
    museums = list(museums)
    if not museums:
        return {}
    award = Page.objects.filter(path=parent_path_expression(OuterRef("edition__path")))
    queryset = (
        visibility.listable(
            models.Nomination.objects.filter(
                museum__translation_key__in={museum.translation_key for museum in museums},
                edition__locale_id__in={museum.locale_id for museum in museums},
            ),
            prefix="edition__",
        )
        .select_related("edition")
        .annotate(
            museum_key=F("museum__translation_key"),
            award_id=Subquery(award.values("pk")[:1]),
            award_title=Subquery(award.values("title")[:1]),
        )
        .order_by("-edition__year", "-edition_id", "pk")
    )
    grouped = defaultdict(list)
    for nomination in queryset:
        grouped[(nomination.museum_key, nomination.edition.locale_id)].append(nomination)
    result = {}
    for museum in museums:
        nominations = grouped.get((museum.translation_key, museum.locale_id))
        if nominations:
            result[museum.pk] = nominations
    return result


# --- editions and awards -------------------------------------------------------------------------


def listed_editions(visibility):
    """Live, non-alias editions the reader may see, newest first."""
    return visibility.listable(models.AwardEditionPage.objects).order_by("-year", "-pk")


def with_nominations(editions, visibility):
    """Set ``shown_nominations`` (best first) and ``winner`` on each of ``editions`` (one query)."""
    grouped = nominations_by_edition(editions, visibility)
    for edition in editions:
        edition.shown_nominations = grouped.get(edition.pk, [])
        edition.winner = next((n for n in edition.shown_nominations if n.is_winner), None)
    return editions


def editions_of(award, visibility):
    """The editions of ``award``, newest first, with their nominations (two queries)."""
    return with_nominations(list(children_of(listed_editions(visibility), award)), visibility)


def editions_under(index, visibility):
    """``{award.path: [editions, newest first]}`` for the awards under ``index`` (two queries)."""
    editions = with_nominations(
        list(with_parent_path(descendants_of(listed_editions(visibility), index))), visibility
    )
    grouped = defaultdict(list)
    for edition in editions:
        grouped[edition.parent_path].append(edition)
    return grouped


def current_editions(awards, visibility):
    """``{award.path: its newest edition}`` for ``awards``, with nominations (two queries)."""
    editions = with_parent_path(listed_editions(visibility)).filter(parent_path__in=[a.path for a in awards])
    current = {}
    for edition in editions:
        current.setdefault(edition.parent_path, edition)
    with_nominations(list(current.values()), visibility)
    return current


def awards_under(index, visibility):
    """The awards under ``index`` that the reader may see, in tree order (two queries)."""
    return list(
        visibility.listable(children_of(models.AwardPage.objects.all(), index)).prefetch_related("organisers")
    )


def awards_at(paths, visibility):
    """``{path: award}`` for the live awards at ``paths`` that the reader may see (one query)."""
    queryset = visibility.filter(models.AwardPage.objects.live().filter(path__in=set(paths)))
    return {award.path: award for award in queryset.select_related("locale")}


def award_of(edition, visibility):
    """The award of ``edition`` (its parent page) when the reader may see it, else ``None``."""
    return visibility.filter(models.AwardPage.objects.parent_of(edition).live()).first()


def ceremony_event(edition, visibility):
    """The live ceremony event of ``edition`` when the reader may see it, else ``None``."""
    if not edition.ceremony_event_id:
        return None
    model = event_page_model() or Page
    return visibility.filter(model.objects.live().filter(pk=edition.ceremony_event_id)).first()
