import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.seeding import SeedContext, SeedError, run_steps


class Command(BaseCommand):
    help = "Generate seeded scale data for the benchmarks (bench/). Never on a production database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--factor", type=float, default=1.0, help="Fraction of the full benchmark size (default 1.0)."
        )
        parser.add_argument("--seed", type=int, default=42, help="Random seed (default 42).")
        parser.add_argument("--only", default="", help="Comma-separated apps or step labels to run.")
        parser.add_argument("--force", action="store_true", help="Run outside local mode.")

    def handle(self, *args, factor, seed, only, force, verbosity=1, **options):
        if not settings.LOCAL and not force:
            raise CommandError("generate_scale fills the database with test data; use local mode or --force.")
        if factor <= 0:
            raise CommandError("--factor must be greater than 0.")
        ctx = SeedContext(self.stdout, self.style, verbosity=verbosity, factor=factor, seed=seed)
        started = time.monotonic()
        try:
            run_steps("scale", ctx, only=[name.strip() for name in only.split(",") if name.strip()])
        except SeedError as error:
            raise CommandError(str(error)) from error
        ctx.log(
            self.style.SUCCESS(
                f"Scale data ready: {ctx.created} pages created in {time.monotonic() - started:.1f}s."
            )
        )
