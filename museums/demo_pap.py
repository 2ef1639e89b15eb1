"""Papiamentu demo content of the museums app: the finder, the museums on Aruba, Bonaire and
Curaçao (where Papiamentu is spoken) and their exhibitions, as real translations.

The texts are FIRST DRAFTS written for this demo, awaiting review by a native speaker: the
admin says so on every page (``core.reviews``) until an editor marks it as reviewed. Exhibition
titles are translated from the Dutch demo titles; an exhibition whose title is not known here
keeps its alias (the Dutch page, marked as Dutch). Every other museum stays an alias.
"""

from core.seeding import seed_step

from .choices import Province
from .demo_data import MUSEUMS, missing_facts
from .models import ExhibitionPage, MuseumIndexPage, MuseumPage
from .models import OpeningHoursException as Exception_

# The islands where Papiamentu is spoken, by their name in Papiamentu.
ISLANDS = {Province.ARUBA: "Aruba", Province.BONAIRE: "Boneiru", Province.CURACAO: "Kòrsou"}

DEMO_NOTE = "Oranan di habri, aksesibilidat i eksposishonnan riba e página aki ta datonan di demostrashon."
MISSING_LABELS = {
    "address": "e adrès",
    "postcode": "e kódigo postal",
    "coordinates": "e lokalisashon di e edifisio",
}

# The Dutch demo titles (``demo_data.EXHIBITION_TITLES``) in Papiamentu.
EXHIBITION_TITLES = {
    "De collectie": "E kolekshon",
    "Licht in de polder": "Lus den polder",
    "Kijk mij nou!": "Mira mi!",
    "Verborgen verhalen": "Historianan skondí",
    "Op reis met een koffer": "Di biahe ku un maleta",
    "Zilver en zout": "Plata i salu",
    "Wie was hier eerst?": "Ken tabata aki promé?",
    "Stof tot nadenken": "Kos pa pensa riba dje",
    "Het atelier": "E atelier",
    "Knutselen met klei": "Traha kos ku klei",
    "Nieuwe buren": "Bisiñanan nobo",
    "Tussen eb en vloed": "Entre marea abou i marea haltu",
    "Geluid van de stad": "Zonido di stat",
    "Mensen van het water": "Hende di awa",
    "Kleur bekennen": "Mustra bo koló",
}

# Labels of the demo's opening-hours exceptions (``demo.holiday_exceptions``) on the islands.
HOLIDAYS = {
    "Nieuwjaarsdag (demo)": "Aña Nobo (demo)",
    "Eerste Kerstdag (demo)": "Pasku (demo)",
}


def _missing_note(slug, province, city):
    missing = [MISSING_LABELS[name] for name in missing_facts(slug, province)]
    if not missing:
        return ""
    listed = ", ".join(missing[:-1]) + (" i " if len(missing) > 1 else "") + missing[-1]
    return f" Pa {listed} no a haña un fuente públiko; e mapa ta mustra e sentro di {city}. (Demo.)"


def _exceptions(museum):
    """The museum's opening-hours exceptions with their labels in Papiamentu."""
    return [
        Exception_(
            start_date=row.start_date,
            end_date=row.end_date,
            weekday=row.weekday,
            closed=row.closed,
            opens=row.opens,
            closes=row.closes,
            closes_next_day=row.closes_next_day,
            label=HOLIDAYS.get(row.label, row.label),
        )
        for row in museum.hours_exceptions.all()
    ]


@seed_step(kind="demo", order=35, label="museums in Papiamentu")
def load(ctx):
    nl = ctx.locale("nl")
    index = MuseumIndexPage.objects.filter(locale=nl).first()
    if index is None:
        ctx.log("    no museum finder: nothing to translate")
        return
    ctx.translate(
        index,
        "pap",
        title="Museonan",
        slug="museonan",
        intro="Ki museo bo por bishitá, unda, i e ta habrí awor? Buska segun lugá, provinsia òf isla, "
        "tipo di museo, aksesibilidat i oranan di habri.",
        listing_summary="Haña un museo ku ta habrí awor, serka di bo.",
    )
    caribbean = [row for row in MUSEUMS if row[3] in ISLANDS]
    for slug, title, city, province, *_rest in ctx.progress(caribbean, "museums in Papiamentu"):
        museum = MuseumPage.objects.child_of(index).filter(slug=slug).first()
        if museum is None:
            continue
        island = ISLANDS[province]
        fields = {
            "intro": f"{title} na {city}, {island}. {DEMO_NOTE}{_missing_note(slug, province, city)}",
            "listing_summary": f"{title} na {city}, {island} (oranan di demostrashon).",
            "hours_exceptions": _exceptions(museum),
        }
        if museum.museumkaart_conditions:
            fields["museumkaart_conditions"] = "Reservá un tempu di antemano, tambe ku e Museumkaart. (Demo.)"
        if museum.accessibility_notes:
            fields["accessibility_notes"] = "Puntra na e mostrador kiko ta posibel. (Demo.)"
        ctx.translate(museum, "pap", **fields)
        for exhibition in ExhibitionPage.objects.child_of(museum).order_by("path"):
            name = exhibition.title.removesuffix(" (demo)")
            if name not in EXHIBITION_TITLES:
                continue  # a title this module does not know stays an alias (shown in Dutch)
            ctx.translate(
                exhibition,
                "pap",
                title=f"{EXHIBITION_TITLES[name]} (demo)",
                intro=f"Un eksposishon inventá den {title}. (Demo.)",
                listing_summary=f"Eksposishon den {title}, {city} (demo).",
            )
