"""Headless preview: an editor previews a draft on the front end (museum.nl), not only in Wagtail.

Every page type offers the preview mode ``headless`` beside Wagtail's own. Choosing it stores
what the editor sees (the form's state, as Wagtail hands it to ``serve_preview``) for
``PREVIEW_TOKEN_SECONDS`` and sends the preview panel to the front end's preview address
(``HEADLESS_PREVIEW_URLS``, per site and language) with a signed token. The front end calls
``GET /api/v1/preview/?token=...`` and gets the draft in exactly the shape of
``/api/v1/pages/{id}/``.

The token is signed with the project's secret (``django.core.signing``), names the page and the
revision the draft started from, and expires after ``PREVIEW_TOKEN_SECONDS`` (10 minutes by
default): an expired token is a 401 problem, a forged or altered one a 403, whatever its age.
When the stored state is gone (the cache was cleared or is down) the token's revision is shown
instead. Preview answers are never stored by any cache (``Cache-Control: private, no-store``)
and carry ``X-Robots-Tag: noindex``; nothing of a preview reaches a list, search or feed, which
read live pages only.

wagtail-headless-preview (0.9) was not used: it declares Wagtail 7 only, its tokens have no
expiry (they are checked without a maximum age and rows are kept for a day), they are not bound
to a revision, it replaces Wagtail's own preview instead of adding a mode, and its front-end
addresses are per host, not per language.
"""

import json
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.http import urlencode
from wagtail.models import Page, Revision

from core.links import page_path, public_url

MODE = "headless"
SALT = "museumsite.headless-preview"
KEY_PREFIX = "preview:"


class Expired(Exception):
    """The token was genuine but is too old."""


class Forged(Exception):
    """The token was not made here, or was altered."""


def front_end_address(page, site=None):
    """The front end's preview address for ``page``: ``HEADLESS_PREVIEW_URLS`` looked up by
    ``"<host>:<language>"``, ``"<language>"``, then ``"default"``; this project's own preview
    endpoint when none is set."""
    urls = settings.HEADLESS_PREVIEW_URLS
    language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    host = site.hostname if site is not None else ""
    for key in (f"{host}:{language}", language, "default"):
        if urls.get(key):
            return urls[key]
    return public_url("/api/v1/preview/")


def issue(page):
    """A token for the draft ``page`` (as the editor sees it now; a saved page)."""
    key = secrets.token_urlsafe(18)
    revision_id = page.latest_revision_id
    try:
        cache.set(
            KEY_PREFIX + key,
            json.dumps(page.serializable_data(), default=str),
            settings.PREVIEW_TOKEN_SECONDS,
        )
    except Exception:  # the cache is down: the revision will be shown
        key = ""
    payload = {"page": page.pk, "revision": revision_id, "key": key}
    return signing.dumps(payload, salt=SALT, compress=True)


def preview_address(page, token, site=None):
    path = page_path(page)
    query = {"token": token, "type": page._meta.label, "id": page.pk}
    if path:
        query["path"] = path
    base = front_end_address(page, site)
    return base + ("&" if "?" in base else "?") + urlencode(query)


def load(token):
    """The draft page a token stands for; ``Expired``, ``Forged`` or ``LookupError``."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.PREVIEW_TOKEN_SECONDS)
    except signing.SignatureExpired:
        raise Expired from None
    except signing.BadSignature:
        raise Forged from None
    content = None
    if payload.get("key"):
        try:
            stored = cache.get(KEY_PREFIX + payload["key"])
        except Exception:
            stored = None
        content = json.loads(stored) if stored else None
    page = Page.objects.filter(pk=payload.get("page")).first()
    if page is None:
        raise LookupError("the page was deleted")
    page = page.specific
    if content is not None:
        return page.with_content_json(content)
    revision = Revision.page_revisions.filter(pk=payload.get("revision"), object_id=str(page.pk)).first()
    if revision is None:
        raise LookupError("the draft is no longer available")
    return revision.as_object()
