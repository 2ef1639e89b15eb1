"""Demo content of the agenda: the agenda page and 40+ events over the past and coming year.

Dated public facts (DOMAIN.md): the Museumcongres in Arnhem on 14 Nov 2024, the Focusprogramma
Digitale Transities (1 Sep 2024 – 10 Feb 2025), the centenary on 27 Feb 2026 at the
Rijksmuseum and the symposium on Saba and Sint Eustatius heritage on 19 Feb 2026. Every other
event is invented, marked "(demo)", and dated relative to the day the demo is loaded: the kinds
of activity are the association's own (congress, seminars, webinars, network meetings, working
groups, the book club, training on the Museumnorm, Museumkaart sessions, partners' activities),
and the titles follow its themes and dossiers.
"""

import datetime

from django.utils import timezone

from core.models import Dossier, Organisation, Theme
from core.seeding import seed_step
from museums.models import MuseumPage

from .choices import AttendanceMode, EventAudience, EventStatus, EventType, Recurrence
from .models import AgendaIndexPage, EventExceptionDate, EventPage, EventSession, EventSpeaker

T = datetime.time
STREAM = "https://example.org/demo-stream"
REGISTER = "https://example.org/demo-aanmelden"


DEN = "DEN Kennisinstituut cultuur & digitalisering"
S, W, N, G, TR, P = (
    EventType.SEMINAR,
    EventType.WEBINAR,
    EventType.NETWORK_MEETING,
    EventType.WORKING_GROUP,
    EventType.TRAINING,
    EventType.PARTNER_ACTIVITY,
)
# (type, title, dossier slug or "", theme slug, city or None for online, intro): invented events
# of the association's kinds, in date order; they are loaded with "(demo)" after the title.
SPREAD = [
    (
        S,
        "Seminar duurzaam collectiebeheer: klimaat in het depot",
        "duurzaamheid",
        "duurzaam",
        "Leeuwarden",
        "Ruimere klimaatmarges, minder energie: wat kan een depot aan en hoe meet u het?",
    ),
    (
        W,
        "Webinar: de collectie online met open data",
        "digitalisering",
        "aantrekkelijk",
        None,
        "Hoe zet u collectiegegevens online zodat anderen ze kunnen hergebruiken?",
    ),
    (
        N,
        "Netwerkbijeenkomst diversiteit en inclusie Noord-Nederland",
        "code-diversiteit-inclusie",
        "divers",
        "Assen",
        "Musea uit het noorden delen wat werkt bij de Code Diversiteit & Inclusie.",
    ),
    (
        G,
        "Werkgroep toegankelijkheid: prikkelarme uren",
        "toegankelijkheid",
        "inclusief",
        "Leiden",
        "De werkgroep maakt een handreiking voor prikkelarme openingsuren.",
    ),
    (
        TR,
        "Training Museumnorm: op weg naar herregistratie",
        "museumnorm",
        "financieel-gezond",
        "Kerkrade",
        "Een dag over de Museumnorm en wat het Museumregister bij een herregistratie vraagt.",
    ),
    (
        P,
        "Masterclass digitale strategie",
        "digitalisering",
        "aantrekkelijk",
        "Enkhuizen",
        "Een masterclass van een partner over een digitale strategie voor het hele museum.",
    ),
    (
        S,
        "Seminar sociale veiligheid op de werkvloer",
        "sociale-veiligheid",
        "aantrekkelijk",
        "Lelystad",
        "Over een veilige werkplek voor medewerkers en vrijwilligers, met voorbeelden uit musea.",
    ),
    (
        W,
        "Webinar Museumkaart: wat de kaarthouder in de app ziet",
        "",
        "financieel-gezond",
        None,
        "Stichting Museumkaart laat zien wat kaarthouders zien en wat musea kunnen aanleveren.",
    ),
    (
        N,
        "Netwerkbijeenkomst educatie en publieksbereik Brabant",
        "toegankelijkheid",
        "inclusief",
        "Helmond",
        "Educatiemedewerkers uit Brabant over scholen, gezinnen en nieuwe doelgroepen.",
    ),
    (
        G,
        "Werkgroep Museumcijfers: de vragenlijst van dit jaar",
        "museumcijfers",
        "financieel-gezond",
        "Middelburg",
        "De werkgroep bespreekt de vragen voor de jaarlijkse Museumcijfers.",
    ),
    (
        TR,
        "Training calamiteitenplan en collectiehulp",
        "collectieveiligheid",
        "duurzaam",
        "Groningen",
        "Oefenen met een calamiteitenplan: wat redt u eerst, en wie doet wat?",
    ),
    (
        P,
        "Kennissessie energie besparen in erfgoedgebouwen",
        "duurzaamheid",
        "duurzaam",
        "Utrecht",
        "Een partner over isoleren en verduurzamen zonder de monumentale waarde te schaden.",
    ),
    (
        S,
        "Seminar ethisch fondsenwerven: de herkomst van giften",
        "ethisch-fondsenwerven",
        "financieel-gezond",
        "Leeuwarden",
        "Wanneer neemt u een gift of sponsoring aan, en hoe legt u dat uit?",
    ),
    (
        W,
        "Webinar Code Diversiteit & Inclusie: de vier P's in de praktijk",
        "code-diversiteit-inclusie",
        "divers",
        None,
        "Programma, publiek, personeel en partners: voorbeelden uit vier musea.",
    ),
    (
        N,
        "Netwerkbijeenkomst vrijwilligerscoördinatoren",
        "",
        "aantrekkelijk",
        "Leiden",
        "Coördinatoren van vrijwilligers over werven, begeleiden en bedanken.",
    ),
    (
        G,
        "Werkgroep Caribisch erfgoed: overleg met de eilanden",
        "caribisch-deel-koninkrijk",
        "divers",
        None,
        "Online overleg tussen musea in Europees en Caribisch Nederland.",
    ),
    (
        TR,
        "Training toegankelijke teksten en audiodescriptie",
        "toegankelijkheid",
        "inclusief",
        "Enkhuizen",
        "Zaalteksten in eenvoudige taal en beschrijvingen voor blinde en slechtziende bezoekers.",
    ),
    (
        P,
        "Werksessie digitaal collectiebeheer",
        "digitalisering",
        "aantrekkelijk",
        "Lelystad",
        "Een partner over registratiesystemen, persistente links en het opschonen van data.",
    ),
    (
        S,
        "Seminar klimaatneutraal verbouwen",
        "duurzaamheid",
        "duurzaam",
        "Helmond",
        "Musea die verbouwen vertellen hoe ze de uitstoot van hun gebouw omlaag brachten.",
    ),
    (
        W,
        "Webinar Museumkaart: reserveren en tijdsloten",
        "",
        "financieel-gezond",
        None,
        "Wat werkt voor kaarthouders die een tijdslot moeten reserveren, en wat niet?",
    ),
    (
        N,
        "Netwerkbijeenkomst kleine musea",
        "museumnorm",
        "aantrekkelijk",
        "Middelburg",
        "Kleine musea, vaak met vooral vrijwilligers, over de Museumnorm en samenwerking in de regio.",
    ),
    (
        G,
        "Werkgroep sociale veiligheid: gedragscode en vertrouwenspersoon",
        "sociale-veiligheid",
        "aantrekkelijk",
        "Groningen",
        "De werkgroep werkt een voorbeeldgedragscode voor musea uit.",
    ),
    (
        TR,
        "Training Museumnorm voor registratiecoördinatoren",
        "museumnorm",
        "financieel-gezond",
        "Utrecht",
        "Voor wie in het museum de registratie in het Museumregister voorbereidt.",
    ),
    (
        P,
        "Inspiratiedag digitale publieksbeleving",
        "digitalisering",
        "aantrekkelijk",
        "Leeuwarden",
        "Een partner laat voorbeelden zien van digitale verhalen in de zaal en online.",
    ),
    (
        S,
        "Seminar inclusief programmeren met de buurt",
        "code-diversiteit-inclusie",
        "inclusief",
        "Assen",
        "Hoe maakt u tentoonstellingen samen met buurtbewoners en nieuwe publieksgroepen?",
    ),
    (
        W,
        "Webinar Museumcijfers: de nieuwe bezoekcijfers toegelicht",
        "museumcijfers",
        "financieel-gezond",
        None,
        "Een toelichting op de jongste Museumcijfers: bezoek, Museumkaart en jongeren.",
    ),
    (
        N,
        "Netwerkbijeenkomst duurzaamheidscoördinatoren",
        "duurzaamheid",
        "duurzaam",
        "Kerkrade",
        "Wie in een museum de verduurzaming trekt, wisselt ervaringen en cijfers uit.",
    ),
    (
        G,
        "Werkgroep digitalisering: linked data in de collectieregistratie",
        "digitalisering",
        "aantrekkelijk",
        "Enkhuizen",
        "De werkgroep bespreekt gedeelde termenlijsten en verwijzingen.",
    ),
    (
        TR,
        "Training veilig werken met bruiklenen",
        "collectieveiligheid",
        "duurzaam",
        "Lelystad",
        "Over transport, verzekering, klimaat en beveiliging bij in- en uitgaande bruiklenen.",
    ),
    (
        P,
        "Kennissessie toegankelijke museumwebsites",
        "toegankelijkheid",
        "inclusief",
        "Helmond",
        "Een partner over WCAG, toegankelijke tickets en de European Accessibility Act.",
    ),
    (
        S,
        "Seminar werkgeverschap: het vernieuwde functiehandboek",
        "museum-cao",
        "aantrekkelijk",
        "Middelburg",
        "Over de herziening van het Functiehandboek van de Museum cao en wat die voor musea betekent.",
    ),
    (
        W,
        "Webinar financieel gezond: meerjarenbegroting en reserves",
        "museumnorm",
        "financieel-gezond",
        None,
        "Een sluitende meerjarenbegroting en een verstandige reserve, met voorbeelden uit musea.",
    ),
]


