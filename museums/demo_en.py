"""English texts of the museums demo: the finder, each museum's intro and summary (built from
templates, as the Dutch ones are) and the invented exhibitions (``core/demo_en.py`` applies them
through wagtail-localize). Museum names, addresses and towns are names and stay as they are."""

from core.demo_en import english_texts

# The invented exhibitions of ``demo_data.EXHIBITION_TITLES``, in English.
EXHIBITIONS = {
    "Licht in de polder": "Light over the polder",
    "Kijk mij nou!": "Look at me!",
    "Verborgen verhalen": "Hidden stories",
    "Op reis met een koffer": "Travelling with a suitcase",
    "Zilver en zout": "Silver and salt",
    "Wie was hier eerst?": "Who was here first?",
    "Stof tot nadenken": "Food for thought",
    "Het atelier": "The studio",
    "Knutselen met klei": "Making things with clay",
    "Nieuwe buren": "New neighbours",
    "Tussen eb en vloed": "Between ebb and flood",
    "Geluid van de stad": "The sound of the city",
    "Mensen van het water": "People of the water",
    "Kleur bekennen": "Showing your colours",
    "De collectie": "The collection",
}

# The facts a museum page may say were not found (``demo.MISSING_LABELS``).
MISSING = {
    "het adres": "the address",
    "de postcode": "the postcode",
    "de ligging van het gebouw": "the building's location",
}


def _missing(listed):
    """'het adres, de postcode en de ligging van het gebouw' in English."""
    head, _and, last = listed.rpartition(" en ")
    parts = [*(part for part in head.split(", ") if part), last]
    english = [MISSING.get(part, part) for part in parts]
    return ", ".join(english[:-1]) + (" and " if len(english) > 1 else "") + english[-1]


def _museum_intro(match, english):
    text = f"{match['title']} in {match['city']}. Opening hours, accessibility and exhibitions on this page are demo data."
    if match["listed"]:
        text += (
            f" No public source was found for {_missing(match['listed'])}; the map shows the centre of "
            f"{match['centre']}. (Demo.)"
        )
    return text


english_texts(
    {
        **EXHIBITIONS,
        "Musea": "Museums",
        "Vind een museum dat nu open is, bij u in de buurt.": "Find a museum near you that is open now.",
        "Welk museum kunt u bezoeken, waar, en is het nu open? Zoek op plaats, provincie, soort museum, "
        "toegankelijkheid en openingstijden.": "Which museum can you visit, where, and is it open now? "
        "Search by place, province, kind of museum, accessibility and opening hours.",
        "Vraag bij de balie naar de mogelijkheden. (Demo.)": "Ask at the front desk what is available. (Demo.)",
        "Reserveer vooraf een tijdslot, ook met de Museumkaart. (Demo.)": (
            "Book a time slot in advance, also with a Museumkaart. (Demo.)"
        ),
    },
    rules=[
        (
            r"(?P<title>.+) in (?P<city>.+)\. Openingstijden, toegankelijkheid en tentoonstellingen op deze "
            r"pagina zijn demogegevens\.(?: Voor (?P<listed>.+) is geen openbare bron gevonden; de kaart "
            r"toont het centrum van (?P<centre>.+)\. \(Demo\.\))?",
            _museum_intro,
        ),
        (
            r"(?P<title>.+) in (?P<city>.+) \(demo-openingstijden\)\.",
            lambda m, _: f"{m['title']} in {m['city']} (demo opening hours).",
        ),
        (
            r"Een verzonnen tentoonstelling in (?P<museum>.+)\. \(Demo\.\)",
            lambda m, _: f"An invented exhibition at {m['museum']}. (Demo.)",
        ),
        (
            r"Tentoonstelling in (?P<museum>.+), (?P<city>.+) \(demo\)\.",
            lambda m, _: f"Exhibition at {m['museum']}, {m['city']} (demo).",
        ),
    ],
    same={("MuseumPage", "title")},
)
