"""Demo content of the home app: the standard pages every site has."""

from core.demo_loader import demo_step
from home.models import StandardPage

PAGES = [
    {
        "slug": "over-ons",
        "title": "Over ons",
        "intro": "De Museumvereniging is sinds 1926 de branchevereniging van Nederlandse musea.",
        "body": [
            ("heading", {"text": "Wat we doen", "level": "h2"}),
            (
                "paragraph",
                "<p>We delen kennis, behartigen de belangen van musea en voeren de "
                "werkgeverskant van de Museum cao. Via de Stichting Museumkaart "
                "brengen we ruim 1,5 miljoen kaarthouders naar meer dan 500 musea. "
                "(Demo-tekst op basis van openbare feiten.)</p>",
            ),
            ("quote", {"text": "Musea zijn van iedereen.", "attribution": "Demo-citaat"}),
        ],
        "show_in_menus": True,
        "en": {
            "title": "About us",
            "slug": "about-us",
            "intro": "Since 1926 the Museum Association has been the trade association of Dutch museums.",
        },
    },
    {
        "slug": "toegankelijkheid",
        "title": "Toegankelijkheidsverklaring",
        "intro": "Wij willen dat iedereen deze website kan gebruiken. Hier leest u hoe toegankelijk de site is.",
        "body": [
            ("heading", {"text": "Status", "level": "h2"}),
            (
                "paragraph",
                "<p>Deze website streeft naar WCAG 2.2 niveau AA. Elke pagina wordt "
                "automatisch getest met axe-core in een echte browser. (Demo-verklaring.)</p>",
            ),
            (
                "accordion",
                {
                    "heading": "Bekende beperkingen",
                    "items": [
                        {
                            "title": "Ingesloten video's",
                            "body": "<p>Video's van andere sites hebben niet altijd ondertiteling.</p>",
                        },
                    ],
                },
            ),
        ],
        "show_in_menus": False,
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility",
            "intro": "We want everyone to be able to use this website. This is how accessible it is.",
        },
    },
    {
        "slug": "privacy",
        "title": "Privacyverklaring",
        "intro": "Welke gegevens we verwerken, waarom en hoe lang.",
        "body": [
            ("paragraph", "<p>We bewaren gegevens niet langer dan nodig. (Demo-tekst.)</p>"),
        ],
        "show_in_menus": False,
        "en": None,
    },
]


@demo_step(order=10, label="standard pages")
def standard_pages(ctx):
    home = ctx.home
    for data in ctx.progress(PAGES, "standard pages"):
        page = ctx.get_or_create_page(
            home,
            StandardPage,
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "intro": data["intro"],
                "body": data["body"],
                "show_in_menus": data["show_in_menus"],
                "listing_summary": data["intro"][:300],
            },
        )
        ctx.register_section(data["slug"], page)
        if data["en"]:
            ctx.translate(page, "en", **data["en"])
