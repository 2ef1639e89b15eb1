"""``/sitemap.xml``: what the public may see, in every language, with ``hreflang`` alternates.

The sitemap is public and cached, so it follows ``Visibility.public()``: drafts, pages under an
unpublished section and restricted pages are left out, whoever asks. Aliases that
wagtail-localize keeps for pages not yet translated are left out too: they repeat the source
page's content under another language's address. Pages with translations name them as
alternates, and the Dutch one as ``x-default`` as well. Every address is absolute on
``PUBLIC_BASE_URL`` (``core.links``), never on the host of the Site record or of the request.
"""

from collections import defaultdict

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.links import page_url
from core.models.base import BasePage
from core.visibility import Visibility


def entries(page, request=None):
    """The sitemap entries of ``page`` (a generic page): ``BasePage.get_sitemap_urls``, read off
    the generic page when its type does not override it (the tree's columns hold all it needs)."""
    model = page.content_type.model_class() if page.content_type_id else None
    if model is None or getattr(model, "get_sitemap_urls", None) is not BasePage.get_sitemap_urls:
        return page.specific.get_sitemap_urls(request)
    return BasePage.get_sitemap_urls(page, request)


class LocalisedPageSitemap(Sitemap):
    """Live public pages of every locale of the site, with ``hreflang`` alternates."""

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        # As Wagtail's generic pages (one query): a page type is loaded as itself only when it
        # says its sitemap entries otherwise than every page does (``entries``).
        return Visibility.public().listable(pages).order_by("path").select_related("content_type")

    def location(self, obj):
        return page_url(obj, self.request)

    def _urls(self, page, protocol, domain):
        objects = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        siblings = Visibility.public().listable(
            Page.objects.filter(translation_key__in={p.translation_key for p in objects})
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
