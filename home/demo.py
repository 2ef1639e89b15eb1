"""Demo content of the home app: the locales, the site with its home page in both languages,
the standard pages every site has and, once every section has content, the home page's
featured items."""

from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from core.models import SiteSettings
from core.page_types import project_page_models
from core.seeding import seed_step
from core.visibility import Visibility

from .models import HomePage, StandardPage

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


@seed_step(kind="demo", order=0, label="locales, site and home page")
@transaction.atomic
def site(ctx):
    """The locales nl and en (English in step with Dutch), the Dutch home page as the default
    site's root with its English translation. Registers the home page as section ``home``."""
    nl, _ = Locale.objects.get_or_create(language_code="nl")
    en, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()

    home = HomePage.objects.filter(depth=2, locale=nl).first()
    if home is None:
        # The plain welcome page a fresh Wagtail database starts with makes way for ours.
        for stray in Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore"
        ):
            Site.objects.filter(root_page=stray).delete()
            stray.delete()
        home = HomePage(
            title="Museumvereniging",
            slug="home",
            locale=nl,
            hero_title="Samen sterk voor musea",
            hero_text=(
                "De Museumvereniging is de branchevereniging van Nederlandse musea: "
                "kennis delen, belangen behartigen en de Museumkaart. (Demo-tekst.)"
            ),
            listing_summary="De branchevereniging van Nederlandse musea.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        ctx.created += 1
    ctx.register_section("home", home)

    site_obj = Site.objects.filter(is_default_site=True).first()
    if site_obj is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Museumvereniging"
        )
        ctx.created += 1
    elif site_obj.root_page_id != home.pk:
        site_obj.root_page = home
        site_obj.site_name = "Museumvereniging"
        site_obj.save()

    LocaleSynchronization.objects.get_or_create(locale=en, defaults={"sync_from": nl})
    ctx.translate(
        home,
        "en",
        title="Museum Association",
        hero_title="Stronger together for museums",
        hero_text=(
            "The Museum Association is the trade association of Dutch museums: sharing "
            "knowledge, representing interests and the Museumkaart. (Demo text.)"
        ),
        listing_summary="The trade association of Dutch museums.",
    )


@seed_step(kind="demo", order=10, label="standard pages")
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
    # The footer (and the forms that ask for personal data) link the statements.
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        values = SiteSettings.for_site(site)
        if values.privacy_page_id is None or values.accessibility_page_id is None:
            values.privacy_page_id = values.privacy_page_id or ctx.sections.get("privacy")
            values.accessibility_page_id = values.accessibility_page_id or ctx.sections.get(
                "toegankelijkheid"
            )
            values.save()
            ctx.created += 1


@seed_step(kind="demo", order=980, label="featured items on the home page")
def featured(ctx):
    """Feature the first public page of each section's own page types on the Dutch home page
    (once: the editors' choice is left alone afterwards)."""
    home = ctx.home
    if home.featured_items.exists():
        return
    visibility = Visibility.public()
    picks = []
    for model in project_page_models():
        if model in (HomePage, StandardPage) or model.__name__.endswith("IndexPage"):
            continue
        page = visibility.listable(model.objects.filter(locale=home.locale)).order_by("path").first()
        if page is not None:
            picks.append(page)
    for order, page in enumerate(picks[:6]):
        home.featured_items.create(page=page, sort_order=order)
    if picks:
        home.save_revision().publish()
        ctx.created += len(picks[:6])
