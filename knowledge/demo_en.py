"""English texts of the knowledge base demo: the index, the dossiers, every article (title and
summary from a table; the demo body is built from templates, as the Dutch one is) and the
Museumcijfers years (``core/demo_en.py`` applies them through wagtail-localize)."""

from core.demo_en import english_texts

KINDS = {
    "artikel": "article",
    "handreiking": "guide",
    "rapport": "report",
    "toolkit": "toolkit",
    "advies": "advice",
    "nieuws": "news item",
}

DOSSIERS = {
    "Duurzaamheid": "Sustainability",
    "Digitalisering": "Digitisation",
    "Code Diversiteit & Inclusie": "Diversity & Inclusion Code",
    "Toegankelijkheid": "Accessibility",
    "Sociale veiligheid": "Social safety",
    "Ethisch fondsenwerven": "Ethical fundraising",
    "Collectieveiligheid": "Collection safety",
    "Caribisch deel van het Koninkrijk": "The Caribbean part of the Kingdom",
    "Museumnorm": "The museum norm",
    "Museum cao en functieordening": "Museum cao and function classification",
    "Museumcijfers": "Museum figures",
}

# Dossier summaries and the lead contact's role.
DOSSIER_TEXTS = {
    "Samen werken aan minder uitstoot en duurzaam collectiebeheer.": (
        "Working together on lower emissions and sustainable collection care."
    ),
    "Digitale collecties, data en publieksbereik.": "Digital collections, data and reaching audiences.",
    "De Code Diversiteit & Inclusie rust op vier pijlers: Programma, Publiek, Personeel en Partners.": (
        "The Diversity & Inclusion Code rests on four pillars: Programme, Public, Personnel and Partners."
    ),
    "Musea toegankelijk voor iedereen: fysiek, zintuiglijk en digitaal.": (
        "Museums accessible to everyone: physically, sensorially and digitally."
    ),
    "Een veilige werkomgeving voor medewerkers en vrijwilligers.": "A safe workplace for staff and volunteers.",
    "Fondsen werven met oog voor reputatie en onafhankelijkheid.": (
        "Raising funds with an eye for reputation and independence."
    ),
    "Collecties beschermen tegen brand, water, diefstal en calamiteiten.": (
        "Protecting collections against fire, water, theft and emergencies."
    ),
    "Samenwerking met musea op Aruba, Bonaire, Curaçao, Saba, Sint Eustatius en Sint Maarten.": (
        "Working with museums on Aruba, Bonaire, Curaçao, Saba, Sint Eustatius and Sint Maarten."
    ),
    "De Museumnorm en registratie in het Museumregister.": (
        "The museum norm and registration in the Museumregister."
    ),
    "De Museum cao en het functiehandboek voor musea.": "The Museum cao and the job handbook for museums.",
    "Jaarlijks onderzoek naar museumbezoek, met de Museumkaart als belangrijke bron.": (
        "Yearly research into museum visits, with the Museumkaart as an important source."
    ),
    "Beleidsadviseur duurzaamheid": "Policy adviser on sustainability",
    "Programmaleider digitalisering": "Digitisation programme lead",
    "Adviseur diversiteit en inclusie": "Adviser on diversity and inclusion",
    "Adviseur toegankelijkheid": "Accessibility adviser",
    "Adviseur HR": "HR adviser",
    "Adviseur fondsenwerving": "Fundraising adviser",
    "Adviseur collectieveiligheid": "Collection safety adviser",
    "Adviseur Caribisch deel van het Koninkrijk": "Adviser on the Caribbean part of the Kingdom",
    "Adviseur Museumregister": "Museumregister adviser",
    "Adviseur arbeidsvoorwaarden": "Adviser on terms of employment",
    "Onderzoeker Museumcijfers": "Museum figures researcher",
    "Demo Contactpersoon": "Demo Contact",
}

