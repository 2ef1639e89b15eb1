import secrets
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.seeding import SeedContext, SeedError, run_steps


class Command(BaseCommand):
    help = "Create the demo site (home, sections and every app's demo content). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            default="",
            help="Comma-separated apps or step labels to run (on a site the full run has built).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even outside local mode (never on a production database).",
        )
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create or reset the demo admin account."
        )

    def handle(self, *args, only="", force=False, no_admin=False, verbosity=1, **options):
        if not settings.LOCAL and not force:
            raise CommandError(
                "load_demo creates an admin account and demo pages; it runs in local mode "
                "(MUSEUMSITE_ENV=local) or with --force."
            )
        ctx = SeedContext(self.stdout, self.style, verbosity=verbosity)
        started = time.monotonic()
        try:
            run_steps("demo", ctx, only=[name.strip() for name in only.split(",") if name.strip()])
        except SeedError as error:
            raise CommandError(str(error)) from error
        ctx.log(
            self.style.SUCCESS(
                f"Demo content ready: {ctx.created} objects created in {time.monotonic() - started:.1f}s."
            )
        )
        if not no_admin:
            self._admin(ctx)

    def _admin(self, ctx):
        User = get_user_model()
        password = secrets.token_urlsafe(12)
        user, created = User.objects.get_or_create(username="admin", defaults={"email": "admin@example.org"})
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        ctx.log(
            self.style.WARNING(
                f"Demo admin {'created' if created else 'password reset'}: "
                f"{settings.WAGTAILADMIN_BASE_URL}/admin/  user: admin  password: {password}"
            )
        )
