"""Demo content of the awards app: the Museumprijs with editions 2014–2024 and the
Museumeducatie Prijs (every two years).

Public facts only (see DOMAIN.md): the 2024 edition with its theme, entries, longlist size,
nominees, votes and ceremony; the winner of every edition 2014–2023 (museumprijs.nl, "over de
Museumprijs") with the vote shares and other nominees that the prize's news pages and the press
published (``WINNERS``); the theme of 2021. Themes not found are left out and the edition says
so. Museumeducatie Prijs editions are demo data and are marked as such.
"""

import datetime
from decimal import Decimal

from django.apps import apps

from core.models import Organisation
from core.seeding import seed_step
from museums.models import MuseumIndexPage, MuseumPage

from .choices import Cycle, Stage
from .models import AwardEditionPage, AwardPage, AwardsIndexPage, Nomination

# title variants -> (title, city, province): museums the editions need.
MUSEUMS = {
    "openluchtmuseum": (["Nederlands Openluchtmuseum"], "Arnhem", "NL-GE"),
    "abraham-fock": (["Abraham Fock", "Museum Abraham Fock"], "Hollum (Ameland)", "NL-FR"),
    "zilvermuseum": (
        ["Zilvermuseum", "Nederlands Zilvermuseum", "Zilvermuseum Schoonhoven"],
        "Schoonhoven",
        "NL-ZH",
    ),
    "eye": (["Eye Filmmuseum", "Eye"], "Amsterdam", "NL-NH"),
    "mauritshuis": (["Mauritshuis"], "Den Haag", "NL-ZH"),
    "amsterdam-museum": (["Amsterdam Museum"], "Amsterdam", "NL-NH"),
    "volkenkunde": (["Museum Volkenkunde", "Volkenkunde", "Wereldmuseum Leiden"], "Leiden", "NL-ZH"),
    "klok-peel": (["Museum Klok & Peel", "Klok & Peel Museum Asten"], "Asten", "NL-NB"),
    "fries-museum": (["Fries Museum"], "Leeuwarden", "NL-FR"),
    "zeeuws-museum": (["Zeeuws Museum"], "Middelburg", "NL-ZE"),
    "kamp-vught": (["Nationaal Monument Kamp Vught"], "Vught", "NL-NB"),
    "textielmuseum": (["TextielMuseum", "TextielMuseum Tilburg"], "Tilburg", "NL-NB"),
    "maritiem-museum": (["Maritiem Museum Rotterdam", "Maritiem Museum"], "Rotterdam", "NL-ZH"),
    "schiedam": (["Stedelijk Museum Schiedam"], "Schiedam", "NL-ZH"),
    "naturalis": (["Naturalis", "Naturalis Biodiversity Center"], "Leiden", "NL-ZH"),
    "hoensbroek": (["Kasteel Hoensbroek"], "Hoensbroek", "NL-LI"),
    "scheepvaartmuseum": (["Het Scheepvaartmuseum"], "Amsterdam", "NL-NH"),
    "jan-cunen": (["Museum Jan Cunen"], "Oss", "NL-NB"),
}

# The winners of 2014–2023 (museumprijs.nl lists them all), with the share of the public vote
# where the prize or the press published it, and the other nominees that were published (with
# their share where known). year -> (winner, share, [(nominee, share)], theme or "").
WINNERS = {
    2014: ("klok-peel", None, [("naturalis", None)], ""),
    2015: ("fries-museum", "40.1", [("zeeuws-museum", "32.3"), ("amsterdam-museum", None)], ""),
    2016: ("kamp-vught", "37.1", [], ""),
    2017: ("textielmuseum", None, [], ""),
    2018: ("maritiem-museum", None, [], ""),
    2019: ("schiedam", "39", [], ""),
    2020: ("naturalis", "47", [("eye", None), ("mauritshuis", None)], ""),
    2021: ("hoensbroek", "41", [("amsterdam-museum", None), ("volkenkunde", None)], "Digitaal verhaal"),
    2022: ("scheepvaartmuseum", None, [], ""),
    2023: ("jan-cunen", None, [], ""),
}

NO_THEME = "Het thema van deze editie is niet in deze demo opgenomen."