# Every article of ``demo_data.DOSSIERS``: title and summary.
ARTICLES = {
    "Klimaatbeheersing met bredere marges": "Climate control with wider margins",
    "Hoe musea energie besparen door bredere klimaatmarges in depots en zalen.": (
        "How museums save energy with wider climate margins in stores and galleries."
    ),
    "De CO2-voetafdruk van tentoonstellingen": "The carbon footprint of exhibitions",
    "Een verkenning van de uitstoot van bruiklenen, transport en opbouw.": (
        "An exploration of the emissions of loans, transport and installation."
    ),
    "Toolkit duurzame bedrijfsvoering": "Toolkit for sustainable operations",
    "Stappenplan en werkbladen om een duurzaamheidsplan voor je museum op te stellen.": (
        "Step-by-step plan and worksheets for drawing up your museum's sustainability plan."
    ),
    "Collectiedata online publiceren": "Publishing collection data online",
    "Van collectieregistratie naar open, vindbare data.": "From collection registration to open, findable data.",
    "Digitale transitie in kleine musea": "Digital transition in small museums",
    "Ervaringen van kleine musea met digitale werkprocessen.": (
        "Small museums' experiences with digital ways of working."
    ),
    "Benchmark digitale volwassenheid": "Digital maturity benchmark",
    "Resultaten van een zelfscan onder leden, met vergelijkingscijfers.": (
        "Results of a self-assessment among members, with figures to compare."
    ),
    "De vier P's van de Code Diversiteit & Inclusie": "The four Ps of the Diversity & Inclusion Code",
    "Programma, Publiek, Personeel en Partners: wat de code van musea vraagt.": (
        "Programme, Public, Personnel and Partners: what the code asks of museums."
    ),
    "Inclusief werven en selecteren": "Inclusive recruitment and selection",
    "Praktische tips voor vacatureteksten en selectiecommissies.": (
        "Practical tips for job advertisements and selection committees."
    ),
    "Zelfevaluatie Code D&I": "D&I Code self-evaluation",
    "Vragenlijst om de voortgang van je museum op de vier pijlers te meten.": (
        "A questionnaire to measure your museum's progress on the four pillars."
    ),
    "Toegankelijkheidsinformatie op je website": "Accessibility information on your website",
    "Welke informatie bezoekers met een beperking vooraf zoeken, in vier groepen.": (
        "What information visitors with a disability look for in advance, in four groups."
    ),
    "Prikkelarme uren in het museum": "Low-stimulus hours in the museum",
    "Zo organiseer je rustige bezoekmomenten voor prikkelgevoelige bezoekers.": (
        "How to organise quiet visiting times for visitors sensitive to stimuli."
    ),
    "De Europese toegankelijkheidswet en musea": "The European Accessibility Act and museums",
    "Wat de European Accessibility Act vanaf 28 juni 2025 betekent voor verkoop en apps.": (
        "What the European Accessibility Act means for ticket sales and apps from 28 June 2025."
    ),
    "Een vertrouwenspersoon in het museum": "A confidential adviser in the museum",
    "Waarom en hoe je een vertrouwenspersoon aanstelt.": "Why and how to appoint a confidential adviser.",
    "Omgaan met agressie van bezoekers": "Dealing with aggressive visitors",
    "Ervaringen van baliemedewerkers en beveiligers.": "Experiences of front-desk staff and security officers.",
    "Modelgedragscode sociale veiligheid": "Model code of conduct for social safety",
    "Een modelgedragscode die je kunt aanpassen aan je eigen museum.": (
        "A model code of conduct you can adapt to your own museum."
    ),
    "Afwegingskader sponsoring": "Framework for weighing sponsorship",
    "Vragen om te stellen voordat je een sponsor of schenker accepteert.": (
        "Questions to ask before you accept a sponsor or donor."
    ),
    "Transparantie over geldstromen": "Transparency about money flows",
    "Hoe musea open zijn over hun inkomsten.": "How museums are open about their income.",
    "Casuïstiek ethisch fondsenwerven": "Ethical fundraising case studies",
    "Geanonimiseerde praktijkgevallen met de afwegingen van de commissie.": (
        "Anonymised cases from practice with the committee's considerations."
    ),
    "Een calamiteitenplan opstellen": "Drawing up an emergency plan",
    "De onderdelen van een goed calamiteitenplan, met een voorbeeld.": (
        "The parts of a good emergency plan, with an example."
    ),
    "Samenwerken met de brandweer": "Working with the fire brigade",
    "Zo bereid je samen met de brandweer een ontruiming van collectie voor.": (
        "How to prepare the evacuation of a collection together with the fire brigade."
    ),
    "Risicoscan beveiliging": "Security risk scan",
    "Een scan om zwakke plekken in de beveiliging te vinden.": "A scan to find weak spots in security.",
    "Erfgoed van Saba en Sint Eustatius": "The heritage of Saba and Sint Eustatius",
    "Een terugblik op het symposium over het erfgoed van Saba en Statia.": (
        "A look back at the symposium on the heritage of Saba and Statia."
    ),
    "Uitwisseling tussen musea in het Koninkrijk": "Exchanges between museums in the Kingdom",
    "Museummedewerkers lopen mee bij collega's aan de andere kant van de oceaan.": (
        "Museum staff shadow colleagues on the other side of the ocean."
    ),
    "Fondsen voor Caribische musea": "Funds for Caribbean museums",
    "Een overzicht van regelingen waar musea in het Caribisch deel gebruik van kunnen maken.": (
        "An overview of schemes that museums in the Caribbean part can use."
    ),
    "Wat is de Museumnorm?": "What is the museum norm?",
    "De eisen waaraan een geregistreerd museum voldoet.": "The requirements a registered museum meets.",
    "Voorlopige registratie in het Museumregister": "Provisional registration in the Museumregister",
    "Een voorlopige registratie geldt drie jaar: zo bereid je de volledige toetsing voor.": (
        "A provisional registration is valid for three years: how to prepare for the full assessment."
    ),
    "Checklist herregistratie": "Re-registration checklist",
    "Alle documenten die je nodig hebt voor de herregistratie op een rij.": (
        "All the documents you need for re-registration in one list."
    ),
    "De Museum cao 2023–2024": "The Museum cao 2023–2024",
    "De cao bracht 5 % loonsverhoging plus € 100 per maand.": (
        "The agreement brought a 5% pay rise plus €100 a month."
    ),
    "Herziening van het Functiehandboek": "Revision of the job handbook",
    "Het Functiehandboek uit 2015 wordt herzien: de stand van zaken.": (
        "The 2015 job handbook is being revised: where things stand."
    ),
    "Loontabellen en toelichting": "Pay scales and notes",
    "De actuele loontabellen met een toelichting voor werkgevers.": (
        "The current pay scales with notes for employers."
    ),
    "Museumcijfers 2023 in het kort": "Museum figures 2023 in brief",
    "30,9 miljoen museumbezoeken in 2023, waarvan 8 miljoen door buitenlandse bezoekers.": (
        "30.9 million museum visits in 2023, 8 million of them by visitors from abroad."
    ),
    "Zo worden de Museumcijfers gemaakt": "How the museum figures are made",
    "Over de bronnen en de methode achter de jaarlijkse cijfers.": (
        "On the sources and the method behind the yearly figures."
    ),
    "Museumcijfers per regio (ledenrapport)": "Museum figures by region (members' report)",
    "Uitsplitsing van bezoek per provincie, alleen voor leden.": (
        "Visits broken down by province, for members only."
    ),
}


