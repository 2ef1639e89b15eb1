"""Content-Security-Policy with nonces, on fresh renders and full-page cache hits alike.

The policy is django-csp's (``settings.CONTENT_SECURITY_POLICY``, or
``CONTENT_SECURITY_POLICY_REPORT_ONLY`` when ``CSP_REPORT_ONLY`` is set): strict on the public
site and the API (scripts from this origin and with the response's nonce, no inline styles, no
framing). The admin (``ADMIN_PREFIXES``) gets ``ADMIN_CONTENT_SECURITY_POLICY`` instead: Wagtail's
admin uses inline scripts and styles. So do its previews, which Wagtail renders with a dummy
request for the page's public address (``request.is_dummy``) and shows in a frame of the admin.

Nonces and the page cache (``core.pagecache``): a template never sees the nonce itself.
``request.csp_nonce`` (and ``nonce_for``) gives a *placeholder*: a random token per render,
shaped like a nonce. On the way out, ``ContentSecurityPolicyMiddleware`` replaces it in the body
with a fresh random nonce and names that nonce in the header. The page cache stores the body
with its placeholder (``remember`` keeps it on the response, which the cache stores whole), so
every hit gets a nonce of its own, and validators are computed on the body with the placeholder
masked (``masked_content``): an ``ETag`` does not change with the nonce, and a 304 lets the
browser keep the body and the header it already holds, which belong together.

A placeholder never reaches a reader and cannot be guessed before the render, so markup that
finds its way into a page cannot claim the nonce. Nothing that writes a nonce may sit inside a
``{% cachedfragment %}``: the fragment would keep an old render's placeholder.
"""

import base64
import hashlib
import os
import re
from dataclasses import asdict
from functools import partial

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.exceptions import CSPNonceError
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.utils.cache import cc_delim_re
from django.utils.http import quote_etag

ADMIN_PREFIXES = ("/admin/",)
PLACEHOLDER_ATTR = "csp_placeholder"
_REQUEST_PLACEHOLDER = "_csp_placeholder"
MASK = b"csp-nonce"
_NONCE_IN_POLICY = re.compile(r"'nonce-([A-Za-z0-9+/=_-]+)'")


def _token():
    """A random token of the shape of django-csp's nonces (16 bytes, base64: 24 characters)."""
    return base64.b64encode(os.urandom(16)).decode("ascii")


def nonce_for(request):
    """What a template writes as ``nonce="…"``: the request's placeholder; ``""`` for a render
    outside a request the middleware has seen (an e-mail, a management command)."""
    value = getattr(request, "csp_nonce", None)
    if value is None:
        return ""
    try:
        return str(value)
    except CSPNonceError:  # rendered after the header was written: no nonce would match
        return ""


def remember(request, response):
    """Keep on ``response`` the placeholder its body was rendered with (when one was written),
    so that a copy of it served later (a page cache hit) can be given a fresh nonce."""
    token = getattr(request, _REQUEST_PLACEHOLDER, None)
    if token and getattr(response, PLACEHOLDER_ATTR, None) is None:
        setattr(response, PLACEHOLDER_ATTR, token)


def masked_content(response):
    """The body with its placeholder replaced by a fixed mask: what validators are computed on."""
    token = getattr(response, PLACEHOLDER_ATTR, None)
    if not token:
        return response.content
    return response.content.replace(token.encode("ascii"), MASK)


def header_nonce(response):
    """The nonce a response's policy names (enforced or report-only), or ``None``."""
    for header in (HEADER, HEADER_REPORT_ONLY):
        match = _NONCE_IN_POLICY.search(response.get(header, ""))
        if match:
            return match.group(1)
    return None


_HEADERS = (
    (False, HEADER, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
    (True, HEADER_REPORT_ONLY, "_csp_exempt_ro", "CONTENT_SECURITY_POLICY_REPORT_ONLY"),
)
_NONCE_MARK = "csp-nonce-mark"
# (configuration's identity, report only, with a nonce) -> (the configuration, the policy with
# ``_NONCE_MARK`` for its nonce). The configuration is kept so that its identity is not reused.
_BUILT = {}


def _policy(parts, report_only):
    """The policy of ``parts`` as ``build_policy`` writes it, built once per configuration."""
    if parts.update is not None or parts.replace is not None:  # a view's own decorator
        return build_policy(**asdict(parts), report_only=report_only)
    config = parts.config
    if config is None:
        name = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
        source = getattr(settings, name, None)
    else:
        source = config
    key = (id(source), report_only, parts.nonce is not None)
    built = _BUILT.get(key)
    if built is None or built[0] is not source:
        mark = _NONCE_MARK if parts.nonce is not None else None
        built = (source, build_policy(config=config, nonce=mark, report_only=report_only))
        _BUILT[key] = built
    policy = built[1]
    return policy.replace(_NONCE_MARK, parts.nonce) if parts.nonce is not None else policy


def _needs_etag(request, response):
    if request.method != "GET" or response.status_code != 200 or response.has_header("ETag"):
        return False
    return all(part.lower() != "no-store" for part in cc_delim_re.split(response.get("Cache-Control", "")))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with nonces that survive the page cache (see the module).

    It sits just inside ``ConditionalGetMiddleware`` and outside ``PageCacheMiddleware``: it sees
    every response, fresh or cached, before a 304 is decided on its ``ETag``."""

    def process_request(self, request):
        request.csp_nonce = CheckableLazyObject(partial(self._placeholder, request))

    @staticmethod
    def _placeholder(request):
        token = getattr(request, _REQUEST_PLACEHOLDER, None)
        if token is None:
            token = _token()
            setattr(request, _REQUEST_PLACEHOLDER, token)
        return token

    def process_response(self, request, response):
        if response.status_code == 304:
            # The browser keeps the header it got with the body; a new one would not match it.
            return response
        remember(request, response)
        token = getattr(response, PLACEHOLDER_ATTR, None)
        if token and not response.streaming:
            content = response.content
            placeholder = token.encode("ascii")
            if placeholder in content:
                if _needs_etag(request, response):
                    # As ConditionalGetMiddleware would, but stable whatever the nonce.
                    response["ETag"] = quote_etag(
                        hashlib.md5(masked_content(response), usedforsecurity=False).hexdigest()
                    )
                nonce = self._make_nonce(request)  # a fresh one for every response; named in the header
                response.content = content.replace(placeholder, nonce.encode("ascii"))
        return self._add_headers(request, response)

    def _add_headers(self, request, response):
        """django-csp's ``process_response``, with each policy built once per configuration and
        the nonce put into a copy of it (building it is a fifth of the cost of a cache hit)."""
        if response.status_code in (500, 404) and settings.DEBUG:
            return response
        for report_only, header, exempt, setting in _HEADERS:
            parts = self.get_policy_parts(request=request, response=response, report_only=report_only)
            policy = _policy(parts, report_only)
            if not policy or header in response or getattr(response, exempt, False):
                continue
            prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if not request.path_info.startswith(tuple(prefixes)):
                response[header] = policy
        if getattr(request, "_csp_nonce", None) is None:
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # Wagtail renders a preview (and a draft, a revision) by passing a dummy request for the
        # page's public address through the middleware: it is shown in the admin's frame.
        admin = request.path_info.startswith(ADMIN_PREFIXES) or getattr(request, "is_dummy", False)
        if parts.config is None and admin:
            name = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
            if getattr(settings, name, None):
                parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
