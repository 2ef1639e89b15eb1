"""The errors of a backing service that cannot answer for a moment (the search engine down, hung
or refusing; a connection that was refused or timed out), and what every surface answers then:
503 with ``Retry-After``, never a 500 (``core.middleware.ServiceUnavailableMiddleware``)."""

from elastic_transport import TransportError
from elasticsearch import ApiError as ElasticsearchApiError

UNAVAILABLE = (TransportError, ElasticsearchApiError, ConnectionError, TimeoutError)
RETRY_AFTER_SECONDS = 30
