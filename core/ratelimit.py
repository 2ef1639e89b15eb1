"""The one rate limiter of the site (django-ratelimit's fixed windows in the default cache).

Clients are told apart by ``client_address``: the connecting address, or behind the reverse
proxies named in ``TRUSTED_PROXIES`` the address they saw (``X-Forwarded-For`` read from the
right, past the trusted hops, so a client cannot choose its own address by sending the header).
The address only ever reaches the cache as a keyed hash: it is never stored or logged.

``allow(request, group, rate)`` counts an attempt and answers whether it is within ``rate``
("10/h", "5/m", ...); ``suffix`` adds a finer key, e.g. one question. Forms check first with
``within(...)`` (which counts nothing) and count only what they accept, so refused input never
uses up a client's budget.
"""

import hashlib
import hmac
import ipaddress
from functools import cache

from django.conf import settings
from django_ratelimit.core import get_usage, is_ratelimited


@cache
def _trusted_networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request):
    """The address of the client of ``request``, as the outermost trusted proxy saw it."""
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    if not networks or not _trusted(address, networks):
        return address
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            return hop
        address = hop
    return address


def client_key(request):
    """A keyed hash of the client address: stable per client, useless to anyone reading the cache."""
    secret = f"{settings.SECRET_KEY}:{settings.RATELIMIT_SALT}".encode()
    return hmac.new(secret, client_address(request).encode(), hashlib.sha256).hexdigest()[:32]


def _key(request, suffix):
    key = client_key(request) + (f":{suffix}" if suffix else "")
    return lambda _group, _request: key


def allow(request, group, rate, suffix=""):
    """Count this attempt of the client in ``group``; ``False`` once it goes over ``rate``."""
    return not is_ratelimited(request, group=group, key=_key(request, suffix), rate=rate, increment=True)


def within(request, group, rate, suffix=""):
    """Whether the client may make one more attempt in ``group`` (nothing is counted)."""
    usage = get_usage(request, group=group, key=_key(request, suffix), rate=rate, increment=False)
    # No usage: the counters cannot be read (the cache is down), and the limiter fails open.
    return usage is None or usage["count"] < usage["limit"]
