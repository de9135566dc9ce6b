"""The bounds s3types holds to: records per input, nesting depth, S3's object and part sizes.

Each bound on an input is one named constant, applied the same way whatever
form the input has (a dict, JSON text, JSON inside an SQS or SNS message),
and broken with one :class:`~s3types.S3EventError` message. S3's own limits
on objects and multipart uploads (the sizes the writes plan their parts by)
are here too, each with where it comes from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, cast

from pydantic import BaseModel

from s3types._errors import S3EventError

if TYPE_CHECKING:
    from s3types._model import S3Entity, S3Event, S3EventRecord

__all__ = [
    "GENERATOR_KEY_STRINGS",
    "MAX_USER_ARGUMENTS",
    "MAX_USER_ARGUMENT_KEY",
    "MAX_USER_ARGUMENT_VALUE",
    "MAX_DEPTH",
    "MAX_OBJECT_SIZE",
    "MAX_PARTS",
    "MAX_PART_SIZE",
    "MAX_PUT_SIZE",
    "MAX_RECORDS",
    "MIN_PART_SIZE",
    "check_depth",
    "check_document_depth",
    "check_record_depth",
    "holds_only_validated",
    "too_deep",
    "too_many",
]

#: Records (and SQS messages) one input may carry. S3 sends one record per
#: notification and a Lambda SQS batch holds at most 10,000 messages (and 6 MB),
#: so no real delivery comes near; the cap turns an absurd input into a quick
#: error instead of minutes of validation and gigabytes of models.
MAX_RECORDS = 10_000

#: How deep objects and arrays may nest, counted from the top of each JSON
#: document (a notification's record is at level 3: object, ``Records``
#: list, record; an SQS body or SNS message is a document of its own). S3's
#: own fields nest 6 deep; the rest is room for unknown fields, which are
#: kept. The bound is below what pydantic's JSON parser refuses (200) and
#: what ``model_dump``, ``pickle`` and ``copy.deepcopy`` survive, so an
#: event that parses can also be dumped, pickled and copied.
MAX_DEPTH = 128

# S3's limits on objects and multipart uploads (Amazon S3 User Guide,
# "Amazon S3 multipart upload limits"). The object size was 5 TiB until
# December 2025, when AWS raised it to 50 TB, which 10,000 parts of 5 GiB
# (53.7 TB) hold.

#: Parts in one multipart upload (part numbers 1 to 10,000).
MAX_PARTS = 10_000
#: The smallest part S3 accepts, but for the last part of an upload.
MIN_PART_SIZE = 5 * 1024**2
#: The largest part S3 accepts.
MAX_PART_SIZE = 5 * 1024**3
#: The largest object one PutObject (or CopyObject) stores.
MAX_PUT_SIZE = 5 * 1024**3
#: The largest object S3 stores (50 TB, decimal, as AWS states it).
MAX_OBJECT_SIZE = 50 * 10**12

#: Strings S3 Batch Operations' manifest generator takes in each of
#: ``KeyNameConstraint``'s ``MatchAnyPrefix``, ``MatchAnySuffix`` and
#: ``MatchAnySubstring`` (botocore's S3 Control model: "accepts an array of
#: strings with a length of 1 string"): one prefix and one suffix per job.
GENERATOR_KEY_STRINGS = 1

#: A Batch Operations job's ``UserArguments`` (what the function receives as
#: ``userArguments``): at most 10 entries, keys of 1 to 64 characters,
#: values of up to 1,024 (botocore's S3 Control model, shape UserArguments).
MAX_USER_ARGUMENTS = 10
MAX_USER_ARGUMENT_KEY = 64
MAX_USER_ARGUMENT_VALUE = 1024


def too_many(count: int, what: str, path: str) -> S3EventError:
    """The error for an input that carries more than :data:`MAX_RECORDS` records or messages."""
    return S3EventError(
        f"{path}: {count} {what} is more than one input can carry ({MAX_RECORDS}): S3 sends"
        " one record per notification and a Lambda SQS batch holds at most 10,000 messages;"
        " split the input",
        path=path,
    )


def too_deep(path: str) -> S3EventError:
    """The error for an input nested more than :data:`MAX_DEPTH` levels deep."""
    where = f" at {path}" if path else ""
    return S3EventError(
        f"the input{where} nests objects and arrays more than {MAX_DEPTH} levels deep, the"
        " limit for every form of input (dict or JSON text): S3's own fields nest 6 levels;"
        " flatten the unknown field that holds the rest",
        path=path,
    )


# Values that hold nothing: most of what a record carries, skipped without a look.
_LEAVES = frozenset({str, int, float, bool, type(None)})


def _deeper_than(value: object, room: int) -> bool:
    """True if ``value`` holds containers more than ``room`` levels deep.

    Recursive: ``room`` is at most :data:`MAX_DEPTH`, so the stack stays
    short, and a call per container costs less than a work list of pairs.
    """
    kind: type[object] = type(value)
    children: Iterable[object]
    if kind is dict:
        children = cast("dict[object, object]", value).values()
    elif kind is list or kind is tuple:
        children = cast("Iterable[object]", value)
    elif kind in _LEAVES:
        return False
    elif isinstance(value, Mapping):
        children = cast("Mapping[object, object]", value).values()
    else:
        return False
    if room <= 0:
        return True
    room -= 1
    # A loop, not any(...): a generator frame per container costs ~30% here.
    for child in children:  # noqa: SIM110
        if type(child) not in _LEAVES and _deeper_than(child, room):
            return True
    return False


def check_document_depth(document: object, path: str = "") -> None:
    """Refuse a JSON document (as loaded: dicts and lists) nested more than :data:`MAX_DEPTH` deep.

    The rule :func:`s3types.parse_event` holds notifications to, for the
    inputs read without a model (Batch Operations jobs, Object Lambda
    requests): the top object is level 1, and the same error is raised.

    >>> deep: object = "leaf"
    >>> for _ in range(MAX_DEPTH):
    ...     deep = [deep]
    >>> check_document_depth({"tasks": deep}, "")
    Traceback (most recent call last):
    ...
    s3types._errors.S3EventError: the input nests objects and arrays more than 128 levels deep, ...
    """
    if _deeper_than(document, MAX_DEPTH):
        raise too_deep(path)


def _check_block(block: Mapping[str, Any] | None, room: int, path: str) -> None:
    # A block kept as a dict (userIdentity, s3.bucket, ...): flat unless it has extras.
    if block is not None and not _flat(block) and _deeper_than(block, room):
        raise too_deep(path)


def _flat(block: Mapping[str, Any]) -> bool:
    # Leaves, or dicts of leaves (s3.bucket.ownerIdentity): the shape S3 sends.
    value: object
    for value in block.values():
        kind: type[object] = type(value)
        if kind in _LEAVES:
            continue
        if kind is not dict:
            return False
        for inner in cast("dict[str, object]", value).values():
            if type(inner) not in _LEAVES:
                return False
    return True


def _check_extra(model: BaseModel, room: int, path: str) -> None:
    extra = model.__pydantic_extra__
    # The extras dict is no level of its own: its values sit at the fields' level.
    if extra and _deeper_than(extra, room + 1):
        raise too_deep(path)


# The keys validation bounds (str or None) in the blocks kept as dicts.
_PRINCIPAL = frozenset({"principalId"})
_REQUEST = frozenset({"sourceIPAddress"})
_RESPONSE = frozenset({"x-amz-request-id", "x-amz-id-2"})
_BUCKET = frozenset({"name", "ownerIdentity", "arn"})


def _only_validated(record: S3EventRecord) -> bool:
    """True when a record holds nothing validation left unbounded (AWS's records do)."""
    # Read from __dict__ and compared with issuperset: this runs for every record.
    if record.__pydantic_extra__:
        return False
    fields = record.__dict__
    s3: S3Entity = fields["s3"]
    if s3.__pydantic_extra__ or s3.__dict__["object"].__pydantic_extra__:
        return False
    if not (
        fields["raw_glacier_event_data"]
        is fields["raw_replication_event_data"]
        is fields["raw_intelligent_tiering_event_data"]
        is fields["raw_lifecycle_event_data"]
        is None
    ):
        return False
    identity: dict[str, Any] | None = fields["raw_user_identity"]
    request: dict[str, Any] | None = fields["raw_request_parameters"]
    response: dict[str, Any] | None = fields["raw_response_elements"]
    bucket: dict[str, Any] = s3.__dict__["raw_bucket"]
    if (
        (identity is not None and not _PRINCIPAL.issuperset(identity))
        or (request is not None and not _REQUEST.issuperset(request))
        or (response is not None and not _RESPONSE.issuperset(response))
        or not _BUCKET.issuperset(bucket)
    ):
        return False
    owner: dict[str, Any] | None = bucket.get("ownerIdentity")
    return owner is None or _PRINCIPAL.issuperset(owner)


def holds_only_validated(event: S3Event) -> bool:
    """True when validation bounded every value of ``event`` (no extras, known keys only).

    Such an event cannot nest deeper than S3's own fields, nor hold a float
    (so no ``NaN``): every notification AWS sends is one.
    """
    if event.__pydantic_extra__:
        return False
    return all(map(_only_validated, event.records))


def check_record_depth(record: S3EventRecord, level: int, path: str) -> None:
    """Refuse a validated record whose kept values reach past :data:`MAX_DEPTH`.

    ``level`` is the record's own level in its JSON document. Only what
    validation could not bound is walked: extras and the blocks kept as dicts.
    """
    if _only_validated(record):
        return
    room = MAX_DEPTH - level
    _check_extra(record, room, path)
    _check_block(record.raw_user_identity, room, path)
    _check_block(record.raw_request_parameters, room, path)
    _check_block(record.raw_response_elements, room, path)
    s3 = record.s3
    _check_extra(s3, room - 1, path)
    _check_block(s3.raw_bucket, room - 1, path)
    _check_extra(s3.object, room - 2, path)
    _check_block(record.raw_glacier_event_data, room, path)
    _check_block(record.raw_replication_event_data, room, path)
    _check_block(record.raw_intelligent_tiering_event_data, room, path)
    _check_block(record.raw_lifecycle_event_data, room, path)


def check_depth(event: S3Event, path: str) -> None:
    """Refuse a validated notification whose kept values reach past :data:`MAX_DEPTH`."""
    if holds_only_validated(event):
        return
    _check_extra(event, MAX_DEPTH - 1, path)
    for record in event.records:
        check_record_depth(record, 3, path)
