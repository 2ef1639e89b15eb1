"""Where document files live, and how the download view hands them to the web server.

Documents are kept in their own storage (``STORAGES["documents"]``) at ``DOCUMENTS_ROOT``,
outside ``MEDIA_ROOT``, and that storage has no address: ``url()`` raises, so neither Wagtail
nor a template can link to a file directly, and no web server location maps onto the folder.
The only way to a document's bytes is the checked download view ``/documents/<id>/<name>``
(``core.documents`` decides who may have them).

Wagtail's download view hands an allowed file over through ``SENDFILE_BACKEND``, which names
this module: ``sendfile`` follows ``DOCUMENTS_SENDFILE``:

- ``none``: Django streams the file (Wagtail's streaming backend; fine for a small site),
- ``nginx``: an empty response with ``X-Accel-Redirect: <SENDFILE_URL><name>``; nginx serves
  the file from an ``internal`` location aliased to ``DOCUMENTS_ROOT`` (readers cannot request
  that location themselves),
- ``xsendfile``: an empty response with ``X-Sendfile: <absolute path>`` (Apache mod_xsendfile).
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse
from django.utils.functional import cached_property
from wagtail.utils import sendfile_streaming_backend

DOCUMENTS_STORAGE_ALIAS = "documents"


class DocumentStorage(FileSystemStorage):
    """Files at ``DOCUMENTS_ROOT`` (unless a ``location`` is given), without any URL."""

    def __init__(self, location=None, **kwargs):
        kwargs.pop("base_url", None)  # a document never has a public address
        super().__init__(location=location, **kwargs)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.DOCUMENTS_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "DOCUMENTS_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise NotImplementedError("Documents have no public address; use the download view.")


def sendfile(request, filename, mimetype="application/octet-stream", **kwargs):
    """The sendfile backend Wagtail's download view calls for an allowed reader."""
    method = settings.DOCUMENTS_SENDFILE
    if method == "none":
        return sendfile_streaming_backend.sendfile(request, filename, mimetype=mimetype, **kwargs)
    response = HttpResponse(content_type=mimetype)
    if method == "nginx":
        response["X-Accel-Redirect"] = internal_url(filename)
    elif method == "xsendfile":
        response["X-Sendfile"] = str(Path(filename).resolve())
    else:
        raise ValueError(f"Unknown DOCUMENTS_SENDFILE {method!r}.")
    return response


def internal_url(filename):
    """The address of ``filename`` in the web server's internal location (``SENDFILE_URL``)."""
    root = Path(settings.SENDFILE_ROOT).resolve()
    relative = Path(filename).resolve().relative_to(root)  # ValueError outside the root
    return settings.SENDFILE_URL.rstrip("/") + "/" + quote(relative.as_posix())