def _museum(title):
    return MuseumPage.objects.live().filter(title__iexact=title, locale__language_code="nl").first()


def _fact_events(today):
    return [
        {
            "slug": "museumcongres-2024",
            "title": "Museumcongres 2024",
            "event_type": EventType.CONGRESS,
            "start_date": datetime.date(2024, 11, 14),
            "start_time": T(9, 30),
            "end_time": T(17, 30),
            "venue_name": "Arnhem (demo-locatie)",
            "venue_city": "Arnhem",
            "venue_province": "NL-GE",
            "audience": EventAudience.PROFESSIONALS,
            "themes": ["aantrekkelijk", "duurzaam"],
            "intro": "Het jaarlijkse Museumcongres voor zo'n 1.000 museumprofessionals, met de uitreiking "
            "van de VriendenLoterij Museumprijs 2024.",
            "registration_url": REGISTER,
            "price_member": "195.00",
            "price_non_member": "295.00",
        },
        {
            "slug": "focusprogramma-digitale-transities",
            "title": "Focusprogramma Digitale Transities",
            "event_type": EventType.PARTNER_ACTIVITY,
            "organiser": "DEN Kennisinstituut cultuur & digitalisering",
            "start_date": datetime.date(2024, 9, 1),
            "end_date": datetime.date(2025, 2, 10),
            "all_day": True,
            "attendance_mode": AttendanceMode.ONLINE,
            "online_url": STREAM,
            "dossiers": ["digitalisering"],
            "intro": "Een programma van een partner over digitale transities in musea.",
        },
        {
            "slug": "eeuwfeest-museumvereniging",
            "title": "100 jaar Museumvereniging",
            "event_type": EventType.GENERAL_MEETING,
            "start_date": datetime.date(2026, 2, 27),
            "start_time": T(15, 0),
            "end_time": T(19, 0),
            "museum": "Rijksmuseum",
            "venue_name": "Rijksmuseum",
            "venue_city": "Amsterdam",
            "venue_province": "NL-NH",
            "audience": EventAudience.MEMBERS,
            "intro": "De Museumvereniging, opgericht in 1926, viert haar eeuwfeest in het Rijksmuseum.",
        },
        {
            "slug": "symposium-erfgoed-saba-statia",
            "title": "Symposium erfgoed van Saba en Sint Eustatius",
            "event_type": EventType.PARTNER_ACTIVITY,
            "organiser": "Rijksdienst voor het Cultureel Erfgoed",
            "start_date": datetime.date(2026, 2, 19),
            "start_time": T(9, 0),
            "end_time": T(13, 0),
            "time_zone": "America/Kralendijk",
            "attendance_mode": AttendanceMode.ONLINE,
            "online_url": STREAM,
            "dossiers": ["caribisch-deel-koninkrijk"],
            "intro": "Een symposium over het erfgoed van Saba en Sint Eustatius (tijden en stream: demo).",
        },
    ]


