"""Remove a user's two-factor devices: ``manage.py reset_2fa <username> [<username> ...]``.

For an editor who lost their phone and has no backup codes left. Their authenticator app and
backup codes are removed and any session verified by them is no longer verified; at their next
admin login they set up an app again (when ``ADMIN_2FA_REQUIRED`` applies to them). Every name
is checked before anything is removed.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core import twofactor


class Command(BaseCommand):
    help = (
        "Remove the two-factor devices (authenticator app, backup codes) of the given users: they "
        "set up an authenticator app again at their next admin login."
    )

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="+", metavar="username")

    def handle(self, *args, usernames, **options):
        User = get_user_model()
        users = []
        for name in usernames:
            user = User._default_manager.filter(**{User.USERNAME_FIELD: name}).first()
            if user is None:
                raise CommandError(f"No user named {name!r}; nothing was reset.")
            users.append(user)
        for user in users:
            name = user.get_username()
            devices, apps, codes = twofactor.reset_devices(user)
            if not devices:
                self.stdout.write(f"{name}: no two-factor devices, nothing to remove.")
                continue
            self.stdout.write(
                self.style.SUCCESS(
                    f"{name}: removed {apps} authenticator app(s) and {codes} unused backup code(s). "
                    "They set up an authenticator app again at their next admin login."
                )
            )
