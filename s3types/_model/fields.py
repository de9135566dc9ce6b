"""The field types and configuration every model of the notification shares.

Each normalization is one annotated type here, applied by pydantic at
validation (see :mod:`s3types._values` for the functions themselves).

Import cost matters in this package (it is most of ``import s3types``, paid
on every Lambda cold start), so its modules do without ``from __future__
import annotations``: pydantic would otherwise turn each of the ~60 field
annotations back from a string into a type. The annotations only use syntax
Python 3.10 evaluates (``X | None``, ``tuple[X, ...]``).
"""

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, ConfigDict, PlainSerializer, PlainValidator, with_config
from typing_extensions import Required, TypedDict

from s3types._names import EventName, parse_event_name
from s3types._values import (
    EventVersion,
    check_bucket_name,
    decode_key,
    parse_event_version,
    parse_size,
    to_utc,
    version_id_or_none,
)

__all__ = [
    "CONFIG",
    "BucketWire",
    "EventNameField",
    "EventVersionField",
    "KeyField",
    "PrincipalWire",
    "RequestParametersWire",
    "ResponseElementsWire",
    "SizeField",
    "UtcDatetime",
    "VersionIdField",
]

UtcDatetime = Annotated[datetime, AfterValidator(to_utc)]
EventNameField = Annotated[
    EventName, PlainValidator(parse_event_name), PlainSerializer(str, return_type=str)
]
EventVersionField = Annotated[
    EventVersion, PlainValidator(parse_event_version), PlainSerializer(str, return_type=str)
]
SizeField = Annotated[int | None, PlainValidator(parse_size)]
VersionIdField = Annotated[str | None, AfterValidator(version_id_or_none)]
KeyField = Annotated[str, AfterValidator(decode_key)]

# defer_build: each model's validator is built when first used, not at
# import. A notification only ever needs S3Event's (which covers the nested
# models), so the fifteen others are never built on the hot path.
CONFIG = ConfigDict(frozen=True, extra="allow", serialize_by_alias=True, defer_build=True)


# The identity and request blocks are validated as dicts and made models
# only when read: few handlers read them, and four fewer models per record
# is ~30% less validation time. Unknown keys are kept, as everywhere.
_OPEN = ConfigDict(extra="allow")


@with_config(_OPEN)
class PrincipalWire(TypedDict, total=False):
    """``userIdentity`` / ``ownerIdentity`` as validated (unknown keys kept)."""

    principalId: str | None


@with_config(_OPEN)
class RequestParametersWire(TypedDict, total=False):
    """``requestParameters`` as validated (unknown keys kept)."""

    sourceIPAddress: str | None


@with_config(_OPEN)
class BucketWire(TypedDict, total=False):
    """``s3.bucket`` as validated (unknown keys kept)."""

    name: Required[Annotated[str, AfterValidator(check_bucket_name)]]
    ownerIdentity: PrincipalWire | None
    arn: str | None


ResponseElementsWire = TypedDict(
    "ResponseElementsWire",
    {"x-amz-request-id": str | None, "x-amz-id-2": str | None},
    total=False,
)
# What @with_config does; its names are not identifiers, so no class syntax.
ResponseElementsWire.__pydantic_config__ = _OPEN  # type: ignore[attr-defined]