def _demo_events(today):
    d = lambda days: today + datetime.timedelta(days=days)  # noqa: E731
    events = [
        {
            "slug": "museumcongres-demo",
            "title": "Museumcongres (demo)",
            "event_type": EventType.CONGRESS,
            "start_date": d(170),
            "start_time": T(9, 30),
            "end_time": T(17, 30),
            "museum": "Nederlands Openluchtmuseum",
            "venue_name": "Demo-congrescentrum",
            "venue_city": "Arnhem",
            "venue_province": "NL-GE",
            "audience": EventAudience.PROFESSIONALS,
            "themes": ["aantrekkelijk"],
            "registration_url": REGISTER,
            "registration_deadline": timezone.make_aware(datetime.datetime.combine(d(150), T(23, 59))),
            "capacity": 1000,
            "price_member": "195.00",
            "price_non_member": "295.00",
            "speakers": [("Demo-spreker", "directeur, demo-museum")],
            "intro": "Het jaarlijkse congres van de museumsector. (Demo-datum en -programma.)",
        },
        {
            "slug": "leesclub-museumboeken",
            "title": "Leesclub museumboeken (demo)",
            "event_type": EventType.BOOK_CLUB,
            "start_date": d(-120),
            "start_time": T(19, 30),
            "end_time": T(21, 0),
            "recurrence": Recurrence.MONTHLY_WEEKDAY,
            "recurrence_count": 14,
            "attendance_mode": AttendanceMode.ONLINE,
            "online_url": STREAM,
            "audience": EventAudience.MEMBERS,
            "themes": ["divers"],
            "exceptions": [d(-120 + 28 * 4)],
            "intro": "Elke maand bespreken leden een boek over musea. (Demo.)",
        },
        {
            "slug": "webinar-energiebesparing-geannuleerd",
            "title": "Webinar energiebesparing in depots (demo)",
            "event_type": EventType.WEBINAR,
            "start_date": d(21),
            "start_time": T(14, 0),
            "end_time": T(15, 0),
            "attendance_mode": AttendanceMode.ONLINE,
            "online_url": STREAM,
            "status": EventStatus.CANCELLED,
            "themes": ["duurzaam"],
            "dossiers": ["duurzaamheid"],
            "intro": "Dit webinar gaat niet door. (Demo.)",
        },
        {
            "slug": "training-collectieveiligheid",
            "title": "Training collectieveiligheid (demo)",
            "event_type": EventType.TRAINING,
            "start_date": d(35),
            "start_time": T(10, 0),
            "end_time": T(16, 0),
            "sessions": [
                (d(42), T(10, 0), T(16, 0), "Dag 2: calamiteitenplan"),
                (d(49), T(10, 0), T(13, 0), "Dag 3: oefening"),
            ],
            "venue_name": "Demo-opleidingscentrum",
            "venue_city": "Utrecht",
            "venue_province": "NL-UT",
            "dossiers": ["collectieveiligheid"],
            "registration_url": REGISTER,
            "capacity": 24,
            "price_member": "450.00",
            "price_non_member": "650.00",
            "intro": "Een training in drie dagdelen over de veiligheid van collecties. (Demo.)",
        },
        {
            "slug": "netwerkbijeenkomst-caribische-musea",
            "title": "Netwerkbijeenkomst Caribische musea (demo)",
            "event_type": EventType.NETWORK_MEETING,
            "start_date": d(60),
            "start_time": T(18, 0),
            "end_time": T(20, 0),
            "time_zone": "America/Kralendijk",
            "museum": "Museo Chich'i Tan",
            "venue_name": "Demo-locatie Rincon",
            "venue_city": "Rincon",
            "venue_province": "NL-BQ1",
            "attendance_mode": AttendanceMode.MIXED,
            "online_url": STREAM,
            "dossiers": ["caribisch-deel-koninkrijk"],
            "themes": ["divers"],
            "intro": "Musea op de eilanden ontmoeten elkaar, ter plaatse en online. (Demo.)",
        },
        {
            "slug": "alv-voorjaar",
            "title": "Algemene ledenvergadering voorjaar (demo)",
            "event_type": EventType.GENERAL_MEETING,
            "start_date": d(140),
            "start_time": T(13, 30),
            "end_time": T(16, 30),
            "venue_name": "Demo-vergaderzaal",
            "venue_city": "Amsterdam",
            "venue_province": "NL-NH",
            "attendance_mode": AttendanceMode.MIXED,
            "online_url": STREAM,
            "audience": EventAudience.MEMBERS,
            "intro": "De ALV van de vereniging. (Demo.)",
        },
        {
            "slug": "werkgroep-museum-cao",
            "title": "Werkgroep Museum cao (demo)",
            "event_type": EventType.WORKING_GROUP,
            "start_date": d(-40),
            "start_time": T(10, 0),
            "end_time": T(12, 0),
            "recurrence": Recurrence.WEEKLY,
            "recurrence_interval": 6,
            "recurrence_until": d(200),
            "attendance_mode": AttendanceMode.ONLINE,
            "online_url": STREAM,
            "dossiers": ["museum-cao"],
            "audience": EventAudience.DIRECTORS,
            "intro": "De werkgroep bespreekt de Museum cao en de functieordening. (Demo.)",
        },
        {
            "slug": "seminar-uitgesteld",
            "title": "Seminar sociale veiligheid (demo)",
            "event_type": EventType.SEMINAR,
            "start_date": d(75),
            "start_time": T(13, 0),
            "end_time": T(17, 0),
            "status": EventStatus.POSTPONED,
            "venue_name": "Demo-zaal",
            "venue_city": "Den Haag",
            "venue_province": "NL-ZH",
            "dossiers": ["sociale-veiligheid"],
            "intro": "Dit seminar is uitgesteld; een nieuwe datum volgt. (Demo.)",
        },
        {
            "slug": "seminar-verplaatst",
            "title": "Seminar ethisch fondsenwerven (demo)",
            "event_type": EventType.SEMINAR,
            "start_date": d(95),
            "start_time": T(13, 0),
            "end_time": T(17, 0),
            "status": EventStatus.RESCHEDULED,
            "previous_start": timezone.make_aware(datetime.datetime.combine(d(88), T(13, 0))),
            "venue_name": "Demo-zaal",
            "venue_city": "Zwolle",
            "venue_province": "NL-OV",
            "dossiers": ["ethisch-fondsenwerven"],
            "themes": ["financieel-gezond"],
            "intro": "Dit seminar is verplaatst naar een nieuwe datum. (Demo.)",
        },
    ]
    # A spread of further events over the past and coming year, one every three weeks, drawn from
    # the association's kinds of activity and tied to its themes and dossiers. Titles and
    # content are invented and marked "(demo)"; the slugs stay as they were.
    places = {
        "Leeuwarden": "NL-FR",
        "Assen": "NL-DR",
        "Leiden": "NL-ZH",
        "Kerkrade": "NL-LI",
        "Enkhuizen": "NL-NH",
        "Lelystad": "NL-FL",
        "Helmond": "NL-NB",
        "Middelburg": "NL-ZE",
        "Groningen": "NL-GR",
        "Utrecht": "NL-UT",
    }
    for number, (kind, title, dossier, theme, city, intro) in enumerate(SPREAD):
        online = city is None
        organiser = None
        if kind == EventType.PARTNER_ACTIVITY:
            organiser = "Rijksdienst voor het Cultureel Erfgoed" if dossier == "duurzaamheid" else DEN
        events.append(
            {
                "slug": f"demo-activiteit-{number + 1}",
                "title": f"{title} (demo)",
                "event_type": kind,
                "start_date": d(-330 + number * 21),
                "start_time": T(10 + number % 5, 0),
                "end_time": T(12 + number % 5, 0),
                "attendance_mode": AttendanceMode.ONLINE if online else AttendanceMode.IN_PERSON,
                "online_url": STREAM if online else "",
                "venue_name": "" if online else f"Demo-locatie {city}",
                "venue_city": "" if online else city,
                "venue_province": "" if online else places[city],
                "audience": [EventAudience.EVERYONE, EventAudience.PROFESSIONALS, EventAudience.MEMBERS][
                    number % 3
                ],
                "themes": [theme],
                "dossiers": [dossier] if dossier else [],
                "organiser": organiser,
                "registration_url": REGISTER if number % 2 == 0 else "",
                "registration_full": number % 8 == 0,
                "price_member": "0.00" if number % 2 == 0 else None,
                "price_non_member": "25.00" if number % 2 == 0 else None,
                "intro": f"{intro} (Demo.)",
            }
        )
    return events


