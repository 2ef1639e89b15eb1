import logging
import secrets
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import autodiscover_modules

from core.demo_loader import DemoContext, registered_steps


class Command(BaseCommand):
    help = "Create the demo site (home, sections and every app's demo content). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even outside local mode (never on a production database).",
        )
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create or reset the demo admin account."
        )

    def handle(self, *args, force=False, no_admin=False, verbosity=1, **options):
        if not settings.LOCAL and not force:
            raise CommandError(
                "load_demo creates an admin account and demo pages; it runs in local mode "
                "(MUSEUMSITE_ENV=local) or with --force."
            )
        autodiscover_modules("demo")
        steps = registered_steps()
        ctx = DemoContext(self.stdout, self.style, verbosity=verbosity)
        started = time.monotonic()
        # Wagtail logs every page action at INFO; the progress lines say enough here.
        wagtail_logger = logging.getLogger("wagtail")
        previous_level = wagtail_logger.level
        wagtail_logger.setLevel(logging.WARNING)
        try:
            for number, step in enumerate(steps, start=1):
                ctx.log(f"[{number}/{len(steps)}] {step.label}")
                step.func(ctx)
        finally:
            wagtail_logger.setLevel(previous_level)
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
