"""Demo content of the home app: the locales, the site with its home page in both languages,
the standard pages every site has and, once every section has content, the home page's
featured items: what is current on the day the demo is loaded."""

from django.apps import apps
from django.db import transaction
from django.utils import timezone
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


# What the home page features, most current first: (page type, what is current, how many). The
# sections are higher layers than home, so their page types are named by label, not imported.
FEATURES = [
    ("agenda.EventPage", "next", 2),
    ("knowledge.FiguresPage", "latest year", 1),
    ("knowledge.ArticlePage", "latest", 1),
    ("museums.ExhibitionPage", "running", 1),
    ("awards.AwardEditionPage", "latest year", 1),
]


def _current(queryset, rule, today):
    """The pages of ``queryset`` that are current on ``today`` under ``rule``, most current first."""
    if rule == "next":  # the next events that still take place
        return (
            queryset.filter(start_date__gte=today).exclude(status="cancelled").order_by("start_date", "path")
        )
    if rule == "running":  # exhibitions open today, the newest first
        return queryset.filter(start_date__lte=today, last_day__gte=today).order_by("-start_date", "path")
    if rule == "latest year":  # the most recent year that has begun, real editions before demo ones
        fields = {field.name for field in queryset.model._meta.get_fields()}
        ordering = ["is_demo"] if "is_demo" in fields else []
        return queryset.filter(year__lte=today.year).order_by(*ordering, "-year", "path")
    return queryset.filter(publication_date__lte=today).order_by("-publication_date", "path")  # "latest"


@seed_step(kind="demo", order=980, label="featured items on the home page")
def featured(ctx):
    """Feature what is current on the day the demo is loaded on the Dutch home page: the next
    events, the latest Museumcijfers, the latest article, an exhibition open today and the latest
    award edition; then the first public page of any page type not featured yet, up to six in
    all (once: the editors' choice is left alone afterwards)."""
    home = ctx.home
    if home.featured_items.exists():
        return
    visibility = Visibility.public()
    today = timezone.localdate()
    picks = []
    for label, rule, count in FEATURES:
        try:
            model = apps.get_model(label)
        except LookupError:  # a section that is not installed
            continue
        listable = visibility.listable(model.objects.filter(locale=home.locale))
        picks.extend(_current(listable, rule, today)[:count])
    featured_types = {type(page) for page in picks}
    for model in project_page_models():
        if (
            model in (HomePage, StandardPage)
            or model.__name__.endswith("IndexPage")
            or model in featured_types
        ):
            continue
        page = visibility.listable(model.objects.filter(locale=home.locale)).order_by("path").first()
        if page is not None:
            picks.append(page)
    for order, page in enumerate(picks[:6]):
        home.featured_items.create(page=page, sort_order=order)
    if picks:
        home.save_revision().publish()
        ctx.created += len(picks[:6])
