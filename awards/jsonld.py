"""schema.org JSON-LD of the awards pages, and the ``award`` texts of a museum's wins."""

from core.links import page_url

from .choices import Stage


def award_json_ld(award, data):
    """``EventSeries`` for an award: who organises and sponsors it, its own website."""
    organisers = [
        {"@type": "Organization", "name": org.name, **({"url": org.website} if org.website else {})}
        for org in award.organisers.all()
    ]
    if organisers:
        data["organizer"] = organisers
    sponsors = [{"@type": "Organization", "name": org.name} for org in award.partners.all()]
    if sponsors:
        data["sponsor"] = sponsors
    if award.website:
        data["sameAs"] = award.website
    return data


def edition_json_ld(edition, data, request=None):
    """``Event`` for an edition: its period, the award series, the ceremony place."""
    dates = [day for _name, day in edition.timeline_dates().known()]
    if dates:
        data["startDate"] = min(dates).isoformat()
        data["endDate"] = max(dates).isoformat()
    parent = edition.get_parent()
    if parent is not None:
        data["superEvent"] = {"@type": "EventSeries", "name": parent.title, "url": page_url(parent, request)}
    if edition.ceremony_place:
        data["location"] = {"@type": "Place", "name": edition.ceremony_place}
    if edition.theme:
        data["about"] = edition.theme
    return data


def museum_awards(museum, nominations, request=None):
    """The museum's schema.org ``award`` texts (the property is Text only) for its wins, e.g.
    ``{"award": ["VriendenLoterij Museumprijs 2024"]}``, from the value of the museum's
    "nominations" section (``serializers.museum_nominations``); nominations without a win are left
    out, and a museum without a win gets no ``award``."""
    wins = [n["edition"]["title"] for n in nominations if n["stage"] == Stage.WINNER]
    return {"award": wins} if wins else {}
