"""Dict shapes of awards data, for the API (``awards.api``), ``get_api_data`` (the path resolver)
and the museums' section (a museum's nominations).

Everything here is public: it is what an anonymous reader may see (``Visibility.public()``), since
API answers are cached for everyone. References to other pages are ``PageRef`` dicts
(``core.api.conventions.page_ref``): ``id``, ``type``, ``title``, ``path`` and ``url``.
"""

from wagtail.rich_text import expand_db_html

from core.api.conventions import page_item, page_ref
from core.links import public_url
from core.visibility import Visibility

from . import models, queries
from .choices import Stage
from .timeline import edition_state


def _ref(page, request):
    return page_ref(page, request) if page is not None else None


def organisation_data(org):
    return {"name": org.name, "kind": org.kind, "website": org.website}


def nomination_data(nomination, request=None):
    return {
        "museum": page_ref(nomination.museum, request),
        "stage": nomination.stage,
        "stage_label": str(Stage(nomination.stage).label),
        "votes": nomination.votes,
        "vote_share": nomination.vote_share,
        "display_share": getattr(nomination, "display_share", nomination.vote_share),
        "project_title": nomination.project_title,
        "motivation": nomination.motivation,
    }


def edition_summary(edition, request=None, *, state=None):
    """An edition as a reference with its year, theme, winner and (when given) phase."""
    return {
        **page_ref(edition, request),
        "year": edition.year,
        "theme": edition.theme,
        "phase": state.phase if state else None,
        "winner": _ref(edition.winner.museum, request) if edition.winner else None,
        "is_demo": edition.is_demo,
    }


def timeline_data(state):
    return {
        "phase": state.phase,
        "phase_label": str(state.phase_label),
        "next_step": state.next_step.key if state.next_step else None,
        "steps": [
            {"key": s.key, "label": str(s.label), "start": s.start, "end": s.end, "status": s.status}
            for s in state.steps
        ],
    }


def current_edition_summary(edition, request=None):
    """The summary of an award's current edition (with its phase), or ``None``."""
    if edition is None:
        return None
    return edition_summary(edition, request, state=edition_state(edition, edition.shown_nominations))


def award_item(award, request=None, current_edition=None):
    """An award in the list: ``current_edition`` comes from ``queries.current_editions``."""
    return {
        **page_item(award, request),
        "cycle": award.cycle,
        "intro": award.intro,
        "prize_description": award.prize_description,
        "current_edition": current_edition_summary(current_edition, request),
    }


def award_data(award, request=None):
    """The fields of an award with its published editions (the detail and the path resolver)."""
    editions = queries.editions_of(award, Visibility.public())
    return {
        "cycle": award.cycle,
        "intro": award.intro,
        "prize_description": award.prize_description,
        "current_edition": current_edition_summary(editions[0] if editions else None, request),
        "first_year": award.first_year,
        "website": award.website,
        "criteria": expand_db_html(award.criteria) if award.criteria else "",
        "organisers": [organisation_data(o) for o in award.organisers.all()],
        "partners": [organisation_data(o) for o in award.partners.all()],
        "editions": [edition_summary(e, request) for e in editions],
    }


def edition_item(edition, request=None, award=None):
    """An edition in the list: ``edition`` carries its nominations (``queries.with_nominations``)
    and ``award`` is its parent award when public."""
    return {
        **page_item(edition, request),
        "award": _ref(award, request),
        "year": edition.year,
        "theme": edition.theme,
        "phase": edition_state(edition, edition.shown_nominations).phase,
        "prize_amount": edition.prize_amount,
        "winner": _ref(edition.winner.museum, request) if edition.winner else None,
        "is_demo": edition.is_demo,
    }


def edition_data(edition, request=None):
    """The fields of an edition with its timeline and nominations (the detail and the path resolver)."""
    visibility = Visibility.public()
    nominations = queries.nominations_by_edition([edition], visibility).get(edition.pk, [])
    winner = next((n for n in nominations if n.is_winner), None)
    state = edition_state(edition, nominations)
    return {
        "award": _ref(queries.award_of(edition, visibility), request),
        "year": edition.year,
        "theme": edition.theme,
        "phase": state.phase,
        "prize_amount": edition.prize_amount,
        "winner": _ref(winner.museum, request) if winner else None,
        "is_demo": edition.is_demo,
        "theme_description": edition.theme_description,
        "prize_description": edition.prize_description,
        "entries_count": edition.entries_count,
        "longlist_size": edition.longlist_size,
        "timeline": timeline_data(state),
        "ceremony": {
            "date": edition.ceremony_date,
            "place": edition.ceremony_place,
            "event": _ref(queries.ceremony_event(edition, visibility), request),
        },
        "jury": [
            {"name": m.name, "role": m.role, "is_chair": m.is_chair} for m in edition.jury_members.all()
        ],
        "jury_report": expand_db_html(edition.jury_report) if edition.jury_report else "",
        "nominations": [nomination_data(n, request) for n in nominations],
    }


# --- a museum's nominations (the "nominations" section of museum pages and the museum API) ------


def _parent_path(path, slug):
    """The address of a page's parent, from the page's own: Wagtail serves a page at its parent's
    address followed by its slug."""
    suffix = f"{slug}/"
    if path is None or not path.endswith(suffix):
        return None
    return path[: -len(suffix)]


def museum_nomination_data(nomination, request=None):
    """A nomination as seen from the museum: which award, which edition, how far it got.

    ``nomination`` comes from ``queries.nominations_of_museums`` (its award is annotated)."""
    edition = page_ref(nomination.edition, request)
    award_path = _parent_path(edition["path"], nomination.edition.slug)
    return {
        "award": {
            "id": nomination.award_id,
            "type": models.AwardPage._meta.label,
            "title": nomination.award_title,
            "path": award_path,
            "url": public_url(award_path),
        },
        "edition": edition,
        "year": nomination.edition.year,
        "theme": nomination.edition.theme,
        "stage": nomination.stage,
        "stage_label": str(Stage(nomination.stage).label),
        "votes": nomination.votes,
        "vote_share": nomination.vote_share,
    }


def museum_nominations(museums, request, visibility):
    """``{museum.pk: [nomination dicts]}`` for ``museums``, newest edition first (one query): the
    museums' section ``load``, with the reader's visibility on pages and the public's in the API."""
    return {
        pk: [museum_nomination_data(n, request) for n in nominations]
        for pk, nominations in queries.nominations_of_museums(museums, visibility).items()
    }
