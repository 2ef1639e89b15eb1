"""The project's Elasticsearch 9 backend: Wagtail's, plus a memory for failed index updates.

An update that cannot reach the cluster (down, hung, refusing) is recorded in
``core.models.SearchIndexBacklog`` before Wagtail logs it and lets the publish go on;
``manage.py retry_search_index`` replays the backlog once the cluster answers again.
"""

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from core.models import SearchIndexBacklog
from core.services import UNAVAILABLE


class QueueingElasticsearchBackend(Elasticsearch9SearchBackend):
    def add(self, obj):
        try:
            super().add(obj)
        except UNAVAILABLE as error:
            SearchIndexBacklog.record(obj, SearchIndexBacklog.Action.ADD, error)
            raise
        SearchIndexBacklog.done(obj)  # an older failure for it is settled

    def delete(self, obj):
        try:
            super().delete(obj)
        except UNAVAILABLE as error:
            SearchIndexBacklog.record(obj, SearchIndexBacklog.Action.DELETE, error)
            raise
        SearchIndexBacklog.done(obj)


SearchBackend = QueueingElasticsearchBackend
