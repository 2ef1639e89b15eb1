"""A Redis cache that fails open: when Redis is down or slow, the site answers from the database.

Django's ``RedisCache`` raises when Redis cannot be reached, and Wagtail reads its site-root paths
from the cache on every request, so a dead Redis would take every page down. This backend

- connects and reads with short timeouts (``OPTIONS``: ``socket_connect_timeout`` and
  ``socket_timeout``, 0.1 s by default),
- answers a failed read as a miss (the default), a failed write as not written, and logs it once
  per outage,
- after a failure, skips Redis entirely for ``RETRY_AFTER`` seconds (default 5), so that an outage
  costs each request nothing rather than one timeout per cache call, then tries again: recovery
  needs no restart.

``healthy()`` says whether the last attempt worked, for ``/healthz`` (which also probes).

``LocalMemoryCache`` is the embedded default's cache: Django's local-memory cache with a
``get_many`` that takes its lock once for all keys. A page cache hit reads the versions of all
the tags of the page at once (a listing carries one per item shown), and Django's version checks
each key for memcached's rules and locks per key: a third of the cost of such a hit.
"""

import logging
import pickle
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 0.1
DEFAULT_RETRY_AFTER = 5.0


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        options.setdefault("socket_connect_timeout", DEFAULT_TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", DEFAULT_TIMEOUT_SECONDS)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._failing = False

    # --- the breaker -------------------------------------------------------------------------

    def healthy(self):
        return not self._failing

    def _skip(self):
        return self._failing and time.monotonic() < self._down_until

    def _failed(self, exc):
        with self._lock:
            if not self._failing:
                logger.warning("cache unreachable (%s): serving without it", exc.__class__.__name__)
            self._failing = True
            self._down_until = time.monotonic() + self.retry_after

    def _worked(self):
        if self._failing:
            with self._lock:
                self._failing = False
            logger.warning("cache reachable again")

    def _call(self, default, method, *args, **kwargs):
        if self._skip():
            return default
        try:
            result = method(*args, **kwargs)
        except Exception as exc:  # any failure of the cache server is a miss, never an error page
            self._failed(exc)
            return default
        self._worked()
        return result

    def probe(self):
        """Read and write one key now, ignoring the breaker; raises when Redis fails."""
        client = self._cache.get_client(write=True)
        client.set(self.make_key("healthz:probe"), b"1", ex=10)
        self._worked()

    # --- every cache operation ---------------------------------------------------------------

    def add(self, key, value, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call(False, super().add, key, value, version=version, **kwargs)

    def get(self, key, default=None, version=None):
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call(None, super().set, key, value, version=version, **kwargs)

    def touch(self, key, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call(False, super().touch, key, version=version, **kwargs)

    def delete(self, key, version=None):
        return self._call(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._call(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        if self._skip():
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        try:
            result = super().incr(key, delta, version)
        except ValueError:
            raise
        except Exception as exc:
            self._failed(exc)
            raise ValueError(f"Key '{key}' not found (cache unavailable)") from exc
        self._worked()
        return result

    def set_many(self, data, timeout=..., version=None):
        kwargs = {} if timeout is ... else {"timeout": timeout}
        return self._call(list(data), super().set_many, data, version=version, **kwargs)

    def delete_many(self, keys, version=None):
        return self._call(None, super().delete_many, keys, version)

    def clear(self):
        return self._call(False, super().clear)


class LocalMemoryCache(LocMemCache):
    """Django's local-memory cache; ``get_many`` reads all keys under one lock (the module)."""

    def get_many(self, keys, version=None):
        found = {}
        now = time.time()
        with self._lock:
            for key in keys:
                made = self.make_key(key, version=version)
                expiry = self._expire_info.get(made, -1)
                if expiry is not None and expiry <= now:  # absent (-1) or expired
                    if made in self._cache:
                        self._delete(made)
                    continue
                found[key] = self._cache[made]
                self._cache.move_to_end(made, last=False)
        return {key: pickle.loads(value) for key, value in found.items()}  # noqa: S301 (our own entries)
