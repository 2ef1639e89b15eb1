import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import autodiscover_modules

from core.scale_loader import ScaleContext, registered_generators


class Command(BaseCommand):
    help = "Generate seeded scale data for the benchmarks (bench/). Never on a production database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--factor", type=float, default=1.0, help="Fraction of the full benchmark size (default 1.0)."
        )
        parser.add_argument("--seed", type=int, default=42, help="Random seed (default 42).")
        parser.add_argument("--only", default="", help="Comma-separated generator labels to run.")
        parser.add_argument("--force", action="store_true", help="Run outside local mode.")

    def handle(self, *args, factor, seed, only, force, verbosity=1, **options):
        if not settings.LOCAL and not force:
            raise CommandError("generate_scale fills the database with test data; use local mode or --force.")
        if factor <= 0:
            raise CommandError("--factor must be greater than 0.")
        autodiscover_modules("scale")
        wanted = {label.strip() for label in only.split(",") if label.strip()}
        generators = [g for g in registered_generators() if not wanted or g.label in wanted]
        unknown = wanted - {g.label for g in registered_generators()}
        if unknown:
            raise CommandError(f"Unknown generator(s): {', '.join(sorted(unknown))}.")
        ctx = ScaleContext(self.stdout, factor=factor, seed=seed, verbosity=verbosity)
        for number, generator in enumerate(generators, start=1):
            started = time.monotonic()
            ctx.log(f"[{number}/{len(generators)}] {generator.label}")
            generator.func(ctx)
            ctx.log(f"    done in {time.monotonic() - started:.1f}s")
