"""Wagtail's ``publish_scheduled``, in one transaction: the publications and expiries it makes
commit together with what they record in the change feed (``core.changes``), or not at all (the
next run tries again)."""

from django.db import transaction
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand


class Command(WagtailCommand):
    help = "Publish pages whose time has come and unpublish expired ones (in one transaction)."

    def handle(self, *args, **options):
        with transaction.atomic():
            return super().handle(*args, **options)
