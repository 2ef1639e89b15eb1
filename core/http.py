"""Cache headers, from named presets in settings (``CACHE_CONTROL_PRESETS``).

Every view that sets ``Cache-Control`` names a preset (``page``, ``feed``, ``api``, ``robots``,
``private``) instead of writing its own number, so operators tune them in one place.
``same_origin`` is the cookie-free check of where a POST comes from, for forms on cached pages.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.utils.http import is_same_domain


def cache_headers(response, preset):
    """Set ``Cache-Control`` on ``response`` from the preset named ``preset``."""
    directives = settings.CACHE_CONTROL_PRESETS[preset]
    patch_cache_control(response, **directives)
    return response


def same_origin(request):
    """Whether ``request`` may come from a page of this site, judged without a cookie.

    For forms on pages that are cached for everyone and so carry no CSRF token (their view is
    ``csrf_exempt`` and calls this instead). A request is refused (``False``) when:

    - its ``Origin`` header is present and is not this site's origin: the scheme and host of the
      request, the origin of ``PUBLIC_BASE_URL``, or one of ``CSRF_TRUSTED_ORIGINS`` (wildcard
      subdomains such as ``https://*.example.org`` included, as Django's CSRF check reads them);
      ``Origin: null`` (sandboxed frames, privacy redirects) is refused too;
    - its ``Sec-Fetch-Site`` header is present and says ``cross-site`` or ``same-site`` (a
      sibling subdomain is not this site), unless the request is on ``EXPORT_DYNAMIC_ORIGIN`` and
      its ``Origin`` is ``PUBLIC_BASE_URL``'s: a form of the static copy (``_from_static_copy``).

    A request with neither header (a non-browser client, which no page can make send a
    reader's cookies anyway) is allowed: rate limits still apply to it. Browsers send
    ``Origin`` with every form POST, so a cross-site form cannot pass.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE", "").strip().lower()
    if fetch_site in ("cross-site", "same-site"):
        return _from_static_copy(request)
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return True
    origin = origin.strip().lower().rstrip("/")
    if origin in _own_origins(request):
        return True
    parsed = urlsplit(origin)
    if not parsed.scheme or not parsed.netloc:
        return False
    return any(
        is_same_domain(parsed.netloc, host)
        for scheme, host in _trusted_wildcards()
        if scheme == parsed.scheme
    )


def _from_static_copy(request):
    """A form of the static copy (``core.export``) posting to the dynamic origin: allowed when
    ``EXPORT_DYNAMIC_ORIGIN`` is set, the request is on it and comes from ``PUBLIC_BASE_URL``'s
    origin exactly (a browser's ``Origin``, which a page cannot forge)."""
    dynamic = urlsplit(settings.EXPORT_DYNAMIC_ORIGIN or "")
    public = urlsplit(settings.PUBLIC_BASE_URL or "")
    if not (dynamic.netloc and public.netloc) or request.get_host().lower() != dynamic.netloc.lower():
        return False
    origin = request.META.get("HTTP_ORIGIN", "").strip().lower().rstrip("/")
    return origin == f"{public.scheme}://{public.netloc}".lower()


def _own_origins(request):
    scheme = "https" if request.is_secure() else "http"
    origins = {f"{scheme}://{request.get_host()}".lower()}
    public = urlsplit(settings.PUBLIC_BASE_URL or "")
    if public.scheme and public.netloc:
        origins.add(f"{public.scheme}://{public.netloc}".lower())
    origins.update(
        trusted.lower().rstrip("/") for trusted in settings.CSRF_TRUSTED_ORIGINS if "*" not in trusted
    )
    return origins


def _trusted_wildcards():
    """``(scheme, ".example.org")`` for every ``https://*.example.org`` in CSRF_TRUSTED_ORIGINS."""
    wildcards = []
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        parsed = urlsplit(trusted.lower())
        if parsed.netloc.startswith("*."):
            wildcards.append((parsed.scheme, parsed.netloc[1:]))
    return wildcards
