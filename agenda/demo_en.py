"""English texts of the agenda's demo events (``core/demo_en.py`` applies them through
wagtail-localize; the "(demo)" marks are added back by its rules)."""

from core.demo_en import english_texts

english_texts(
    {
        "Agenda": "Events",
        "Wat er te doen is voor musea en museumprofessionals.": "What is on for museums and museum professionals.",
        "Seminars, webinars, netwerkbijeenkomsten, het Museumcongres en activiteiten van partners.": (
            "Seminars, webinars, network meetings, the Museum congress and partners' activities."
        ),
        "Organiseert u een activiteit voor musea? Stel haar voor; de redactie beoordeelt elk voorstel "
        "voordat het in de agenda komt.": "Are you organising an activity for museums? Propose it; the "
        "editors review every proposal before it appears in the events calendar.",
        # Dated public facts
        "Museumcongres 2024": "Museum congress 2024",
        "Het jaarlijkse Museumcongres voor zo'n 1.000 museumprofessionals, met de uitreiking van de "
        "VriendenLoterij Museumprijs 2024.": "The yearly Museum congress for some 1,000 museum "
        "professionals, where the VriendenLoterij Museumprijs 2024 is presented.",
        "Arnhem (demo-locatie)": "Arnhem (demo venue)",
        "Focusprogramma Digitale Transities": "Focus programme Digital Transitions",
        "Een programma van een partner over digitale transities in musea.": (
            "A partner's programme on digital transitions in museums."
        ),
        "100 jaar Museumvereniging": "100 years of the Museum Association",
        "De Museumvereniging, opgericht in 1926, viert haar eeuwfeest in het Rijksmuseum.": (
            "The Museum Association, founded in 1926, celebrates its centenary at the Rijksmuseum."
        ),
        "Symposium erfgoed van Saba en Sint Eustatius": "Symposium on the heritage of Saba and Sint Eustatius",
        "Een symposium over het erfgoed van Saba en Sint Eustatius (tijden en stream: demo).": (
            "A symposium on the heritage of Saba and Sint Eustatius (times and stream: demo)."
        ),
        # Invented events
        "Museumcongres": "Museum congress",
        "Het jaarlijkse congres van de museumsector. (Demo-datum en -programma.)": (
            "The museum sector's yearly congress. (Demo date and programme.)"
        ),
        "Demo-congrescentrum": "Demo congress centre",
        "Leesclub museumboeken": "Museum book club",
        "Elke maand bespreken leden een boek over musea.": "Every month members discuss a book about museums.",
        "Webinar energiebesparing in depots": "Webinar: saving energy in storage",
        "Dit webinar gaat niet door.": "This webinar has been cancelled.",
        "Training collectieveiligheid": "Collection safety training",
        "Een training in drie dagdelen over de veiligheid van collecties.": (
            "A training in three sessions on keeping collections safe."
        ),
        "Demo-opleidingscentrum": "Demo training centre",
        "Netwerkbijeenkomst Caribische musea": "Network meeting of Caribbean museums",
        "Musea op de eilanden ontmoeten elkaar, ter plaatse en online.": (
            "Museums on the islands meet, on site and online."
        ),
        "Demo-locatie Rincon": "Demo venue, Rincon",
        "Algemene ledenvergadering voorjaar": "Spring general meeting",
        "De ALV van de vereniging.": "The association's general meeting of members.",
        "Demo-vergaderzaal": "Demo meeting room",
        "Werkgroep Museum cao": "Museum cao working group",
        "De werkgroep bespreekt de Museum cao en de functieordening.": (
            "The working group discusses the Museum cao and the function classification."
        ),
        "Seminar sociale veiligheid": "Seminar on social safety",
        "Dit seminar is uitgesteld; een nieuwe datum volgt.": (
            "This seminar has been postponed; a new date will follow."
        ),
        "Demo-zaal": "Demo hall",
        "Seminar ethisch fondsenwerven": "Seminar on ethical fundraising",
        "Dit seminar is verplaatst naar een nieuwe datum.": "This seminar has moved to a new date.",
        # The spread of activities through the year (``demo.SPREAD``)
        "Seminar duurzaam collectiebeheer: klimaat in het depot": (
            "Seminar on sustainable collection care: the climate in storage"
        ),
        "Ruimere klimaatmarges, minder energie: wat kan een depot aan en hoe meet u het?": (
            "Wider climate margins, less energy: what can a store cope with, and how do you measure it?"
        ),
        "Webinar: de collectie online met open data": "Webinar: the collection online as open data",
        "Hoe zet u collectiegegevens online zodat anderen ze kunnen hergebruiken?": (
            "How do you put collection data online so that others can reuse it?"
        ),
        "Netwerkbijeenkomst diversiteit en inclusie Noord-Nederland": (
            "Network meeting on diversity and inclusion, northern Netherlands"
        ),
        "Musea uit het noorden delen wat werkt bij de Code Diversiteit & Inclusie.": (
            "Museums from the north share what works with the Diversity & Inclusion Code."
        ),
        "Werkgroep toegankelijkheid: prikkelarme uren": "Accessibility working group: low-stimulus hours",
        "De werkgroep maakt een handreiking voor prikkelarme openingsuren.": (
            "The working group writes a guide to low-stimulus opening hours."
        ),
        "Training Museumnorm: op weg naar herregistratie": "Museum norm training: towards re-registration",
        "Een dag over de Museumnorm en wat het Museumregister bij een herregistratie vraagt.": (
            "A day on the museum norm and what the Museumregister asks for at re-registration."
        ),
        "Masterclass digitale strategie": "Masterclass on digital strategy",
        "Een masterclass van een partner over een digitale strategie voor het hele museum.": (
            "A partner's masterclass on a digital strategy for the whole museum."
        ),
        "Seminar sociale veiligheid op de werkvloer": "Seminar on social safety at work",
        "Over een veilige werkplek voor medewerkers en vrijwilligers, met voorbeelden uit musea.": (
            "On a safe workplace for staff and volunteers, with examples from museums."
        ),
        "Webinar Museumkaart: wat de kaarthouder in de app ziet": (
            "Museumkaart webinar: what card holders see in the app"
        ),
        "Stichting Museumkaart laat zien wat kaarthouders zien en wat musea kunnen aanleveren.": (
            "The Museumkaart foundation shows what card holders see and what museums can supply."
        ),
        "Netwerkbijeenkomst educatie en publieksbereik Brabant": (
            "Network meeting on education and audiences, Brabant"
        ),
        "Educatiemedewerkers uit Brabant over scholen, gezinnen en nieuwe doelgroepen.": (
            "Education staff from Brabant on schools, families and new audiences."
        ),
        "Werkgroep Museumcijfers: de vragenlijst van dit jaar": (
            "Museum figures working group: this year's questionnaire"
        ),
        "De werkgroep bespreekt de vragen voor de jaarlijkse Museumcijfers.": (
            "The working group discusses the questions for the yearly museum figures."
        ),
        "Training calamiteitenplan en collectiehulp": "Training: emergency plans and collection rescue",
        "Oefenen met een calamiteitenplan: wat redt u eerst, en wie doet wat?": (
            "Practising an emergency plan: what do you save first, and who does what?"
        ),
        "Kennissessie energie besparen in erfgoedgebouwen": "Knowledge session: saving energy in heritage buildings",
        "Een partner over isoleren en verduurzamen zonder de monumentale waarde te schaden.": (
            "A partner on insulating and making buildings sustainable without harming their heritage value."
        ),
        "Seminar ethisch fondsenwerven: de herkomst van giften": "Seminar on ethical fundraising: where gifts come from",
        "Wanneer neemt u een gift of sponsoring aan, en hoe legt u dat uit?": (
            "When do you accept a gift or sponsorship, and how do you explain it?"
        ),
        "Webinar Code Diversiteit & Inclusie: de vier P's in de praktijk": (
            "Diversity & Inclusion Code webinar: the four Ps in practice"
        ),
        "Programma, publiek, personeel en partners: voorbeelden uit vier musea.": (
            "Programme, public, personnel and partners: examples from four museums."
        ),
        "Netwerkbijeenkomst vrijwilligerscoördinatoren": "Network meeting of volunteer coordinators",
        "Coördinatoren van vrijwilligers over werven, begeleiden en bedanken.": (
            "Volunteer coordinators on recruiting, supporting and thanking volunteers."
        ),
        "Werkgroep Caribisch erfgoed: overleg met de eilanden": (
            "Caribbean heritage working group: meeting the islands"
        ),
        "Online overleg tussen musea in Europees en Caribisch Nederland.": (
            "An online meeting of museums in the European and Caribbean Netherlands."
        ),
        "Training toegankelijke teksten en audiodescriptie": "Training: accessible texts and audio description",
        "Zaalteksten in eenvoudige taal en beschrijvingen voor blinde en slechtziende bezoekers.": (
            "Gallery texts in plain language and descriptions for blind and partially sighted visitors."
        ),
        "Werksessie digitaal collectiebeheer": "Workshop on digital collection management",
        "Een partner over registratiesystemen, persistente links en het opschonen van data.": (
            "A partner on registration systems, persistent links and cleaning up data."
        ),
        "Seminar klimaatneutraal verbouwen": "Seminar on climate-neutral building work",
        "Musea die verbouwen vertellen hoe ze de uitstoot van hun gebouw omlaag brachten.": (
            "Museums that rebuilt tell how they brought down their building's emissions."
        ),
        "Webinar Museumkaart: reserveren en tijdsloten": "Museumkaart webinar: bookings and time slots",
        "Wat werkt voor kaarthouders die een tijdslot moeten reserveren, en wat niet?": (
            "What works for card holders who have to book a time slot, and what does not?"
        ),
        "Netwerkbijeenkomst kleine musea": "Network meeting of small museums",
        "Kleine musea, vaak met vooral vrijwilligers, over de Museumnorm en samenwerking in de regio.": (
            "Small museums, often run mostly by volunteers, on the museum norm and working together in the region."
        ),
        "Werkgroep sociale veiligheid: gedragscode en vertrouwenspersoon": (
            "Social safety working group: code of conduct and confidential adviser"
        ),
        "De werkgroep werkt een voorbeeldgedragscode voor musea uit.": (
            "The working group drafts a model code of conduct for museums."
        ),
        "Training Museumnorm voor registratiecoördinatoren": "Museum norm training for registration coordinators",
        "Voor wie in het museum de registratie in het Museumregister voorbereidt.": (
            "For those who prepare their museum's registration in the Museumregister."
        ),
        "Inspiratiedag digitale publieksbeleving": "Inspiration day on digital visitor experiences",
        "Een partner laat voorbeelden zien van digitale verhalen in de zaal en online.": (
            "A partner shows examples of digital storytelling in the galleries and online."
        ),
        "Seminar inclusief programmeren met de buurt": "Seminar on inclusive programming with the neighbourhood",
        "Hoe maakt u tentoonstellingen samen met buurtbewoners en nieuwe publieksgroepen?": (
            "How do you make exhibitions together with local residents and new audiences?"
        ),
        "Webinar Museumcijfers: de nieuwe bezoekcijfers toegelicht": (
            "Museum figures webinar: the new visitor numbers explained"
        ),
        "Een toelichting op de jongste Museumcijfers: bezoek, Museumkaart en jongeren.": (
            "An explanation of the latest museum figures: visits, the Museumkaart and young people."
        ),
        "Netwerkbijeenkomst duurzaamheidscoördinatoren": "Network meeting of sustainability coordinators",
        "Wie in een museum de verduurzaming trekt, wisselt ervaringen en cijfers uit.": (
            "Those who lead sustainability work in a museum exchange experiences and figures."
        ),
        "Werkgroep digitalisering: linked data in de collectieregistratie": (
            "Digitisation working group: linked data in collection registration"
        ),
        "De werkgroep bespreekt gedeelde termenlijsten en verwijzingen.": (
            "The working group discusses shared vocabularies and references."
        ),
        "Training veilig werken met bruiklenen": "Training: working safely with loans",
        "Over transport, verzekering, klimaat en beveiliging bij in- en uitgaande bruiklenen.": (
            "On transport, insurance, climate and security for incoming and outgoing loans."
        ),
        "Kennissessie toegankelijke museumwebsites": "Knowledge session: accessible museum websites",
        "Een partner over WCAG, toegankelijke tickets en de European Accessibility Act.": (
            "A partner on WCAG, accessible ticketing and the European Accessibility Act."
        ),
        "Seminar werkgeverschap: het vernieuwde functiehandboek": "Seminar for employers: the revised job handbook",
        "Over de herziening van het Functiehandboek van de Museum cao en wat die voor musea betekent.": (
            "On the revision of the Museum cao's job handbook and what it means for museums."
        ),
        "Webinar financieel gezond: meerjarenbegroting en reserves": (
            "Webinar on financial health: multi-year budgets and reserves"
        ),
        "Een sluitende meerjarenbegroting en een verstandige reserve, met voorbeelden uit musea.": (
            "A balanced multi-year budget and a sensible reserve, with examples from museums."
        ),
    },
    rules=[(r"Demo-locatie (?P<city>.+)", lambda m, _: f"Demo venue, {m['city']}")],
)
