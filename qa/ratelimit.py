"""A small fixed-window rate limiter for feedback, keyed on a salted hash of the client IP.

The IP address is only hashed (HMAC-SHA256 with the secret key and a salt) into a cache
key that expires with its window; it is never stored in the database or logged.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

# (requests, seconds): at most this many feedback answers per client per window.
DEFAULT_FEEDBACK_RATE = (10, 3600)
# (requests, seconds): per client and question, so one reader counts once per answer.
DEFAULT_FEEDBACK_RATE_PER_QUESTION = (1, 3600)


def client_key(request):
    salt = getattr(settings, "QA_RATELIMIT_SALT", "qa-feedback")
    ip = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hmac.new(f"{settings.SECRET_KEY}:{salt}".encode(), ip.encode(), hashlib.sha256).hexdigest()[:32]


def _hit(key, limit, seconds):
    """Count one hit on ``key``; True while within ``limit`` in the current window."""
    if cache.add(key, 1, timeout=seconds):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        count = 1
    return count <= limit


def allow_feedback(request, question_id):
    """Whether this client may give feedback on ``question_id`` now (counts the attempt)."""
    client = client_key(request)
    limit, seconds = getattr(settings, "QA_FEEDBACK_RATE", DEFAULT_FEEDBACK_RATE)
    per_limit, per_seconds = getattr(
        settings, "QA_FEEDBACK_RATE_PER_QUESTION", DEFAULT_FEEDBACK_RATE_PER_QUESTION
    )
    if not _hit(f"qa:feedback:{client}:q{question_id}", per_limit, per_seconds):
        return False
    return _hit(f"qa:feedback:{client}", limit, seconds)
