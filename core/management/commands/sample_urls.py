import json

from django.core.management.base import BaseCommand

from core.page_types import sample_pages


class Command(BaseCommand):
    help = "Print one public URL per page type as JSON (used by the browser test suite)."

    def handle(self, *args, **options):
        result = {label: (page.url if page else None) for label, page in sample_pages().items()}
        self.stdout.write(json.dumps(result, indent=2, sort_keys=True))