MUSEUMPRIJS = {
    "slug": "museumprijs",
    "title": "VriendenLoterij Museumprijs",
    "intro": (
        "De VriendenLoterij Museumprijs (voorheen BankGiro Loterij Museumprijs) is een prijs van het "
        "Cultuurfonds en de VriendenLoterij, samen met de Museumvereniging. Het publiek kiest de winnaar."
    ),
    "cycle": Cycle.YEARLY,
    "prize_description": "€100.000 voor het winnende museum",
    "website": "https://www.museumprijs.nl/",
    "criteria": (
        "<p>Elk jaar is er een thema. Musea melden zich aan; de jury bezoekt de musea op de longlist "
        "en kiest drie genomineerden. Daarna stemt het publiek (vanaf 18 jaar) en de winnaar krijgt "
        "de prijs op het Museumcongres.</p>"
    ),
    "organisers": ["Cultuurfonds", "VriendenLoterij"],
    "partners": ["Museumvereniging"],
}

MUSEUMEDUCATIE = {
    "slug": "museumeducatie-prijs",
    "title": "Museumeducatie Prijs",
    "intro": (
        "De Museumeducatie Prijs is in 2015 ingesteld door het ministerie van OCW en wordt om de twee "
        "jaar uitgereikt aan een project van een museum met basisscholen."
    ),
    "cycle": Cycle.BIENNIAL,
    "first_year": 2015,
    "prize_description": "€40.000 tot €45.000",
    "criteria": "<p>Voor educatieprojecten van musea samen met basisscholen.</p>",
    "organisers": ["Ministerie van Onderwijs, Cultuur en Wetenschap"],
    "partners": [],
}


def _organisations(names):
    result = []
    for name in names:
        kind = Organisation.Kind.GOVERNMENT if name.startswith("Ministerie") else Organisation.Kind.PARTNER
        org, _created = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
        result.append(org)
    return result


def _museum(ctx, key):
    """The demo museum page for ``key``: found by title, or created with name and town only."""
    titles, city, province = MUSEUMS[key]
    nl = ctx.locale("nl")
    for title in titles:
        museum = MuseumPage.objects.filter(locale=nl, title__iexact=title).order_by("path").first()
        if museum is not None:
            return museum
    index = (
        ctx.section("museums")
        if "museums" in ctx.sections
        else (MuseumIndexPage.objects.filter(locale=nl).order_by("path").first())
    )
    if index is None:
        return None
    return ctx.get_or_create_page(
        index,
        MuseumPage,
        slug=key,
        defaults={
            "title": titles[0],
            "city": city,
            "province": province,
            "intro": "Alleen naam en plaats zijn ingevuld. (Demo-pagina.)",
        },
    )


def _award(ctx, index, data):
    award = ctx.get_or_create_page(
        index,
        AwardPage,
        slug=data["slug"],
        defaults={key: value for key, value in data.items() if key not in ("slug", "organisers", "partners")}
        | {"listing_summary": data["intro"][:300]},
    )
    if not award.organisers.exists() and data["organisers"]:
        award.organisers.set(_organisations(data["organisers"]))
        award.partners.set(_organisations(data["partners"]))
        award.save_revision().publish()
    return award


def _ceremony_event(date):
    """The agenda's Museumcongres on ``date`` (the agenda is a sibling app: looked up by label)."""
    try:
        model = apps.get_model("agenda", "EventPage")
    except LookupError:
        return None
    return (
        model.objects.filter(title__icontains="Museumcongres", start_date=date)
        .live()
        .order_by("path")
        .first()
    )


def _edition(ctx, award, year, title, nominations=(), **fields):
    """``nominations``: (museum, stage, votes) or (museum, stage, votes, vote share) tuples."""
    rows = []
    for order, (museum, stage, votes, *share) in enumerate(nominations):
        if museum is not None:
            share = share[0] if share else None
            rows.append(
                Nomination(museum=museum, stage=stage, votes=votes, vote_share=share, sort_order=order)
            )
    return ctx.get_or_create_page(
        award,
        AwardEditionPage,
        slug=str(year),
        defaults={"title": title, "year": year, "nominations": rows, **fields},
    )


def _share(value):
    return Decimal(value) if value is not None else None


