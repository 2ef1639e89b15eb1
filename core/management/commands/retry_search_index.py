"""Replay the search index updates that could not reach the search engine (run every minute)."""

from django.apps import apps
from django.core.management.base import BaseCommand
from wagtail.search.backends import get_search_backend

from core.models import SearchIndexBacklog
from core.services import UNAVAILABLE


class Command(BaseCommand):
    help = (
        "Send the search index updates that failed (the search engine was unreachable) again; "
        "what still fails stays in the backlog for the next run. Run it every minute."
    )

    def handle(self, *args, verbosity=1, **options):
        backend = get_search_backend()
        rows = list(SearchIndexBacklog.objects.order_by("first_failed_at", "pk"))
        total = len(rows)
        done = failed = 0
        for number, row in enumerate(rows, start=1):
            try:
                model = apps.get_model(row.model_label)
            except LookupError:
                row.delete()  # the model is gone: nothing to index
                continue
            obj = model._default_manager.filter(pk=row.object_id).first()
            try:
                if row.action == SearchIndexBacklog.Action.ADD and obj is not None:
                    backend.add(obj)
                else:
                    backend.delete(obj or model(pk=row.object_id))
            except UNAVAILABLE:
                failed += 1  # recorded again by the backend, with one more attempt
            except Exception as error:  # a document the engine refuses: keep it, say why
                failed += 1
                SearchIndexBacklog.record(obj or model(pk=row.object_id), row.action, error)
            else:
                SearchIndexBacklog.done(model(pk=row.object_id))
                done += 1
            if verbosity and (number % 100 == 0 or number == total):
                self.stdout.write(f"    search index backlog: {number}/{total}")
        message = f"Search index backlog: {done} sent, {failed} still waiting."
        self.stdout.write(self.style.SUCCESS(message) if not failed else self.style.WARNING(message))
