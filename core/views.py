import logging
import secrets

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.contrib.sites.shortcuts import get_current_site
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseNotFound, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.api.problems import problem_response
from core.cachetags import CHROME_ONLY, FIXED, depends_on, narrow, page_tag
from core.http import cache_headers
from core.links import public_url, sitemap_part_path
from core.models import SearchIndexBacklog
from core.sitemaps import LocalisedPageSitemap, parts, section_pages, wagtail_site

logger = logging.getLogger(__name__)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def _check_cache():
    if hasattr(cache, "probe"):
        cache.probe()  # the fail-open backend: one write with its short timeouts, raising
    else:
        key = f"healthz:{secrets.token_hex(8)}"
        cache.set(key, "ok", 10)
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return the value just written")
        cache.delete(key)
    return {"backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def _check_search():
    backend = get_search_backend()
    name = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"].rsplit(".", 1)[-1]
    if hasattr(backend, "es"):
        backend.es.info()
    else:
        list(backend.search("healthz", Page.objects.none())[:1])
    return {"backend": name, "backlog": SearchIndexBacklog.objects.count()}


def _extra(name):
    """What a failed check still reports: the search index updates waiting for the engine."""
    if name != "search":
        return {}
    try:
        return {"backlog": SearchIndexBacklog.objects.count()}
    except Exception:  # the database is down too
        return {}


CHECKS = {"database": _check_database, "cache": _check_cache, "search": _check_search}
# Without these the site still answers (from the database, uncached): "degraded", still 200.
OPTIONAL_CHECKS = {"cache"}


@never_cache
@require_GET
def healthz(request):
    """Each dependency's state: 200 ``ok`` when all are up, 200 ``degraded`` when only an
    optional one (the cache) is down, 503 ``unavailable`` when a required one is."""
    results = {}
    status = "ok"
    for name, check in CHECKS.items():
        try:
            results[name] = {"ok": True, **check()}
        except Exception as exc:  # any failure of a dependency is reported, not raised
            logger.warning("health check %s failed: %s", name, exc)
            results[name] = {"ok": False, "error": exc.__class__.__name__, **_extra(name)}
            if name not in OPTIONAL_CHECKS:
                status = "unavailable"
            elif status == "ok":
                status = "degraded"
    return JsonResponse(
        {"status": status, "checks": results},
        status=503 if status == "unavailable" else 200,
    )


@require_GET
def robots_txt(request):
    depends_on(FIXED)  # no content: a publish never changes it
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /zoeken/",
        "Disallow: /en/zoeken/",
        "",
        f"Sitemap: {public_url(reverse('sitemap'))}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    return cache_headers(response, "robots")


def _no_sitemap():
    """A part that does not exist: a bare 404, the same for every reader (the site's 404 page
    would show the chrome as the reader may see it, on an address of the public sitemap)."""
    return HttpResponseNotFound("No such sitemap.\n", content_type="text/plain; charset=utf-8")


def _xml(request, template, context, lastmod):
    headers = {"Last-Modified": http_date(lastmod.timestamp())} if lastmod else None
    response = TemplateResponse(request, template, context, content_type="application/xml", headers=headers)
    return cache_headers(response, "feed")


@require_GET
@x_robots_tag
def sitemap_xml(request):
    """``/sitemap.xml``: the index of the sitemap's parts, one per section (``core.sitemaps``).
    The page cache tags it ``sitemap``, which every page change bumps."""
    found = parts(wagtail_site(request))
    items = [SitemapIndexItem(public_url(part.path), part.lastmod) for part in found]
    dates = [part.lastmod for part in found]
    lastmod = max(dates) if dates and None not in dates else None
    return _xml(request, "sitemap_index.xml", {"sitemaps": items}, lastmod)


@require_GET
@x_robots_tag
def sitemap_part(request, section_id, number=1):
    """``/sitemaps/<id>.xml`` (``-2``, ``-3``... beyond ``SITEMAP_PART_SIZE`` addresses): the
    public pages of one section in every language. 404 for a page that is not a home page or a
    child of one, for a section without a public page and for a number past the last."""
    if request.path != sitemap_part_path(section_id, number):  # "-1", leading zeros: not an address
        return _no_sitemap()
    site = wagtail_site(request)
    found = section_pages(site, section_id)
    if found is None:
        return _no_sitemap()
    section, pages = found
    if section.depth == site.root_page.depth:
        narrow(section)  # just the home page: its own content (and its translations') only
    else:
        depends_on(page_tag(section))  # bumped by a change of the section or any page below it
    sitemap = LocalisedPageSitemap(request, pages)
    if sitemap.paginator.count == 0 or number > sitemap.paginator.num_pages:
        return _no_sitemap()
    urls = sitemap.get_urls(page=number, site=get_current_site(request))
    return _xml(request, "sitemap.xml", {"urlset": urls}, getattr(sitemap, "latest_lastmod", None))


def page_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return problem_response(404, "The requested API resource does not exist.")
    # ``not_found``: the language links go to each language's home page, not to this address in
    # another language (which is as missing; and the static export serves this page anywhere).
    depends_on(CHROME_ONLY)
    return render(request, "404.html", {"not_found": True}, status=404)


def server_error(request):
    # No context processors or database access: the error may be the database itself.
    template = loader.get_template("500.html")
    return HttpResponse(template.render(), status=500)