def _create(ctx, agenda, data):
    data = dict(data)
    themes = list(Theme.objects.filter(locale=agenda.locale, slug__in=data.pop("themes", [])))
    dossiers = list(Dossier.objects.filter(locale=agenda.locale, slug__in=data.pop("dossiers", [])))
    organiser = data.pop("organiser", None)
    museum = _museum(data.pop("museum", "") or "")
    speakers = data.pop("speakers", [])
    sessions = data.pop("sessions", [])
    exceptions = data.pop("exceptions", [])
    slug = data.pop("slug")
    if museum is not None:
        for name in ("venue_name", "venue_city", "venue_province"):
            data.pop(name, None)
        data["venue_museum"] = museum
    if organiser:
        data["organiser"] = Organisation.objects.filter(name=organiser).first()
    data.setdefault("listing_summary", data.get("intro", "")[:300])
    data.update(
        themes=themes,
        dossiers=dossiers,
        speakers=[EventSpeaker(name=name, role=role) for name, role in speakers],
        sessions=[EventSession(date=s[0], start_time=s[1], end_time=s[2], title=s[3]) for s in sessions],
        exception_dates=[EventExceptionDate(date=day) for day in exceptions],
    )
    return ctx.get_or_create_page(agenda, EventPage, slug=slug, defaults=data)


