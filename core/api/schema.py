"""The base of every API schema: django-ninja's ``Schema``, validating plain data natively.

Ninja wraps every value it validates in a ``DjangoGetter`` (so that a schema can read model
instances, managers and ``resolve_*`` methods). The API's items are plain dicts built by the
serializers and kept in the cache (``core.itemcache``): for those the wrapping only costs a
Python call per field of every item (about a quarter of a list response); natively it
costs 30% of that. A dict for a schema
without resolvers goes to pydantic as it is; anything else is validated as ninja does.
"""

from typing import Any

from ninja import Schema as NinjaSchema
from pydantic import ModelWrapValidatorHandler, ValidationInfo, model_validator


class Schema(NinjaSchema):
    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(
        cls, values: Any, handler: ModelWrapValidatorHandler, info: ValidationInfo
    ) -> Any:
        if type(values) is dict and not cls._ninja_resolvers:
            return handler(values)
        return super()._run_root_validator(values, handler, info)
