"""Demo content of the core app: locales, the site and its home page, taxonomy, settings.

Themes and dossiers are the association's own (public facts); descriptions are demo text.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from core.demo_loader import demo_step
from core.models import Dossier, Organisation, SiteSettings, Theme

THEMES = [
    (
        "financieel-gezond",
        "Financieel gezond",
        "Financially healthy",
        "Een gezonde bedrijfsvoering en eerlijke fondsenwerving.",
        "Sound finances and ethical fundraising.",
    ),
    (
        "aantrekkelijk",
        "Aantrekkelijk",
        "Attractive",
        "Een aantrekkelijke werkgever voor medewerkers en vrijwilligers.",
        "An attractive workplace for staff and volunteers.",
    ),
    (
        "divers",
        "Divers",
        "Diverse",
        "Musea die de samenleving weerspiegelen.",
        "Museums that reflect society.",
    ),
    ("inclusief", "Inclusief", "Inclusive", "Toegankelijk voor iedereen.", "Accessible to everyone."),
    (
        "duurzaam",
        "Duurzaam",
        "Sustainable",
        "Minder uitstoot, duurzaam collectiebeheer.",
        "Lower emissions, sustainable collection care.",
    ),
]

DOSSIERS = [
    ("duurzaamheid", "Duurzaamheid", "Sustainability", ["duurzaam"]),
    ("digitalisering", "Digitalisering", "Digitisation", ["aantrekkelijk"]),
    (
        "code-diversiteit-inclusie",
        "Code Diversiteit & Inclusie",
        "Diversity & Inclusion Code",
        ["divers", "inclusief"],
    ),
    ("toegankelijkheid", "Toegankelijkheid", "Accessibility", ["inclusief"]),
    ("sociale-veiligheid", "Sociale veiligheid", "Social safety", ["aantrekkelijk"]),
    ("ethisch-fondsenwerven", "Ethisch fondsenwerven", "Ethical fundraising", ["financieel-gezond"]),
    ("collectieveiligheid", "Collectieveiligheid", "Collection safety", ["duurzaam"]),
    (
        "caribisch-deel-koninkrijk",
        "Caribisch deel van het Koninkrijk",
        "The Caribbean part of the Kingdom",
        ["divers"],
    ),
    ("museumnorm", "Museumnorm", "The museum norm", ["financieel-gezond"]),
    (
        "museum-cao",
        "Museum cao en functieordening",
        "Museum cao and function classification",
        ["aantrekkelijk"],
    ),
    ("museumcijfers", "Museumcijfers", "Museum figures", ["financieel-gezond"]),
]

ORGANISATIONS = [
    ("Museumvereniging", Organisation.Kind.ASSOCIATION, "https://www.museumvereniging.nl/"),
    ("Stichting Museumkaart", Organisation.Kind.ASSOCIATION, "https://www.museum.nl/"),
    ("Cultuurfonds", Organisation.Kind.FUNDER, "https://www.cultuurfonds.nl/"),
    ("VriendenLoterij", Organisation.Kind.FUNDER, "https://www.vriendenloterij.nl/"),
    (
        "Rijksdienst voor het Cultureel Erfgoed",
        Organisation.Kind.GOVERNMENT,
        "https://www.cultureelerfgoed.nl/",
    ),
    ("DEN Kennisinstituut cultuur & digitalisering", Organisation.Kind.PARTNER, "https://www.den.nl/"),
]


@demo_step(order=0, label="locales, site and home page")
@transaction.atomic
def site(ctx):
    from home.models import HomePage

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

    site_obj = Site.objects.filter(is_default_site=True).first()
    if site_obj is None:
        site_obj = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Museumvereniging"
        )
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

    settings_obj = SiteSettings.for_site(site_obj)
    if not settings_obj.email:
        settings_obj.email = "info@example.org"
        settings_obj.phone = "+31 20 000 0000"
        settings_obj.address = "Demo-adres\n1000 AA Amsterdam"
        settings_obj.footer_text = "<p>De Museumvereniging verbindt ruim 475 musea. (Demo-tekst.)</p>"
        settings_obj.linkedin_url = "https://www.linkedin.com/company/museumvereniging/"
        settings_obj.save()


@demo_step(order=1, label="themes, dossiers and organisations")
@transaction.atomic
def taxonomy(ctx):
    nl = Locale.objects.get(language_code="nl")
    en = Locale.objects.get(language_code="en")
    themes = {}
    for order, (slug, name_nl, name_en, desc_nl, desc_en) in enumerate(ctx.progress(THEMES, "themes")):
        theme, created = Theme.objects.get_or_create(
            slug=slug, locale=nl, defaults={"name": name_nl, "description": desc_nl, "sort_order": order}
        )
        ctx.created += created
        if not Theme.objects.filter(translation_key=theme.translation_key, locale=en).exists():
            translated = theme.copy_for_translation(en)
            translated.name, translated.description = name_en, desc_en
            translated.save()
            ctx.created += 1
        themes[slug] = theme
    for slug, name_nl, name_en, theme_slugs in ctx.progress(DOSSIERS, "dossiers"):
        dossier, created = Dossier.objects.get_or_create(slug=slug, locale=nl, defaults={"name": name_nl})
        if created:
            dossier.themes.set([themes[s] for s in theme_slugs])
            ctx.created += 1
        if not Dossier.objects.filter(translation_key=dossier.translation_key, locale=en).exists():
            translated = dossier.copy_for_translation(en)
            translated.name = name_en
            translated.save()
            translated.themes.set(
                Theme.objects.filter(
                    locale=en, translation_key__in=[themes[s].translation_key for s in theme_slugs]
                )
            )
            ctx.created += 1
    for name, kind, website in ctx.progress(ORGANISATIONS, "organisations"):
        _, created = Organisation.objects.get_or_create(
            name=name, defaults={"kind": kind, "website": website}
        )
        ctx.created += created


@demo_step(order=980, label="featured items on the home page")
def featured(ctx):
    """Feature the first page of each section on the Dutch home page (once)."""
    home = ctx.home
    if home.featured_items.exists():
        return
    from core.page_types import project_page_models

    picks = []
    for model in project_page_models():
        if model._meta.label in {"home.HomePage", "home.StandardPage"} or model.__name__.endswith(
            "IndexPage"
        ):
            continue
        page = (
            model.objects.live()
            .public()
            .filter(locale=home.locale, alias_of__isnull=True)
            .order_by("path")
            .first()
        )
        if page is not None:
            picks.append(page)
    for order, page in enumerate(picks[:6]):
        home.featured_items.create(page=page, sort_order=order)
    if picks:
        home.save_revision().publish()
        ctx.created += len(picks[:6])


@demo_step(order=990, label="synchronise the English tree")
def sync_tree(ctx):
    """Give every Dutch page without a translation its English alias ("sync from")."""
    synchronize_tree(Locale.objects.get(language_code="nl"), Locale.objects.get(language_code="en"))
