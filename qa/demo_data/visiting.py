"""Demo categories about lost cards, the temporary pass, gifts, visits, privacy and museums."""

from .html import DEMO_NOTE, p

CATEGORIES = [
    {
        "slug": "kwijt-of-gestolen",
        "title": "Kaart kwijt of gestolen",
        "icon": "lost",
        "intro": "Wat te doen als je kaart zoek, gestolen of kapot is.",
        "questions": [
            {
                "slug": "kaart-kwijt",
                "title": "Ik ben mijn Museumkaart kwijt. Wat moet ik doen?",
                "answer": p(
                    "Vraag in Mijn Museumkaart een duplicaat aan. Je oude kaart wordt dan geblokkeerd, "
                    "zodat niemand anders hem kan gebruiken. Intussen kun je de digitale kaart in de app gebruiken."
                ),
                "phrasings": "pas verloren\nkaart verloren\nmuseumkaart zoek\nduplicaat\nvervangende kaart",
            },
            {
                "slug": "kaart-gestolen",
                "title": "Mijn kaart is gestolen. Kan iemand anders hem gebruiken?",
                "answer": p(
                    "Vraag direct een duplicaat aan in Mijn Museumkaart. Daarmee wordt de gestolen kaart "
                    "geblokkeerd."
                ),
                "phrasings": "diefstal\nportemonnee gestolen\npas gestolen\nblokkeren",
                "related": ["kaart-kwijt"],
            },
            {
                "slug": "kaart-kapot",
                "title": "Mijn kaart is kapot of onleesbaar. Wat nu?",
                "answer": p(
                    "Vraag een duplicaat aan in Mijn Museumkaart. Tot die binnen is, kun je de digitale kaart "
                    "in de app laten scannen."
                ),
                "phrasings": "beschadigd\ngebroken\nscant niet\nbarcode onleesbaar",
                "related": ["kaart-kwijt"],
            },
            {
                "slug": "kosten-duplicaat",
                "title": "Kost een nieuwe kaart na verlies geld?",
                "answer": p(
                    "Voor een duplicaat kan een kleine vergoeding gelden; je ziet het bedrag bij de aanvraag "
                    "in Mijn Museumkaart. " + DEMO_NOTE
                ),
                "phrasings": "duplicaat kosten\nvervangende pas prijs",
            },
        ],
    },
    {
        "slug": "tijdelijke-kaart",
        "title": "Tijdelijke kaart",
        "icon": "temporary",
        "intro": "De tijdelijke kaart die je krijgt als je aan de kassa koopt.",
        "en": {
            "slug": "temporary-pass",
            "title": "Temporary pass",
            "intro": "The temporary pass you get when you buy at a museum desk.",
        },
        "questions": [
            {
                "slug": "hoe-lang-is-de-tijdelijke-kaart-geldig",
                "title": "Hoe lang is de tijdelijke kaart geldig?",
                "answer": p(
                    "De tijdelijke kaart is 31 dagen geldig en je kunt er maximaal 5 museumbezoeken mee "
                    "doen. Registreer de kaart op tijd, dan krijg je je definitieve Museumkaart thuis."
                ),
                "phrasings": "tijdelijke pas\ngeldigheid tijdelijke kaart\n31 dagen\nvoorlopige kaart",
                "en": {
                    "slug": "how-long-is-the-temporary-pass-valid",
                    "title": "How long is the temporary pass valid?",
                    "answer": p(
                        "The temporary pass is valid for 31 days and for at most 5 museum visits. "
                        "Register it in time to get your permanent Museumkaart at home."
                    ),
                },
            },
            {
                "slug": "tijdelijke-kaart-registreren",
                "title": "Hoe registreer ik mijn tijdelijke kaart?",
                "answer": p(
                    "Registreer je tijdelijke kaart online met het nummer op de kaart. Daarna sturen we je "
                    "definitieve kaart binnen 5 tot 8 werkdagen op."
                ),
                "phrasings": "registratie\nactiveren\ntijdelijke pas omzetten",
                "related": ["hoe-lang-is-de-tijdelijke-kaart-geldig"],
            },
            {
                "slug": "tijdelijke-kaart-vol",
                "title": "Mijn tijdelijke kaart is vol. Wat nu?",
                "answer": p(
                    "Na 5 bezoeken of 31 dagen werkt de tijdelijke kaart niet meer. Heb je hem geregistreerd, "
                    "gebruik dan de digitale kaart in de app tot de plastic kaart binnen is."
                ),
                "phrasings": "maximaal 5 bezoeken\ntijdelijke kaart verlopen\nwerkt niet meer",
                "related": ["tijdelijke-kaart-registreren"],
            },
        ],
    },
    {
        "slug": "cadeaukaart",
        "title": "Cadeau geven",
        "icon": "gift",
        "intro": "De Museumkaart als cadeau: de cadeaukaart en hoe je hem verzilvert.",
        "questions": [
            {
                "slug": "museumkaart-cadeau-geven",
                "title": "Kan ik een Museumkaart cadeau geven?",
                "answer": p(
                    "Ja. Met de cadeaukaart geef je een code die de ontvanger zelf verzilvert. "
                    "De code is overdraagbaar: je hoeft de gegevens van de ontvanger niet te weten."
                ),
                "phrasings": "cadeaukaart\ncadeaubon\nkado\nverjaardag\ngift card",
            },
            {
                "slug": "cadeaukaart-verzilveren",
                "title": "Hoe verzilver ik een cadeaukaart?",
                "answer": p(
                    "Vul de code van de cadeaukaart online in met je eigen gegevens. "
                    "Je Museumkaart wordt binnen 5 tot 8 werkdagen bezorgd."
                ),
                "phrasings": "code invullen\ncadeaucode\ncadeau activeren\nverzilveren",
                "related": ["museumkaart-cadeau-geven"],
            },
            {
                "slug": "cadeaukaart-geldigheid",
                "title": "Hoe lang kan ik een cadeaukaart verzilveren?",
                "answer": p(
                    "Op de cadeaukaart staat tot wanneer je de code kunt verzilveren. Het jaar van je "
                    "Museumkaart begint pas als je hem verzilvert. " + DEMO_NOTE
                ),
                "phrasings": "cadeaukaart verlopen\nuiterste datum\ngeldigheid cadeau",
            },
            {
                "slug": "cadeau-voor-iemand-met-kaart",
                "title": "De ontvanger heeft al een Museumkaart. Wat nu?",
                "answer": p("Gebruik de cadeaucode dan om de bestaande kaart te verlengen. " + DEMO_NOTE),
                "phrasings": "al een kaart\ndubbel cadeau\ncadeau verlengen",
            },
        ],
    },
    {
        "slug": "museum-bezoeken",
        "title": "Een museum bezoeken",
        "icon": "visit",
        "intro": "Reserveren, toeslagen en wat je met de kaart in het museum kunt.",
        "questions": [
            {
                "slug": "in-welke-musea-geldig",
                "title": "In welke musea is de Museumkaart geldig?",
                "answer": p(
                    "De Museumkaart is geldig in meer dan 500 musea in Nederland. "
                    "Op museum.nl zie je welke musea meedoen en wat er te zien is."
                ),
                "phrasings": "deelnemende musea\nlijst musea\nwaar kan ik naartoe\nwelke musea doen mee",
            },
            {
                "slug": "moet-ik-reserveren",
                "title": "Moet ik met mijn Museumkaart een tijdslot reserveren?",
                "answer": p(
                    "Sommige drukbezochte musea werken met tijdsloten, ook voor houders van een Museumkaart. "
                    "Kijk voor je bezoek op de website van het museum. Reserveren is dan meestal gratis."
                ),
                "phrasings": "tijdslot\nreservering\nreserveren verplicht\nticket boeken\nvooraf boeken",
            },
            {
                "slug": "toeslag-tentoonstelling",
                "title": "Waarom betaal ik soms een toeslag?",
                "answer": p(
                    "Voor sommige tijdelijke tentoonstellingen vraagt een museum een toeslag, ook met "
                    "Museumkaart. Het museum vermeldt dat bij de tentoonstelling."
                ),
                "phrasings": "toeslag\nbijbetalen\nextra betalen\nmeerprijs\ntentoonstellingen",
            },
            {
                "slug": "hoe-vaak-naar-een-museum",
                "title": "Hoe vaak mag ik met mijn kaart naar hetzelfde museum?",
                "answer": p(
                    "Zo vaak als je wilt. Elk bezoek wordt gescand; het museum ontvangt per bezoek een "
                    "vergoeding van ten minste 55% van de gemiddelde toegangsprijs."
                ),
                "phrasings": "onbeperkt\nvaker\nherhaalbezoek\nzelfde museum",
            },
            {
                "slug": "kaart-uitlenen",
                "title": "Mag ik mijn Museumkaart uitlenen?",
                "answer": p(
                    "Nee, de kaart is persoonlijk. Alleen tijdens de Museumweek in april mogen houders hun "
                    "kaart uitlenen."
                ),
                "phrasings": "lenen\nkaart delen\niemand anders\nmuseumweek\nvriend meenemen",
            },
            {
                "slug": "kaart-vergeten",
                "title": "Ik heb mijn kaart thuis laten liggen. Kan ik toch naar binnen?",
                "answer": p(
                    "Toon de digitale kaart in de app. Zonder kaart of app vraagt het museum de gewone "
                    "toegangsprijs. " + DEMO_NOTE
                ),
                "phrasings": "pas vergeten\nkaart niet bij me\nthuis vergeten",
                "related": ["digitale-kaart-in-de-app"],
            },
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "icon": "privacy",
        "intro": "Welke gegevens we bij je kaart en je bezoeken bewaren, en waarom.",
        "questions": [
            {
                "slug": "welke-gegevens-bewaren-jullie",
                "title": "Welke gegevens worden bewaard als mijn kaart wordt gescand?",
                "answer": p(
                    "Bij elke scan wordt het bezoek geregistreerd: welk museum en wanneer. Zo kan het museum "
                    "een vergoeding krijgen en zie jij je bezoeken terug in Mijn Museumkaart."
                ),
                "phrasings": "scan\nbezoekgegevens\navg\npersoonsgegevens\nregistratie bezoek",
            },
            {
                "slug": "wie-kan-mijn-bezoeken-zien",
                "title": "Wie kan zien welke musea ik bezoek?",
                "answer": p(
                    "Jij ziet je bezoeken in Mijn Museumkaart. Musea krijgen alleen cijfers, geen namen. "
                    "Overheidsinstanties kunnen gegevens alleen opvragen op basis van de wet; in 2019 was er "
                    "een rechtszaak van de Belastingdienst over bezoekgegevens. " + DEMO_NOTE
                ),
                "phrasings": "belastingdienst\ndelen gegevens\nderden\nmeekijken",
                "related": ["welke-gegevens-bewaren-jullie"],
            },
            {
                "slug": "gegevens-laten-verwijderen",
                "title": "Kan ik mijn gegevens laten verwijderen?",
                "answer": p(
                    "Ja. Na het opzeggen van je kaart kun je vragen je gegevens te verwijderen, behalve wat "
                    "we wettelijk moeten bewaren. " + DEMO_NOTE
                ),
                "phrasings": "vergeten worden\ngegevens wissen\nprivacyverzoek\ninzage",
            },
            {
                "slug": "feedback-privacy",
                "title": "Wat gebeurt er met mijn reactie op deze pagina's?",
                "answer": p(
                    "Als je aangeeft of een antwoord nuttig was, bewaren we alleen ja of nee en je eventuele "
                    "toelichting. We bewaren geen IP-adres en geen andere gegevens over jou."
                ),
                "phrasings": "feedback\nwas dit nuttig\nreactie",
            },
        ],
    },
    {
        "slug": "voor-musea",
        "title": "Voor musea en leden",
        "icon": "question",
        "intro": "Vragen van musea en leden van de Museumvereniging over de Museumkaart.",
        "questions": [
            {
                "slug": "museum-aansluiten",
                "title": "Hoe kan ons museum aansluiten bij de Museumkaart?",
                "answer": p(
                    "Neem contact op met de Stichting Museumkaart. Musea die meedoen ontvangen per bezoek een "
                    "vergoeding van ten minste 55% van de gemiddelde toegangsprijs. " + DEMO_NOTE
                ),
                "phrasings": "deelnemen\naansluiten\nmeedoen als museum\nacceptatie museumkaart",
                "audience": "museums",
            },
            {
                "slug": "vergoeding-per-bezoek",
                "title": "Hoeveel ontvangt een museum per Museumkaart-bezoek?",
                "answer": p(
                    "Elk bezoek levert het museum ten minste 55% van zijn gemiddelde toegangsprijs op. "
                    "In 2022 ontvingen musea samen €54 miljoen."
                ),
                "phrasings": "afdracht\nuitkering\nopbrengst\nvergoeding museum",
                "audience": "museums",
            },
            {
                "slug": "museumcijfers-leden",
                "title": "Waar vind ik de Museumcijfers?",
                "answer": p(
                    "De Museumvereniging publiceert elk jaar de Museumcijfers. In 2023 waren er 30,9 miljoen "
                    "museumbezoeken, waarvan 9,5 miljoen met de Museumkaart."
                ),
                "phrasings": "bezoekcijfers\nstatistiek\nonderzoek\naantal bezoekers",
                "audience": "members",
            },
        ],
    },
]
