"""``manage.py restore DIR --yes``: replace the database, media and documents with a backup."""

import time

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore, verify


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: checks every checksum, then REPLACES the "
        "database, MEDIA_ROOT and DOCUMENTS_ROOT, and compares the counts with the backup's."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="The backup folder.")
        parser.add_argument("--yes", action="store_true", help="Replace the current data without asking.")
        parser.add_argument("--check", action="store_true", help="Only verify the backup's checksums.")

    def handle(self, *args, source, yes=False, check=False, **options):
        started = time.monotonic()
        try:
            manifest = verify(source)
            if check:
                self.stdout.write(
                    self.style.SUCCESS(f"{source}: every checksum matches ({manifest['created_at']}).")
                )
                return
            if not yes:
                raise CommandError("restore replaces the database and the files: run it again with --yes.")
            manifest, now = restore(source, log=lambda line: self.stdout.write(f"    {line}"))
        except BackupError as error:
            raise CommandError(str(error)) from error
        if now != manifest["counts"]:
            raise CommandError(
                f"Restored, but the counts differ from the backup: {now} != {manifest['counts']}"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {source} (made {manifest['created_at']}): {now['pages']} pages, "
                f"{now['documents']} documents in {time.monotonic() - started:.1f}s."
            )
        )
