"""Move the files of existing documents out of MEDIA_ROOT into the documents storage.

Documents used to be stored in the default storage (``MEDIA_ROOT/documents/...``), where
``/media/`` served them to anyone. Each file moves to the same name in the ``documents`` storage
(``DOCUMENTS_ROOT``), so the documents' ``file`` values stay as they are. Running it again moves
nothing twice; a document whose file is missing is left alone. Reversing moves the files back.
"""

import os

from django.core.files.storage import storages
from django.db import migrations

DOCUMENTS_STORAGE_ALIAS = "documents"  # core.storage.DOCUMENTS_STORAGE_ALIAS, frozen here


def move_file(source, target, name):
    """Move ``name`` from ``source`` to the same name in ``target``; ``True`` if it moved."""
    if same_file(source, target, name):
        return False
    if target.exists(name):
        # Moved by an earlier, interrupted run: drop the copy left behind when it is the same.
        if source.exists(name) and source.size(name) == target.size(name):
            source.delete(name)
        return False
    if not source.exists(name):
        return False
    with source.open(name, "rb") as content:
        saved = target.save(name, content)
    if saved != name:
        target.delete(saved)
        raise RuntimeError(f"The document file {name!r} could not keep its name in the new storage.")
    source.delete(name)
    return True


def same_file(source, target, name):
    """Whether both storages keep ``name`` at the same place (then there is nothing to move)."""
    try:
        return os.path.realpath(source.path(name)) == os.path.realpath(target.path(name))
    except NotImplementedError:
        return False


def move_all(apps, source, target):
    Document = apps.get_model("wagtaildocs", "Document")
    names = Document.objects.exclude(file="").values_list("file", flat=True).distinct()
    for name in names.iterator():
        move_file(source, target, name)


def to_documents_storage(apps, schema_editor):
    move_all(apps, storages["default"], storages[DOCUMENTS_STORAGE_ALIAS])


def to_default_storage(apps, schema_editor):
    move_all(apps, storages[DOCUMENTS_STORAGE_ALIAS], storages["default"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(to_documents_storage, to_default_storage, elidable=True)]
