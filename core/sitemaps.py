"""The sitemap: what the public may see, in every language, with ``hreflang`` alternates.

``/sitemap.xml`` is a sitemap index. It names one *part* per section of the site: for every
language root (the translations of the site's root page) a part holding just that home page, and
a part per child of the home page holding that child and every public page below it. A part is
at ``/sitemaps/<id>.xml`` (the section page's id: the address stays when a slug changes); a part
with more than ``SITEMAP_PART_SIZE`` addresses (the protocol allows 50,000) goes on at
``/sitemaps/<id>-2.xml``, ``-3`` and so on. So no sitemap is ever cut short, and a publish makes
only the index and the parts of its section stale (``core.dependencies``), not every page's entry.

The sitemap is public and cached, so it follows ``Visibility.public()``: drafts, pages under an
unpublished section and restricted pages are left out, whoever asks; a section without a public
page has no part. Aliases that wagtail-localize keeps for pages not yet translated are left out
too: they repeat the source page's content under another language's address. Pages with
translations name them as alternates, and the Dutch one as ``x-default`` as well. Every address
is absolute on ``PUBLIC_BASE_URL`` (``core.links``), never on the host of the Site record or of
the request.

The index costs a constant number of queries whatever the number of pages: one count per section
(grouped by the start of the tree path) and one for the section pages' ids.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Max
from django.db.models.functions import Coalesce, Substr
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from core.links import page_url, sitemap_part_count, sitemap_part_path
from core.models.base import BasePage
from core.visibility import Visibility

# Translation keys asked for in one query: a part of 50,000 pages would pass SQLite's limit on
# the parameters of one statement (32,766).
TRANSLATION_BATCH = 10_000


def wagtail_site(request):
    """The Wagtail site of ``request`` (the default site when none matches)."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.select_related("root_page").get(is_default_site=True)
    return site


def language_roots(site):
    """The site's root page in every language (the home pages)."""
    return Page.objects.filter(translation_key=site.root_page.translation_key, depth=site.root_page.depth)


def entries(page, request=None):
    """The sitemap entries of ``page`` (a generic page): ``BasePage.get_sitemap_urls``, read off
    the generic page when its type does not override it (the tree's columns hold all it needs)."""
    model = page.content_type.model_class() if page.content_type_id else None
    if model is None or getattr(model, "get_sitemap_urls", None) is not BasePage.get_sitemap_urls:
        return page.specific.get_sitemap_urls(request)
    return BasePage.get_sitemap_urls(page, request)


# --- the index -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One sitemap of the index: part ``number`` of the section page ``section_id``."""

    section_id: int
    section_path: str
    number: int
    lastmod: datetime = None

    @property
    def path(self):
        return sitemap_part_path(self.section_id, self.number)


def parts(site):
    """Every part of ``site``'s sitemap, in tree order (then by number), each with the newest
    publication (else revision) date of its section's public pages. A section split over several
    parts dates each of them by the whole section."""
    home_depth = site.root_page.depth
    public = Visibility.public().listable(Page.objects.all())
    groups = (
        public.annotate(
            root_path=Substr("path", 1, home_depth * Page.steplen),
            section_path=Substr("path", 1, (home_depth + 1) * Page.steplen),
        )
        .filter(root_path__in=language_roots(site).values("path"))
        .values("section_path")
        .annotate(size=Count("pk"), lastmod=Max(Coalesce("last_published_at", "latest_revision_created_at")))
        .order_by("section_path")
    )
    groups = list(groups)
    ids = dict(
        Page.objects.filter(path__in=[group["section_path"] for group in groups]).values_list("path", "pk")
    )
    result = []
    for group in groups:
        section_id = ids.get(group["section_path"])
        if section_id is None:
            continue
        for number in range(1, sitemap_part_count(group["size"]) + 1):
            result.append(Part(section_id, group["section_path"], number, group["lastmod"]))
    return result


# --- one part ------------------------------------------------------------------------------------


def section_pages(site, section_id):
    """``(section, pages)``: the section page ``section_id`` and the pages its part may hold
    (before the visibility rule), or ``None`` when the page is not a home page of ``site`` or a
    child of one."""
    home = site.root_page
    section = Page.objects.filter(pk=section_id).only("path", "depth", "translation_key").first()
    if section is None:
        return None
    if section.depth == home.depth:
        if section.translation_key != home.translation_key:
            return None
        return section, Page.objects.filter(pk=section.pk)
    if section.depth != home.depth + 1:
        return None
    if not language_roots(site).filter(path=section.path[: home.depth * Page.steplen]).exists():
        return None
    return section, Page.objects.filter(path__startswith=section.path)


class LocalisedPageSitemap(Sitemap):
    """The live public pages of ``pages`` (a part's, ``section_pages``) with their ``hreflang``
    alternates, ``SITEMAP_PART_SIZE`` to a page of the paginator (a part's number)."""

    def __init__(self, request, pages):
        super().__init__(request)
        self.pages = pages

    @property
    def limit(self):
        return settings.SITEMAP_PART_SIZE

    def items(self):
        # As Wagtail's generic pages (one query): a page type is loaded as itself only when it
        # says its sitemap entries otherwise than every page does (``entries``).
        return Visibility.public().listable(self.pages).order_by("path").select_related("content_type")

    def location(self, obj):
        return page_url(obj, self.request)

    def _urls(self, page, protocol, domain):
        objects = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        keys = list(dict.fromkeys(p.translation_key for p in objects))
        for start in range(0, len(keys), TRANSLATION_BATCH):
            siblings = Visibility.public().listable(
                Page.objects.filter(translation_key__in=keys[start : start + TRANSLATION_BATCH])
            )
            for sibling in siblings.select_related("locale").order_by("path"):
                translations[sibling.translation_key].append(sibling)

        urls = []
        last_mods = set()
        for item in objects:
            for url_info in entries(item, self.request):
                alternates = translations[item.translation_key]
                if len(alternates) > 1:
                    url_info["alternates"] = [
                        {"lang_code": alt.locale.language_code, "location": page_url(alt, self.request)}
                        for alt in alternates
                    ]
                    default = next(
                        (a for a in url_info["alternates"] if a["lang_code"] == settings.LANGUAGE_CODE), None
                    )
                    if default is not None:  # for readers of any other language: the Dutch page
                        url_info["alternates"].append(
                            {"lang_code": "x-default", "location": default["location"]}
                        )
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
