"""The public, read-only API at /api/v1/: this module only mounts the routers.

The conventions every router follows (lists, page items, problems, caching) live in
``core.api``; the core's own router holds the themes and ``/pages/resolve/``, and each app
contributes its ``api.router``. No app imports this package.
"""

from ninja import NinjaAPI

from agenda.api import router as agenda_router
from awards.api import router as awards_router
from core.api import router as core_router
from core.api.problems import document_problems, install_problem_handlers
from knowledge.api import router as knowledge_router
from museums.api import router as museums_router
from qa.api import router as qa_router
from search.api import router as search_router


class MuseumsiteAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        return document_problems(super().get_openapi_schema(*args, **kwargs))


api = MuseumsiteAPI(
    title="museumsite API",
    version="1",
    description=(
        "The public, read-only API of museumsite for museum.nl and the Museumkaart app. "
        "Lists answer `{count, next, previous, items}` with `limit`/`offset`; `locale` picks the "
        "language; a detail is flat (the item's fields and the type's own); errors are RFC 9457 "
        "problem details; every GET carries an ETag and Cache-Control."
    ),
    urls_namespace="api_v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
install_problem_handlers(api)

api.add_router("/", core_router)
api.add_router("/", museums_router)
api.add_router("/", agenda_router)
api.add_router("/", knowledge_router)
api.add_router("/", awards_router)
api.add_router("/qa/", qa_router)
api.add_router("/", search_router)
