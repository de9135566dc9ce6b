"""The field types and configuration every model of the notification shares.

Each normalization is one annotated type here, applied by pydantic at
validation (see :mod:`s3types._values` for the functions themselves).

Import cost matters in this package (it is most of ``import s3types``, paid
on every Lambda cold start), so its modules do without ``from __future__
import annotations``: pydantic would otherwise turn each field annotation
back from a string into a type. The annotations only use syntax Python 3.10
evaluates (``X | None``, ``tuple[X, ...]``).
"""

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, ConfigDict, PlainValidator
from pydantic_core import core_schema

from s3types._names import EventName, parse_event_name
from s3types._values import (
    EventVersion,
    decode_key,
    parse_event_version,
    parse_size,
    to_utc,
    version_id_or_none,
)

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler

__all__ = [
    "CONFIG",
    "EventNameField",
    "EventVersionField",
    "KeyField",
    "SizeField",
    "UtcDatetime",
    "VersionIdField",
]


class _ParsedFromText:
    """Field metadata: validate with ``parse``; dump, in every mode, as ``str()`` of the value.

    What ``PlainValidator(parse)`` with ``PlainSerializer(str)`` does, as one
    core schema: it spares every cold start the import of pydantic's
    serializer module, and its JSON schema says the wire value is a string.
    """

    __slots__ = ("parse",)

    def __init__(self, parse: Callable[[Any], object]) -> None:
        self.parse = parse

    def __get_pydantic_core_schema__(
        self, source: object, handler: "GetCoreSchemaHandler"
    ) -> core_schema.CoreSchema:
        text = core_schema.str_schema()
        return core_schema.no_info_plain_validator_function(
            self.parse,
            json_schema_input_schema=text,
            serialization=core_schema.plain_serializer_function_ser_schema(str, return_schema=text),
        )


UtcDatetime = Annotated[datetime, AfterValidator(to_utc)]
EventNameField = Annotated[EventName, _ParsedFromText(parse_event_name)]
EventVersionField = Annotated[EventVersion, _ParsedFromText(parse_event_version)]
SizeField = Annotated[int | None, PlainValidator(parse_size)]
VersionIdField = Annotated[str | None, AfterValidator(version_id_or_none)]
KeyField = Annotated[str, AfterValidator(decode_key)]

# defer_build: each model's validator is built when first used, not at
# import. A notification only ever needs S3Event's (which covers the nested
# models), so the others are never built on the hot path.
CONFIG = ConfigDict(frozen=True, extra="allow", serialize_by_alias=True, defer_build=True)
