"""Demo categories about buying, the account, the app, paying and renewing."""

from .html import DEMO_NOTE, p, ul

CATEGORIES = [
    {
        "slug": "bestellen",
        "title": "Bestellen",
        "icon": "order",
        "intro": "Een Museumkaart kopen voor jezelf of een ander: prijzen, levering en voorwaarden.",
        "en": {
            "slug": "ordering",
            "title": "Ordering",
            "intro": "Buying a Museumkaart for yourself or someone else: prices, delivery and conditions.",
        },
        "questions": [
            {
                "slug": "wat-kost-een-museumkaart",
                "title": "Wat kost een Museumkaart?",
                "answer": p(
                    "Een Museumkaart kost €75 voor volwassenen en €39 voor jongeren tot 18 jaar. "
                    "Verlengen kost €69.",
                    "Met de kaart bezoek je een jaar lang meer dan 500 musea.",
                ),
                "phrasings": "prijs museumkaart\nhoe duur is de museumkaart\nkosten jaarkaart\ntarief",
                "en": {
                    "slug": "what-does-a-museumkaart-cost",
                    "title": "What does a Museumkaart cost?",
                    "answer": p(
                        "A Museumkaart costs €75 for adults and €39 for young people under 18. "
                        "Renewing costs €69.",
                        "The card gives you a year of visits to more than 500 museums.",
                    ),
                },
            },
            {
                "slug": "hoe-bestel-ik-een-museumkaart",
                "title": "Hoe bestel ik een Museumkaart?",
                "answer": p(
                    "Je bestelt de kaart online of koopt hem aan de kassa van een deelnemend museum. "
                    "Aan de kassa krijg je direct een tijdelijke kaart waarmee je meteen naar binnen kunt."
                ),
                "phrasings": "museumkaart kopen\nkaart aanschaffen\nwaar koop ik een museumkaart",
                "en": {
                    "slug": "how-do-i-order-a-museumkaart",
                    "title": "How do I order a Museumkaart?",
                    "answer": p(
                        "Order the card online or buy it at the desk of a participating museum. "
                        "At the desk you get a temporary pass you can use straight away."
                    ),
                },
            },
            {
                "slug": "hoe-lang-duurt-de-levering",
                "title": "Hoe lang duurt het voordat ik mijn kaart heb?",
                "answer": p(
                    "De kaart wordt binnen 5 tot 8 werkdagen bezorgd. "
                    "Gebruik je de digitale kaart in de app, dan kun je eerder aan de slag."
                ),
                "phrasings": "levertijd\nwanneer krijg ik mijn pas\nbezorging duurt lang\nkaart nog niet ontvangen",
                "related": ["hoe-bestel-ik-een-museumkaart"],
            },
            {
                "slug": "kan-ik-als-toerist-een-museumkaart-kopen",
                "title": "Kan ik als toerist een Museumkaart kopen?",
                "answer": p(
                    "Ja. Online bestellen vraagt om een Nederlandse bankrekening. Heb je die niet, "
                    "koop de kaart dan aan de kassa van een deelnemend museum."
                ),
                "phrasings": "buitenlandse bankrekening\ntourist\nniet in nederland wonen\nbuitenland",
            },
            {
                "slug": "kinderen-museumkaart",
                "title": "Hebben kinderen een eigen Museumkaart nodig?",
                "answer": p(
                    "Ja, iedere bezoeker heeft een eigen kaart. Voor jongeren tot 18 jaar kost de kaart €39."
                ),
                "phrasings": "kinderkaart\njeugdkaart\nmuseumkaart kind\njongeren",
            },
        ],
    },
    {
        "slug": "mijn-museumkaart",
        "title": "Mijn Museumkaart",
        "icon": "account",
        "intro": "Je persoonlijke omgeving: bezoeken, vervaldatum, gegevens en extra passen.",
        "questions": [
            {
                "slug": "wat-kan-ik-in-mijn-museumkaart",
                "title": "Wat kan ik doen in Mijn Museumkaart?",
                "answer": p("In Mijn Museumkaart zie je:")
                + ul(
                    "je recente museumbezoeken;",
                    "de vervaldatum van je kaart;",
                    "je kaart verlengen;",
                    "passen van gezinsleden toevoegen;",
                    "je adres wijzigen;",
                    "een duplicaat aanvragen.",
                ),
                "phrasings": "account\npersoonlijke omgeving\ninloggen\nmijn gegevens",
            },
            {
                "slug": "adres-wijzigen",
                "title": "Hoe wijzig ik mijn adres?",
                "answer": p(
                    "Log in op Mijn Museumkaart en pas je adres aan bij je gegevens. "
                    "Een nieuw adres geldt meteen voor de volgende verlenging."
                ),
                "phrasings": "verhuisd\nverhuizing\nnieuw adres doorgeven\ngegevens aanpassen",
                "related": ["wat-kan-ik-in-mijn-museumkaart"],
            },
            {
                "slug": "waar-zie-ik-de-vervaldatum",
                "title": "Waar zie ik tot wanneer mijn kaart geldig is?",
                "answer": p("De vervaldatum staat in Mijn Museumkaart en in de app bij je digitale kaart."),
                "phrasings": "vervaldatum\ngeldigheid\nhoe lang is mijn kaart geldig\nverloopt",
            },
            {
                "slug": "extra-passen-toevoegen",
                "title": "Kan ik de kaarten van mijn gezin in één account beheren?",
                "answer": p(
                    "Ja. Voeg in Mijn Museumkaart de passen van gezinsleden toe; "
                    "dan zie je alle kaarten en vervaldatums bij elkaar."
                ),
                "phrasings": "gezin\npassen toevoegen\nfamilie\nmeerdere kaarten",
            },
            {
                "slug": "bezoeken-bekijken",
                "title": "Kan ik zien welke musea ik heb bezocht?",
                "answer": p(
                    "Ja, je recente bezoeken staan in Mijn Museumkaart. Zo houd je bij waar je al bent geweest."
                ),
                "phrasings": "bezoekoverzicht\nmuseumbezoeken\nhistorie\ngeschiedenis",
            },
        ],
    },
    {
        "slug": "de-app",
        "title": "De Museumkaart-app",
        "icon": "app",
        "intro": "Je kaart op je telefoon: installeren, inloggen en gebruiken aan de kassa.",
        "questions": [
            {
                "slug": "digitale-kaart-in-de-app",
                "title": "Kan ik mijn Museumkaart op mijn telefoon gebruiken?",
                "answer": p(
                    "Ja. De kaart bestaat als plastic pas en als digitale kaart in de Museumkaart-app. "
                    "Laat de digitale kaart aan de kassa scannen, net als de plastic pas."
                ),
                "phrasings": "digitale pas\nmobiel\nsmartphone\nqr-code\napp",
            },
            {
                "slug": "app-werkt-zonder-internet",
                "title": "Werkt de digitale kaart ook zonder internet?",
                "answer": p(
                    "Open de app thuis een keer terwijl je verbinding hebt; daarna toont de app je kaart "
                    "ook zonder internet. " + DEMO_NOTE
                ),
                "phrasings": "offline\ngeen bereik\ngeen wifi\ngeen verbinding",
            },
            {
                "slug": "nieuwe-telefoon",
                "title": "Ik heb een nieuwe telefoon. Hoe zet ik mijn kaart over?",
                "answer": p(
                    "Installeer de app op je nieuwe telefoon en log in met je gegevens van Mijn Museumkaart. "
                    "Je kaart verschijnt dan vanzelf. " + DEMO_NOTE
                ),
                "phrasings": "telefoon kwijt\nandere telefoon\nkaart overzetten\nopnieuw installeren",
            },
            {
                "slug": "app-inloggen-lukt-niet",
                "title": "Inloggen in de app lukt niet. Wat nu?",
                "answer": p(
                    "Controleer of je hetzelfde e-mailadres gebruikt als bij Mijn Museumkaart en vraag zo "
                    "nodig een nieuw wachtwoord aan. " + DEMO_NOTE
                ),
                "phrasings": "wachtwoord vergeten\nkan niet inloggen\nfoutmelding app\napp doet het niet",
            },
        ],
    },
    {
        "slug": "betalen",
        "title": "Betalen",
        "icon": "payment",
        "intro": "Betaalmethoden, automatische incasso en betalen in termijnen.",
        "questions": [
            {
                "slug": "hoe-kan-ik-betalen",
                "title": "Hoe kan ik betalen?",
                "answer": p(
                    "Online betaal je met een Nederlandse bankrekening. Aan de kassa van een museum "
                    "betaal je zoals je daar gewend bent."
                ),
                "phrasings": "betaalmethode\nideal\npinnen\ncreditcard\nbetaalwijze",
            },
            {
                "slug": "kan-ik-per-maand-betalen",
                "title": "Kan ik per maand betalen?",
                "answer": p(
                    "In deze demo betaal je de Museumkaart per jaar: €75, of €39 tot 18 jaar. "
                    "Betalen in maandelijkse termijnen kan (nog) niet. In Finland bestaat wel een museumkaart "
                    "met maandbetaling, de Museokortti (€7,45 per maand). " + DEMO_NOTE
                ),
                "phrasings": "maandelijks betalen\ntermijnen\nbetalen in delen\ngespreid betalen\nabonnement per maand",
                "related": ["hoe-kan-ik-betalen"],
            },
            {
                "slug": "automatische-incasso",
                "title": "Wordt er automatisch geïncasseerd?",
                "answer": p(
                    "Ja, de Museumkaart wordt automatisch verlengd. Het bedrag voor de verlenging (€69) "
                    "wordt dan van je rekening afgeschreven."
                ),
                "phrasings": "incasso\nafschrijving\nmachtiging\nautomatisch afgeschreven",
            },
            {
                "slug": "betaling-mislukt",
                "title": "Mijn betaling is mislukt. Is mijn kaart nu geblokkeerd?",
                "answer": p(
                    "Je krijgt eerst bericht om de betaling alsnog te doen. Pas als het bedrag niet binnenkomt, "
                    "wordt de kaart stopgezet. " + DEMO_NOTE
                ),
                "phrasings": "storno\nbetaling teruggeboekt\nniet betaald\nachterstand",
            },
            {
                "slug": "factuur-aanvragen",
                "title": "Kan ik een factuur krijgen?",
                "answer": p("Ja, vraag een factuur aan via Mijn Museumkaart. " + DEMO_NOTE),
                "phrasings": "bon\nbetaalbewijs\nbewijs van betaling\nkwitantie",
            },
        ],
    },
    {
        "slug": "verlengen",
        "title": "Verlengen en opzeggen",
        "icon": "renewal",
        "intro": "Automatische verlenging, de prijs van verlengen en opzeggen.",
        "questions": [
            {
                "slug": "wat-kost-verlengen",
                "title": "Wat kost het verlengen van mijn Museumkaart?",
                "answer": p(
                    "Verlengen kost €69 per jaar. Dat is minder dan een nieuwe kaart voor volwassenen (€75)."
                ),
                "phrasings": "verlengingsprijs\nprijs verlenging\nverlengen kosten",
            },
            {
                "slug": "wordt-mijn-kaart-automatisch-verlengd",
                "title": "Wordt mijn kaart automatisch verlengd?",
                "answer": p(
                    "Ja. Je kaart wordt aan het eind van het jaar automatisch verlengd, tenzij je opzegt. "
                    "Je houdt dezelfde kaart."
                ),
                "phrasings": "automatische verlenging\nstilzwijgend verlengd\nloopt mijn kaart af",
                "related": ["wat-kost-verlengen"],
            },
            {
                "slug": "museumkaart-opzeggen",
                "title": "Hoe zeg ik mijn Museumkaart op?",
                "answer": p(
                    "Zeg op via Mijn Museumkaart, vóór de vervaldatum. Je kaart blijft geldig tot die datum. "
                    + DEMO_NOTE
                ),
                "phrasings": "opzeggen\nstoppen\nbeëindigen\nniet verlengen\nannuleren",
                "related": ["wordt-mijn-kaart-automatisch-verlengd"],
            },
            {
                "slug": "jongerenkaart-18-jaar",
                "title": "Wat gebeurt er met mijn jongerenkaart als ik 18 word?",
                "answer": p(
                    "Bij de eerstvolgende verlenging na je 18e verjaardag ga je het tarief voor volwassenen "
                    "betalen. " + DEMO_NOTE
                ),
                "phrasings": "18 jaar\nvolwassen tarief\njeugdkaart verlopen",
            },
        ],
    },
]