def _kind_body(match, _english):
    kind = KINDS.get(match["kind"], match["kind"])
    dossier = DOSSIERS.get(match["dossier"], match["dossier"])
    article = "An" if kind[0] in "aeiou" else "A"
    return f"{article} {kind} in the dossier {dossier}. All text on this page is demo text. (Demo.)"


english_texts(
    {
        **DOSSIERS,
        **DOSSIER_TEXTS,
        **ARTICLES,
        "Kennisbank": "Knowledge base",
        "Kennis uit de dossiers van de Museumvereniging.": "Knowledge from the association's dossiers.",
        "Handreikingen, toolkits, rapporten en nieuws uit de dossiers van de Museumvereniging. Sommige "
        "items zijn alleen voor leden.": "Guides, toolkits, reports and news from the association's "
        "dossiers. Some items are for members only.",
        "Waar gaat het over?": "What is it about?",
        "Dit deel is alleen voor leden van de Museumvereniging.": (
            "This part is for members of the Museum Association only."
        ),
        "Museumbezoek in 2023": "Museum visits in 2023",
        "In 2023 telden de musea 30,9 miljoen bezoeken, waarvan 8 miljoen door buitenlandse bezoekers en "
        "9,5 miljoen met de Museumkaart.": "In 2023 the museums counted 30.9 million visits, 8 million "
        "of them by visitors from abroad and 9.5 million with a Museumkaart.",
        "miljoen": "million",
        "Museumcijfers (Museana)": "Museumcijfers (Museana)",
        "Demo-schattingen": "Demo estimates",
        "Redactie Museumvereniging": "Museum Association editors",
    },
    rules=[
        (
            r"Deze (?P<kind>\w+) hoort bij het dossier (?P<dossier>.+)\. Alle tekst op deze pagina is "
            r"demo-tekst\. \(Demo\.\)",
            _kind_body,
        ),
        (
            r"(?P<title>.+): een korte uitleg met de belangrijkste punten voor musea, geschreven als "
            r"voorbeeld van de kennisbank\. \(Demo\.\)",
            lambda m, english: (
                f"{english(m['title'])}: a short explanation of the main points for "
                "museums, written as an example for the knowledge base. (Demo.)"
            ),
        ),
        (r"Museumcijfers (?P<year>\d{4})", lambda m, _: f"Museum figures {m['year']}"),
        (
            r"Museumbezoek en Museumkaart in (?P<year>\d{4}) in cijfers\.",
            lambda m, _: f"Museum visits and the Museumkaart in {m['year']} in figures.",
        ),
        (
            r"De cijfers over museumbezoek in (?P<year>\d{4})\.(?P<estimates> Cijfers die als schatting "
            r"zijn gemarkeerd zijn demo-schattingen\.)?",
            lambda m, _: (
                f"The figures on museum visits in {m['year']}."
                + (" Figures marked as estimates are demo estimates." if m["estimates"] else "")
            ),
        ),
    ],
)
