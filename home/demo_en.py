"""English texts of the home app's demo pages (``core/demo_en.py`` applies them through
wagtail-localize)."""

from core.demo_en import english_texts

english_texts(
    {
        "Museumvereniging": "Museum Association",
        "De branchevereniging van Nederlandse musea.": "The trade association of Dutch museums.",
        "Samen sterk voor musea": "Stronger together for museums",
        "De Museumvereniging is de branchevereniging van Nederlandse musea: kennis delen, belangen "
        "behartigen en de Museumkaart. (Demo-tekst.)": "The Museum Association is the trade association "
        "of Dutch museums: sharing knowledge, representing interests and the Museumkaart. (Demo text.)",
        # About us
        "Over ons": "About us",
        "De Museumvereniging is sinds 1926 de branchevereniging van Nederlandse musea.": "Since 1926 the "
        "Museum Association has been the trade association of Dutch museums.",
        "Wat we doen": "What we do",
        "We delen kennis, behartigen de belangen van musea en voeren de werkgeverskant van de Museum "
        "cao. Via de Stichting Museumkaart brengen we ruim 1,5 miljoen kaarthouders naar meer dan 500 "
        "musea. (Demo-tekst op basis van openbare feiten.)": "We share knowledge, represent the "
        "interests of museums and act for the employers in the Museum cao (the sector's collective "
        "labour agreement). Through the Museumkaart foundation we bring more than 1.5 million card "
        "holders to over 500 museums. (Demo text based on public facts.)",
        "Musea zijn van iedereen.": "Museums belong to everyone.",
        "Demo-citaat": "Demo quote",
        # Accessibility statement
        "Toegankelijkheidsverklaring": "Accessibility statement",
        "Wij willen dat iedereen deze website kan gebruiken. Hier leest u hoe toegankelijk de site is.": (
            "We want everyone to be able to use this website. This is how accessible it is."
        ),
        "Status": "Status",
        "Deze website streeft naar WCAG 2.2 niveau AA. Elke pagina wordt automatisch getest met "
        "axe-core in een echte browser. (Demo-verklaring.)": "This website aims for WCAG 2.2 level AA. "
        "Every page is tested automatically with axe-core in a real browser. (Demo statement.)",
        "Bekende beperkingen": "Known limitations",
        "Ingesloten video's": "Embedded videos",
        "Video's van andere sites hebben niet altijd ondertiteling.": (
            "Videos from other sites do not always have subtitles."
        ),
        # Privacy statement
        "Privacyverklaring": "Privacy statement",
        "Welke gegevens we verwerken, waarom en hoe lang.": "Which data we process, why and for how long.",
        "We bewaren gegevens niet langer dan nodig. (Demo-tekst.)": (
            "We keep data no longer than necessary. (Demo text.)"
        ),
    }
)
