"""English texts of the awards demo: the awards, the Museumprijs editions (built from templates,
as the Dutch ones are) and the Museumeducatie Prijs (``core/demo_en.py`` applies them through
wagtail-localize)."""

from core.demo_en import english_texts

OTHERS = " Of the other nominees, the museums that are known are listed here."
NO_THEME = " This edition's theme is not included in this demo."


def _winner(match, _english):
    text = f"{match['museum']} won the Museumprijs {match['year']}"
    text += (
        f" with {match['share'].replace(',', '.')} per cent of the public vote." if match["share"] else "."
    )
    if match["others"]:
        text += OTHERS
    if match["no_theme"]:
        text += NO_THEME
    return text


english_texts(
    {
        "Prijzen": "Awards",
        "Museumprijzen, edities, genomineerden en winnaars.": "Museum awards, editions, nominees and winners.",
        "Museumprijzen: de huidige edities, de genomineerden en alle winnaars.": (
            "Museum awards: current editions, nominees and all winners."
        ),
        "VriendenLoterij Museumprijs": "VriendenLoterij Museum Prize",
        "De VriendenLoterij Museumprijs (voorheen BankGiro Loterij Museumprijs) is een prijs van het "
        "Cultuurfonds en de VriendenLoterij, samen met de Museumvereniging. Het publiek kiest de winnaar.": (
            "The VriendenLoterij Museumprijs (formerly BankGiro Loterij Museumprijs) is awarded by the "
            "Cultuurfonds and the VriendenLoterij with the Museum Association. The public chooses the winner."
        ),
        "Elk jaar is er een thema. Musea melden zich aan; de jury bezoekt de musea op de longlist en kiest "
        "drie genomineerden. Daarna stemt het publiek (vanaf 18 jaar) en de winnaar krijgt de prijs op "
        "het Museumcongres.": "Every year has a theme. Museums apply; the jury visits the museums on the "
        "longlist and chooses three nominees. Then the public (aged 18 and over) votes, and the winner "
        "receives the prize at the Museum congress.",
        "€100.000 voor het winnende museum": "€100,000 for the winning museum",
        "Digitaal verhaal": "Digital story",
        "VriendenLoterij Museumprijs 2024": "VriendenLoterij Museum Prize 2024",
        "Thema Levende tradities: winnaar Nederlands Openluchtmuseum.": (
            "Theme Living traditions: winner Nederlands Openluchtmuseum."
        ),
        "Levende tradities": "Living traditions",
        "46 musea meldden zich aan; zeven kwamen op de longlist en drie werden genomineerd. Het publiek "
        "koos het Nederlands Openluchtmuseum.": "46 museums applied; seven made the longlist and three "
        "were nominated. The public chose the Nederlands Openluchtmuseum.",
        "Museumcongres, Arnhem": "Museum congress, Arnhem",
        "Museumeducatie Prijs": "Museum Education Prize",
        "De Museumeducatie Prijs is in 2015 ingesteld door het ministerie van OCW en wordt om de twee jaar "
        "uitgereikt aan een project van een museum met basisscholen.": "The Museumeducatie Prijs was set "
        "up by the education ministry (OCW) in 2015 and is awarded every two years to a project of a "
        "museum with primary schools.",
        "Voor educatieprojecten van musea samen met basisscholen.": (
            "For education projects of museums together with primary schools."
        ),
        "€40.000 tot €45.000": "€40,000 to €45,000",
        "Voorbeeldeditie: thema en winnaar zijn niet ingevuld.": (
            "Example edition: theme and winner are not filled in."
        ),
        "Voorbeeldeditie met een tijdlijn.": "Example edition with a timeline.",
        "Een voorbeeldeditie met verzonnen data om de tijdlijn te tonen.": (
            "An example edition with invented dates to show the timeline."
        ),
        "Demo-locatie": "Demo venue",
        "Alleen naam en plaats zijn ingevuld. (Demo-pagina.)": "Only the name and town are filled in. (Demo page.)",
    },
    rules=[
        (r"Museumprijs (?P<year>\d{4})", lambda m, _: f"Museum Prize {m['year']}"),
        (r"Museumeducatie Prijs (?P<year>\d{4})", lambda m, _: f"Museum Education Prize {m['year']}"),
        (r"Voorbeeldeditie (?P<year>\d{4})\.", lambda m, _: f"Example edition {m['year']}."),
        (
            r"De Museumprijs van (?P<year>\d{4}): winnaar (?P<museum>.+)\.",
            lambda m, _: f"The Museum Prize of {m['year']}: winner {m['museum']}.",
        ),
        (
            r"(?P<museum>.+) won de Museumprijs (?P<year>\d{4})(?: met (?P<share>[\d,]+) procent van de "
            r"publieksstemmen)?\.(?P<others> Van de andere genomineerden staan hier de musea die bekend "
            r"zijn\.)?(?P<no_theme> Het thema van deze editie is niet in deze demo opgenomen\.)?",
            _winner,
        ),
    ],
)
