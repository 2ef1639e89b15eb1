"""``manage.py export_site OUT``: the public site as static files (``core/export.py``)."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.export import ExportError, export
from core.linkcheck import check

MAX_LISTED = 20


class Command(BaseCommand):
    help = (
        "Write every public page, listing, feed, the sitemap, robots.txt, the 404 pages, static files, "
        "images and public documents to OUT, at the site's own URL paths (core/export.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "out", help="The export's path: a symlink the export swaps to each new generation folder."
        )
        parser.add_argument(
            "--changed",
            action="store_true",
            help="Write only what depends on the changes since the last export (a full export when there is none).",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="Worker processes that render (forked from this one; default 1). Use the number of cores.",
        )
        parser.add_argument("--check", action="store_true", help="Check every link of the export afterwards.")
        parser.add_argument(
            "--check-only", action="store_true", help="Check the links of the export at OUT; export nothing."
        )

    def handle(self, *args, out, changed, check, check_only, jobs, **options):
        verbosity = options["verbosity"]
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more.")
        if not check_only:
            self._export(out, changed=changed, verbosity=verbosity, jobs=jobs)
        if check or check_only:
            self._check(out)

    def _export(self, out, *, changed, verbosity, jobs):
        if not settings.EXPORT_DYNAMIC_ORIGIN and verbosity:
            self.stderr.write(
                "EXPORT_DYNAMIC_ORIGIN is not set: search, filters and forms stay on this origin, "
                "which a static server cannot answer (see README, Static export)."
            )
        progress = self._progress if verbosity and sys.stdout.isatty() or verbosity > 1 else None
        try:
            result = export(out, changed=changed, progress=progress, jobs=jobs)
        except ExportError as error:
            raise CommandError(str(error)) from error
        if progress:
            self.stdout.write("")
        if result.failures:
            listed = "\n".join(f"  {address}: {reason}" for address, reason in result.failures[:MAX_LISTED])
            more = len(result.failures) - MAX_LISTED
            raise CommandError(
                f"{len(result.failures)} addresses failed to render; the previous export is unchanged:\n{listed}"
                + (f"\n  ... and {more} more" if more > 0 else "")
            )
        if not verbosity:
            return
        kind = "Full export" if result.full else "Changes exported"
        rate = result.pages / result.seconds if result.seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"{kind} to {result.root}: {result.pages} pages ({len(result.rendered)} addresses rendered, "
                f"{rate:.0f} pages/s), {result.files} files written ({result.bytes / 1e6:.1f} MB), "
                f"{len(result.removed)} removed, {len(result.dynamic)} left to the dynamic origin, "
                f"in {result.seconds:.1f}s."
            )
        )

    def _progress(self, done, total):
        width = 30
        filled = width * done // total if total else width
        self.stdout.write(f"\r  [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
        self.stdout.flush()

    def _check(self, out):
        report = check(out)
        if report.missing:
            listed = "\n".join(
                f"  {file}: {address} ({what})" for file, address, what in report.missing[:MAX_LISTED]
            )
            more = len(report.missing) - MAX_LISTED
            raise CommandError(
                f"Link check: {len(report.missing)} of {report.links} links in {report.files} files lead "
                f"nowhere:\n{listed}" + (f"\n  ... and {more} more" if more > 0 else "")
            )
        self.stdout.write(
            self.style.SUCCESS(f"Link check: {report.links} links in {report.files} files, none missing.")
        )