def _museumprijs_editions(ctx, award):
    for year in ctx.progress(range(2014, 2024), "Museumprijs 2014–2023"):
        winner, share, others, theme = WINNERS[year]
        nominations = [(_museum(ctx, winner), Stage.WINNER, None, _share(share))]
        nominations += [(_museum(ctx, key), Stage.NOMINEE, None, _share(other)) for key, other in others]
        winner_title = MUSEUMS[winner][0][0]
        text = f"{winner_title} won de Museumprijs {year}"
        text += f" met {share.replace('.', ',')} procent van de publieksstemmen." if share else "."
        if others:
            text += " Van de andere genomineerden staan hier de musea die bekend zijn."
        if not theme:
            text += f" {NO_THEME}"
        _edition(
            ctx,
            award,
            year,
            f"Museumprijs {year}",
            nominations,
            theme=theme,
            theme_description=text,
            listing_summary=f"De Museumprijs van {year}: winnaar {winner_title}.",
        )

    ceremony = datetime.date(2024, 11, 14)
    edition = _edition(
        ctx,
        award,
        2024,
        "VriendenLoterij Museumprijs 2024",
        [
            (_museum(ctx, "openluchtmuseum"), Stage.WINNER, 24448),
            (_museum(ctx, "abraham-fock"), Stage.NOMINEE, 19536),
            (_museum(ctx, "zilvermuseum"), Stage.NOMINEE, 10874),
        ],
        theme="Levende tradities",
        theme_description=(
            "46 musea meldden zich aan; zeven kwamen op de longlist en drie werden "
            "genomineerd. Het publiek koos het Nederlands Openluchtmuseum."
        ),
        prize_amount=100000,
        entries_count=46,
        longlist_size=7,
        ceremony_date=ceremony,
        ceremony_place="Museumcongres, Arnhem",
        ceremony_event=_ceremony_event(ceremony),
        listing_summary="Thema Levende tradities: winnaar Nederlands Openluchtmuseum.",
    )
    return edition


def _museumeducatie_editions(ctx, award):
    for year in ctx.progress((2021, 2023, 2025), "Museumeducatie Prijs"):
        _edition(
            ctx,
            award,
            year,
            f"Museumeducatie Prijs {year} (demo)",
            theme_description="Voorbeeldeditie: thema en winnaar zijn niet ingevuld. (Demo.)",
            is_demo=True,
            listing_summary=f"Voorbeeldeditie {year}. (Demo.)",
        )
    return _edition(
        ctx,
        award,
        2027,
        "Museumeducatie Prijs 2027 (demo)",
        theme_description="Een voorbeeldeditie met verzonnen data om de tijdlijn te tonen. (Demo.)",
        is_demo=True,
        prize_amount=40000,
        applications_open=datetime.date(2026, 9, 1),
        applications_close=datetime.date(2027, 1, 31),
        longlist_date=datetime.date(2027, 3, 15),
        nominees_date=datetime.date(2027, 4, 15),
        ceremony_date=datetime.date(2027, 6, 10),
        ceremony_place="Demo-locatie",
        listing_summary="Voorbeeldeditie met een tijdlijn. (Demo.)",
    )


@seed_step(kind="demo", order=60, label="awards")
def load(ctx):
    index = ctx.get_or_create_page(
        ctx.home,
        AwardsIndexPage,
        slug="prijzen",
        defaults={
            "title": "Prijzen",
            "intro": "Museumprijzen: de huidige edities, de genomineerden en alle winnaars.",
            "listing_summary": "Museumprijzen, edities, genomineerden en winnaars.",
            "show_in_menus": True,
        },
    )
    ctx.register_section("awards", index)
    ctx.translate(
        index,
        "en",
        title="Awards",
        slug="awards",
        intro="Museum awards: current editions, nominees and all winners.",
    )

    museumprijs = _award(ctx, index, MUSEUMPRIJS)
    edition_2024 = _museumprijs_editions(ctx, museumprijs)
    ctx.translate(
        museumprijs,
        "en",
        title="VriendenLoterij Museum Prize",
        slug="museum-prize",
        intro=(
            "The VriendenLoterij Museumprijs (formerly BankGiro Loterij Museumprijs) is awarded "
            "by the Cultuurfonds and the VriendenLoterij with the Museum Association. The public "
            "chooses the winner."
        ),
        prize_description="€100,000 for the winning museum",
    )
    ctx.translate(
        edition_2024,
        "en",
        title="VriendenLoterij Museum Prize 2024",
        slug="2024",
        theme="Living traditions",
        theme_description=(
            "46 museums applied; seven made the longlist and three were nominated. "
            "The public chose the Nederlands Openluchtmuseum."
        ),
        listing_summary="Theme Living traditions: winner Nederlands Openluchtmuseum.",
    )

    education = _award(ctx, index, MUSEUMEDUCATIE)
    edition_2027 = _museumeducatie_editions(ctx, education)
    ctx.translate(
        education,
        "en",
        title="Museum Education Prize",
        slug="museum-education-prize",
        intro=(
            "The Museumeducatie Prijs was set up by the education ministry (OCW) in 2015 and is "
            "awarded every two years to a project of a museum with primary schools."
        ),
        prize_description="€40,000 to €45,000",
    )
    ctx.translate(
        edition_2027,
        "en",
        title="Museum Education Prize 2027 (demo)",
        slug="2027",
        theme_description="An example edition with invented dates to show the timeline. (Demo.)",
        listing_summary="Example edition with a timeline. (Demo.)",
    )
