"""Create the members group and the members-only document collection (idempotent)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from knowledge.members import MEMBERS_COLLECTION_NAME, members_collection, members_group


class Command(BaseCommand):
    help = "Create the members group and the members-only document collection restricted to it."

    def handle(self, *args, **options):
        group = members_group()
        self.stdout.write(f"Group: {group.name}")
        collection = members_collection()
        self.stdout.write(f"Collection: {collection.name} (restricted to {settings.MEMBERS_GROUP_NAME})")
        self.stdout.write(
            self.style.SUCCESS(
                f"Members set-up ready: '{settings.MEMBERS_GROUP_NAME}', '{MEMBERS_COLLECTION_NAME}'."
            )
        )
