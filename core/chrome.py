"""The site's chrome: localised home, main menu, every language's home, footer and settings,
the search and statement addresses. One computation for the HTML pages (``core_tags``) and the
headless front end (``/api/v1/site/``), cached as plain data under the tag ``chrome``.

The key names the site, the language and what the reader may see (``visibility_key``): readers
who may see the same pages share an entry; a members-only section never shows in an anonymous
menu. The tag ``chrome`` is bumped when the home page or a section is published, unpublished,
moved or deleted, and when site settings or a snippet change (``core.dependencies``).
"""

from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import expand_db_html

from core.cachetags import cached
from core.dependencies import CHROME
from core.fragments import visibility_key
from core.links import page_path
from core.models import SiteSettings
from core.routing import find_site
from core.visibility import Visibility


def site_for(request):
    """The site of ``request`` (the default site without one)."""
    site = find_site(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def _statement(page_id, locale, visibility, request):
    """``{"id", "title", "path", "lang"}`` of a statement page in ``locale`` (its translation when
    the reader may see one, else the page itself, whose language ``lang`` names), or ``None``."""
    if not page_id:
        return None
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return None
    candidates = visibility.listable(
        Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    )
    chosen = next((p for p in candidates if p.locale_id == locale.pk), None)
    chosen = chosen or next((p for p in candidates if p.pk == page.pk), None)
    if chosen is None:
        return None
    return {
        "id": chosen.pk,
        "title": chosen.title,
        "path": page_path(chosen, request),
        "lang": chosen.locale.language_code,
    }


def _settings_data(site, locale, visibility, request):
    values = SiteSettings.for_site(site)
    return {
        "organisation_name": values.organisation_name,
        "email": values.email,
        "phone": values.phone,
        "address": values.address,
        "footer_html": expand_db_html(values.footer_text) if values.footer_text else "",
        "social_links": values.social_links,
        "privacy": _statement(values.privacy_page_id, locale, visibility, request),
        "accessibility": _statement(values.accessibility_page_id, locale, visibility, request),
    }


def compute(request, site, visibility):
    root = Page.objects.get(pk=site.root_page_id)
    active = Locale.get_active()
    homes = list(Page.objects.filter(translation_key=root.translation_key).select_related("locale"))
    home = next((candidate for candidate in homes if candidate.locale_id == active.pk), root)
    children = visibility.filter(home.get_children().live().in_menu()).only(
        "id", "title", "url_path", "path", "depth", "locale_id"
    )
    return {
        "home_path": page_path(home, request),
        # Each language's home, for the language links of pages without a translation.
        "home_paths": {
            candidate.locale.language_code: page_path(candidate, request)
            for candidate in homes
            if candidate.live
        },
        "menu": [{"id": item.pk, "title": item.title, "path": page_path(item, request)} for item in children],
        "search_path": reverse("search"),
        "settings": _settings_data(site, active, visibility, request),
    }


def for_request(request, visibility=None):
    """The chrome of the site and active language of ``request`` for its reader (or for
    ``visibility``), or ``None`` without a site."""
    site = site_for(request)
    if site is None:
        return None
    visibility = visibility or Visibility.for_request(request)
    key = f"chrome:{site.pk}:{get_language()}:{visibility_key(visibility)}"
    return cached(key, [CHROME], lambda: compute(request, site, visibility))
