"""Demo content of the core app: taxonomy (themes, dossiers, organisations), the site's
settings and, last, the English tree kept in step with the Dutch one.

Themes and dossiers are the association's own (public facts); descriptions are demo text. The
locales, the site and its home page are the home app's first step (``home/demo.py``).
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.synctree import synchronize_tree

from core.models import Dossier, Organisation, SiteSettings, Theme
from core.seeding import seed_step

from . import demo_images  # noqa: F401 - registers the demo illustrations step

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


@seed_step(kind="demo", order=1, label="themes, dossiers and organisations")
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


@seed_step(kind="demo", order=2, label="site settings")
def site_settings(ctx):
    """Contact details and footer of the default site (left alone once filled in)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        ctx.log("    no site yet: settings skipped")
        return
    settings_obj = SiteSettings.for_site(site)
    if not settings_obj.email:
        settings_obj.email = "info@example.org"
        settings_obj.phone = "+31 20 000 0000"
        settings_obj.address = "Demo-adres\n1000 AA Amsterdam"
        settings_obj.footer_text = "<p>De Museumvereniging verbindt ruim 475 musea. (Demo-tekst.)</p>"
        settings_obj.linkedin_url = "https://www.linkedin.com/company/museumvereniging/"
        settings_obj.save()
        ctx.created += 1


@seed_step(kind="demo", order=990, label="synchronise the English tree")
def sync_tree(ctx):
    """Give every Dutch page without a translation its English alias ("sync from")."""
    nl, en = ctx.locale("nl"), ctx.locale("en")
    missing = Page.objects.filter(locale=nl, depth__gt=1).exclude(
        translation_key__in=Page.objects.filter(locale=en).values("translation_key")
    )
    # wagtail-localize reports no progress of its own: say how much there is to do.
    ctx.log(f"    English aliases to create: {missing.count()}")
    synchronize_tree(nl, en)
