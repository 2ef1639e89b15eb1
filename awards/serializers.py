"""Plain-dict representations of awards data, shared by the API and ``get_api_data``."""

from wagtail.rich_text import expand_db_html

from core.api.conventions import page_item

from .choices import Stage


def _url(page, request):
    return page.get_full_url(request) if request is not None else page.url


def page_ref(page, request=None):
    if page is None:
        return None
    return {"id": page.pk, "title": page.title, "url": _url(page, request)}


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


def edition_summary(edition, request=None, *, state=None, winner=None):
    return {
        "id": edition.pk,
        "title": edition.title,
        "url": _url(edition, request),
        "year": edition.year,
        "theme": edition.theme,
        "phase": state.phase if state else None,
        "winner": page_ref(winner.museum, request) if winner else None,
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


def edition_data(edition, request=None, context=None):
    """The fields of an edition (for the detail endpoint and the path resolver)."""
    from .queries import edition_detail

    context = context or edition_detail(edition)
    return {
        "year": edition.year,
        "theme": edition.theme,
        "theme_description": edition.theme_description,
        "prize_amount": edition.prize_amount,
        "prize_description": edition.prize_description,
        "entries_count": edition.entries_count,
        "longlist_size": edition.longlist_size,
        "is_demo": edition.is_demo,
        "timeline": timeline_data(context["timeline_state"]),
        "ceremony": {
            "date": edition.ceremony_date,
            "place": edition.ceremony_place,
            "event": page_ref(context["ceremony_event"], request),
        },
        "jury": [{"name": m.name, "role": m.role, "is_chair": m.is_chair} for m in context["jury_members"]],
        "jury_report": expand_db_html(edition.jury_report) if edition.jury_report else "",
        "winner": page_ref(context["winner"].museum, request) if context["winner"] else None,
        "nominations": [nomination_data(n, request) for n in context["nominations"]],
    }


def award_data(award, request=None, context=None):
    """The fields of an award with its editions (for the detail endpoint and the path resolver)."""
    from .queries import award_detail

    context = context or award_detail(award)
    current = context["current_edition"]
    return {
        "intro": award.intro,
        "cycle": award.cycle,
        "first_year": award.first_year,
        "prize_description": award.prize_description,
        "website": award.website,
        "criteria": expand_db_html(award.criteria) if award.criteria else "",
        "organisers": [organisation_data(o) for o in award.organisers.all()],
        "partners": [organisation_data(o) for o in award.partners.all()],
        "current_edition": edition_summary(
            current, request, state=context["current_state"], winner=current.winner
        )
        if current
        else None,
        "editions": [edition_summary(e, request, winner=e.winner) for e in context["editions"]],
    }


def museum_nomination_data(nomination, request=None):
    """A nomination as seen from the museum: which award, which edition, how far it got."""
    return {
        "award": page_ref(nomination.award, request),
        "edition": {
            **page_ref(nomination.edition, request),
            "year": nomination.edition.year,
            "theme": nomination.edition.theme,
        },
        "stage": nomination.stage,
        "stage_label": str(Stage(nomination.stage).label),
        "votes": nomination.votes,
        "vote_share": nomination.vote_share,
    }


def edition_json_ld(edition, data, request=None):
    """schema.org ``Event`` for an edition: its period, the award series, the ceremony place."""
    dates = [day for _name, day in edition.timeline_dates().known()]
    if dates:
        data["startDate"] = min(dates).isoformat()
        data["endDate"] = max(dates).isoformat()
    parent = edition.get_parent()
    if parent is not None:
        data["superEvent"] = {
            "@type": "EventSeries",
            "name": parent.title,
            "url": parent.get_full_url(request),
        }
    if edition.ceremony_place:
        data["location"] = {"@type": "Place", "name": edition.ceremony_place}
    if edition.theme:
        data["about"] = edition.theme
    return data


def item_base(page, request):
    return page_item(page, request)


def museum_awards_json_ld(nominations):
    """schema.org ``award`` texts (the property is Text only) for a museum's wins, e.g.
    ``["VriendenLoterij Museumprijs 2024"]``; nominations without a win are left out."""
    return [n.edition.title for n in nominations if n.stage == Stage.WINNER]
