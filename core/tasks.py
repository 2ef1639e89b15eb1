"""Background tasks of the core (django-tasks: ``TASKS_BACKEND``, README "Background tasks")."""

import logging

from django.conf import settings
from django_tasks import task

from core.export import ExportError, export

logger = logging.getLogger(__name__)


@task()
def export_changed():
    """``export_site EXPORT_ROOT --changed``: queued after every change that reaches the public
    (``core.invalidation``) when ``EXPORT_ON_PUBLISH`` is set. Runs one at a time per export
    (a lock); a failure is logged and leaves the previous export in place."""
    try:
        result = export(settings.EXPORT_ROOT, changed=True)
    except ExportError:
        logger.exception("the static export after a change could not start")
        raise
    if result.failures:
        logger.error("the static export after a change failed: %s", result.failures[:5])
        raise ExportError(f"{len(result.failures)} addresses failed to render")
    return {"pages": result.pages, "files": result.files, "removed": len(result.removed)}
