"""Routing without looking the site up on every request.

Wagtail finds the page of a request in four steps: the ``Site`` of the host name (a query), its
root page (a query), the root's translation in the request's language (a query) and that page as
its own type (a query), before walking the path (``BasePage.route``: two more). The first four
answers change only when a site or a language's home page changes, so ``SiteRootMiddleware``
keeps them in the cache per host, port and language under the ``chrome`` tag (which
``core.dependencies`` bumps when a home page changes; a change of a site bumps ``all``) and hands
Wagtail's serve view a route it has already found; ``find_site`` gives other views that show the
chrome (the search, feeds) the site the same way. A cache that is down costs the four queries.
"""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Site

from core import cachetags
from core.dependencies import CHROME


def site_and_root(request):
    """``(site, root page in the request's language, as its own type)``, or ``None`` when no site
    answers for the request's host."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    key = f"routing:{hostname}:{port}:{translation.get_language()}"

    def compute():
        site = Site._find_for_request(request)
        if site is None:
            return None
        return site, site.root_page.localized.specific

    # Not recorded for the response: which site and root answer is not content (a change of a
    # site makes everything stale, see ``core.invalidation.site_changed``).
    return cachetags.cached(key, [CHROME, cachetags.ALL], compute, record=False)


def _is_wagtail_serve(view_func):
    # By name: importing ``wagtail.views`` here would load models before the app registry is
    # ready (this module is imported while models load).
    return (
        getattr(view_func, "__module__", "") == "wagtail.views"
        and getattr(view_func, "__name__", "") == "serve"
    )


class SiteRootMiddleware:
    """Finds the route of a page request from the cached site and root (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not _is_wagtail_serve(view_func) or hasattr(request, "_wagtail_route_for_request"):
            return None
        found = site_and_root(request)
        if found is None:
            return None  # Wagtail decides (no site: 404)
        site, root = found
        request._wagtail_site = site
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        components = [component for component in path.split("/") if component]
        try:
            request._wagtail_route_for_request = root.route(request, components)
        except Http404:
            request._wagtail_route_for_request = None
        return None


def find_site(request):
    """``Site.find_for_request`` from the cache: for views other than pages (the search, feeds)
    that show the chrome."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        found = site_and_root(request)
        request._wagtail_site = found[0] if found else None
    return request._wagtail_site
