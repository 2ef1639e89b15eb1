from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalisedPageSitemap(Sitemap):
    """Live public pages of every locale, with ``hreflang`` alternates.

    Aliases that wagtail-localize keeps for pages not yet translated are left out: they
    repeat the source page's content under another language's address.
    """

    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return (
            pages.live()
            .public()
            .filter(alias_of__isnull=True)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        objects = list(self.paginator.page(page).object_list)
        translations = defaultdict(list)
        siblings = (
            Page.objects.live()
            .public()
            .filter(alias_of__isnull=True)
            .filter(translation_key__in={p.translation_key for p in objects})
            .select_related("locale")
        )
        for sibling in siblings:
            translations[sibling.translation_key].append(sibling)

        urls = []
        last_mods = set()
        for item in objects:
            for url_info in item.get_sitemap_urls(self.request):
                alternates = translations[item.translation_key]
                if len(alternates) > 1:
                    url_info["alternates"] = [
                        {"lang_code": alt.locale.language_code, "location": alt.get_full_url(self.request)}
                        for alt in alternates
                    ]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
