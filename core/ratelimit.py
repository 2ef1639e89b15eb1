"""The one rate limiter of the site (django-ratelimit's fixed windows in the default cache).

Clients are told apart by ``client_address`` (one place, so that running behind a reverse proxy is
one change), and the address only ever reaches the cache as a keyed hash: it is never stored or
logged. ``allow(request, group, rate)`` counts an attempt and answers whether it is within
``rate`` ("10/h", "5/m", ...); ``suffix`` adds a finer key, e.g. one question.
"""

import hashlib
import hmac

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def client_address(request):
    """The address of the client of ``request``."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def client_key(request):
    """A keyed hash of the client address: stable per client, useless to anyone reading the cache."""
    secret = f"{settings.SECRET_KEY}:{settings.RATELIMIT_SALT}".encode()
    return hmac.new(secret, client_address(request).encode(), hashlib.sha256).hexdigest()[:32]


def allow(request, group, rate, suffix=""):
    """Count this attempt of the client in ``group``; ``False`` once it goes over ``rate``."""
    key = client_key(request) + (f":{suffix}" if suffix else "")
    return not is_ratelimited(
        request, group=group, key=lambda _group, _request: key, rate=rate, increment=True
    )
