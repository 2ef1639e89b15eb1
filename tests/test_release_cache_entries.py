"""The processes of two releases share one cache during a deploy (and the load check's servers
share it when the checkout changes under them): an entry of another shape must read as a miss,
never fail the request."""

import pytest
from django.core.cache import cache

from core.visibility import PUBLIC_CACHE_KEY, Visibility


@pytest.mark.django_db
@pytest.mark.parametrize(
    "entry",
    [
        ([], []),  # an earlier release's shape: (restrictions, hidden sections), no token
        ("token", []),
        "garbage",
    ],
)
def test_a_public_visibility_entry_of_another_shape_is_a_miss(entry):
    cache.set(PUBLIC_CACHE_KEY, entry, 60)
    assert isinstance(Visibility.public(), Visibility)
    token, state = cache.get(PUBLIC_CACHE_KEY)
    assert isinstance(token, str) and len(state) == 2
