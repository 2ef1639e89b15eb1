import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 - the URL configuration, loaded before the freeze below

# Everything loaded so far (Django, Wagtail, the project's modules, the URL configuration) lives
# as long as the process: taken out of the garbage collector's way, so that a full collection
# scans only what serving creates. In a worker with the app loaded a full collection took 100-
# 200 ms at the scale data, once every few dozen requests: the slowest of every 20 requests
# (bench/scale_bench.py imports this module too, so its figures are the server's).
gc.freeze()