@seed_step(kind="demo", order=40, label="agenda")
def load(ctx):
    agenda = ctx.get_or_create_page(
        ctx.home,
        AgendaIndexPage,
        slug="agenda",
        defaults={
            "title": "Agenda",
            "intro": "Seminars, webinars, netwerkbijeenkomsten, het Museumcongres en activiteiten van partners.",
            "listing_summary": "Wat er te doen is voor musea en museumprofessionals.",
            "show_in_menus": True,
            "submission_intro": "Organiseert u een activiteit voor musea? Stel haar voor; de redactie "
            "beoordeelt elk voorstel voordat het in de agenda komt.",
        },
    )
    ctx.register_section("agenda", agenda)
    today = timezone.localdate()
    events = {}
    for data in ctx.progress([*_fact_events(today), *_demo_events(today)], "events"):
        events[data["slug"]] = _create(ctx, agenda, data)
    ctx.translate(
        agenda,
        "en",
        title="Events",
        slug="events",
        intro="Seminars, webinars, network meetings, the Museum congress and partners' activities.",
        listing_summary="What is on for museums and museum professionals.",
    )
    for slug, title in (
        ("museumcongres-demo", "Museum congress (demo)"),
        ("training-collectieveiligheid", "Collection safety training (demo)"),
    ):
        ctx.translate(events[slug], "en", title=title)
