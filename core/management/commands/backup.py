"""``manage.py backup DIR``: the database, media and private documents, with a manifest."""

import time

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database, MEDIA_ROOT and DOCUMENTS_ROOT into a new folder, with checksums (core/backup.py)."

    def add_arguments(self, parser):
        parser.add_argument("target", help="A new (or empty) folder for the backup.")

    def handle(self, *args, target, **options):
        started = time.monotonic()
        try:
            manifest = backup(target, log=lambda line: self.stdout.write(f"    {line}"))
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = sum(entry["bytes"] for entry in manifest["files"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {target}: {manifest['counts']['pages']} pages, "
                f"{manifest['counts']['documents']} documents, {size / 1e6:.1f} MB "
                f"in {time.monotonic() - started:.1f}s."
            )
        )
