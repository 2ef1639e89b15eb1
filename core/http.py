"""Cache headers, from named presets in settings (``CACHE_CONTROL_PRESETS``).

Every view that sets ``Cache-Control`` names a preset (``page``, ``feed``, ``api``, ``robots``,
``private``) instead of writing its own number, so operators tune them in one place.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control


def cache_headers(response, preset):
    """Set ``Cache-Control`` on ``response`` from the preset named ``preset``."""
    directives = settings.CACHE_CONTROL_PRESETS[preset]
    patch_cache_control(response, **directives)
    return response
