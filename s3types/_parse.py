"""``parse_event``: any way an S3 notification reaches a function, one model."""

from __future__ import annotations

import reprlib
from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import from_json

from s3types import _detect
from s3types._errors import S3EventError
from s3types._eventbridge import eventbridge_to_record
from s3types._model import DIRECT, Origin, S3Event, S3EventRecord, S3TestEvent

__all__ = ["parse_event", "records"]

_MAX_ERRORS_SHOWN = 5
_MAX_LINE = 300
#: Records (and SQS messages) one input may carry. S3 sends one record per
#: notification and a Lambda SQS batch holds at most 10,000 messages (and 6 MB),
#: so no real delivery comes near; the cap turns an absurd input into a quick
#: error instead of minutes of validation and gigabytes of models.
MAX_RECORDS = 10_000
#: JSON text up to this size is first validated straight from the text (the
#: common case: a direct notification, or an SQS body holding one). It cannot
#: hold more than MAX_RECORDS records (a minimal record is ~180 bytes), so the
#: cap needs no count first; larger text takes the general path.
_DIRECT_JSON_LIMIT = 1 << 20


def parse_event(event: Mapping[str, Any] | str | bytes | bytearray) -> S3Event:
    """Parse an S3 event notification however it reached the function.

    Accepts a direct notification; an SQS batch whose bodies are S3
    notifications (or SNS messages of them, or EventBridge events); an SNS
    notification; an EventBridge S3 event; the ``s3:TestEvent`` (an event
    with no records and ``is_test_event`` true); the output of boto3's
    ``sqs.receive_message()``; Ceph's CloudEvents form; as a dict or as JSON
    text or bytes. Each record's ``origin`` says how it was delivered.

    Raises :class:`S3EventError` (a ``ValueError``) naming the offending
    field, and what the input looks like when it is another kind of event.

    >>> from s3types.testing import make_event, via_sqs
    >>> event = parse_event(via_sqs(make_event(bucket="b", key="red+flower.jpg")))
    >>> [(r.key, r.origin.service) for r in event.records]
    [('red+flower.jpg', 'sqs')]
    """
    try:
        direct = _direct_from_text(event, DIRECT)
        if direct is not None:
            return direct
        loaded = _load(event, "")
        if isinstance(loaded, Mapping) and _detect.DIRECT.claims(loaded):
            return _validate_notification(loaded, "", DIRECT)
        return _parse_loaded(loaded)
    except S3EventError:
        raise
    except RecursionError:
        raise S3EventError("the input is nested too deeply to be an S3 event") from None
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeError, OverflowError) as err:
        # Anything the detectors missed still reaches the user as our error.
        raise S3EventError(f"not a valid S3 event: {err}") from err


def records(event: Mapping[str, Any] | str | bytes | bytearray) -> Iterator[S3EventRecord]:
    """Iterate the records of an S3 event, however it was delivered.

    The same inputs as :func:`parse_event`; a test event yields nothing.

    >>> from s3types.testing import make_event
    >>> [r.key for r in records(make_event(bucket="b", key="a.txt"))]
    ['a.txt']
    """
    return iter(parse_event(event).records)


def _direct_from_text(text: object, origin: Origin, room: int = MAX_RECORDS) -> S3Event | None:
    """Validate JSON text of a direct notification in one pass in pydantic-core, if it is one.

    None when the text is anything else (or invalid): the caller then takes
    the general path, which tells shapes apart and words the error.
    """
    if not isinstance(text, (str, bytes, bytearray)) or len(text) > _DIRECT_JSON_LIMIT:
        return None
    try:
        event = S3Event.model_validate_json(text)
    except (ValueError, TypeError):
        return None
    found = event.records
    # The same claim the DIRECT detector makes on a dict: S3's own eventSource.
    if len(found) > room or (found and not found[0].event_source.endswith(":s3")):
        return None
    if origin is not DIRECT:
        for record in found:
            object.__setattr__(record, "origin", origin)
    return event


def _load(event: object, path: str) -> object:
    if isinstance(event, (str, bytes, bytearray)):
        where = f" at {path}" if path else ""
        try:
            return from_json(event)
        except ValueError as err:
            raise S3EventError(f"the input{where} is not valid JSON: {err}", path=path) from None
        except TypeError:
            # pydantic-core cannot encode a str that holds a lone surrogate.
            raise S3EventError(
                f"the input{where} is not valid JSON text: {_lone_surrogate(event)}",
                path=path,
            ) from None
    return event


def _lone_surrogate(text: str | bytes | bytearray) -> str:
    try:
        text.encode("utf-8") if isinstance(text, str) else bytes(text).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError) as err:
        return (
            f"{err.reason} at position {err.start}, which UTF-8 cannot carry;"
            " decode the bytes you received with errors='strict' to find the cause"
        )
    return "it cannot be encoded as UTF-8"


def _parse_loaded(loaded: object) -> S3Event:
    if isinstance(loaded, list):
        raise S3EventError(
            "this looks like a list of events, and a list is not an event: Lambda hands"
            " one event per invocation; parse each item of the list on its own",
            looks_like="a list of events",
        )
    if not isinstance(loaded, Mapping):
        raise S3EventError(
            f"expected an event (a JSON object or dict), got {type(loaded).__name__}"
        )
    collected: list[S3EventRecord] = []
    tests: list[S3TestEvent] = []
    if _detect.SQS.claims(loaded):
        for index, message in enumerate(_records_list(loaded, "Records")):
            where = f"Records[{index}]"
            if not isinstance(message, Mapping):
                raise S3EventError(f"{where}: expected an SQS message object", path=where)
            origin = Origin(
                "sqs",
                _str_or_none(message.get("messageId")),
                _str_or_none(message.get("receiptHandle")),
            )
            _collect_body(message.get("body"), f"{where}.body", origin, collected, tests)
    elif _detect.RECEIVE_MESSAGE.claims(loaded):
        messages = loaded.get("Messages", [loaded] if "Body" in loaded else [])
        if type(messages) is not list:
            got = "null" if messages is None else type(messages).__name__
            raise S3EventError(
                f"Messages: expected a list of SQS messages, got {got}", path="Messages"
            )
        if len(messages) > MAX_RECORDS:
            raise _too_many(len(messages), "messages", "Messages")
        for index, message in enumerate(messages):
            if not isinstance(message, Mapping):
                where = f"Messages[{index}]"
                raise S3EventError(f"{where}: expected an SQS message object", path=where)
            origin = Origin(
                "sqs",
                _str_or_none(message.get("MessageId")),
                _str_or_none(message.get("ReceiptHandle")),
            )
            _collect_body(message.get("Body"), f"Messages[{index}].Body", origin, collected, tests)
    elif _detect.SNS.claims(loaded):
        for index, item in enumerate(_records_list(loaded, "Records")):
            where = f"Records[{index}].Sns.Message"
            sns = item.get("Sns") if isinstance(item, Mapping) else None
            if not isinstance(sns, Mapping):
                raise S3EventError(f"Records[{index}].Sns: expected the SNS message", path=where)
            _collect_inner(
                _load(sns.get("Message"), where),
                where,
                Origin("sns"),
                collected,
                tests,
                allow_sns=False,
            )
    elif _detect.EVENTBRIDGE.claims(loaded):
        collected.append(_validate_eventbridge(loaded, "", Origin("eventbridge")))
    elif _detect.TEST_EVENT.claims(loaded):
        tests.append(_validate_test_event(loaded, ""))
    elif _detect.SNS_ENVELOPE.claims(loaded):
        where = "Message"
        _collect_inner(
            _load(loaded.get("Message"), where),
            where,
            Origin("sns"),
            collected,
            tests,
            allow_sns=False,
        )
    elif _detect.CEPH_CLOUD_EVENT.claims(loaded):
        event = _validate_notification({"Records": [loaded["data"]]}, "", DIRECT, prefix="data")
        collected.extend(event.records)
    else:
        _reject(loaded)
    result = S3Event.model_construct(records=tuple(collected))
    if not collected and tests:
        object.__setattr__(result, "test_event", tests[0])
    return result


def _collect_body(
    body: object,
    path: str,
    origin: Origin,
    collected: list[S3EventRecord],
    tests: list[S3TestEvent],
) -> None:
    if body is None:
        raise S3EventError(f"{path}: the SQS message has no body", path=path)
    direct = _direct_from_text(body, origin, room=MAX_RECORDS - len(collected))
    if direct is not None:
        collected.extend(direct.records)
        return
    _collect_inner(_load(body, path), path, origin, collected, tests, allow_sns=True)


def _collect_inner(
    inner: object,
    path: str,
    origin: Origin,
    collected: list[S3EventRecord],
    tests: list[S3TestEvent],
    *,
    allow_sns: bool,
) -> None:
    if not isinstance(inner, Mapping):
        raise S3EventError(
            f"{path}: expected an S3 notification, got {type(inner).__name__}", path=path
        )
    if _detect.DIRECT.claims(inner):
        room = MAX_RECORDS - len(collected)
        collected.extend(_validate_notification(inner, path, origin, room=room).records)
    elif _detect.TEST_EVENT.claims(inner):
        tests.append(_validate_test_event(inner, path))
    elif _detect.EVENTBRIDGE.claims(inner):
        collected.append(_validate_eventbridge(inner, path, origin))
    elif allow_sns and _detect.SNS_ENVELOPE.claims(inner):
        where = f"{path}.Message"
        message = _load(inner.get("Message"), where)
        _collect_inner(message, where, origin, collected, tests, allow_sns=False)
    else:
        looks_like = _detect.describe(inner)
        hint = f" it looks like {looks_like}" if looks_like else " its shape is not one S3 sends"
        raise S3EventError(
            f"{path}: this message is not an S3 event notification:{hint}."
            " Only S3 notifications (direct, SNS or EventBridge) can be parsed here;"
            " route other messages to another queue or function",
            path=path,
            looks_like=looks_like,
        )


def _validate_notification(
    notification: Mapping[str, Any],
    path: str,
    origin: Origin,
    *,
    prefix: str | None = None,
    room: int = MAX_RECORDS,
) -> S3Event:
    found = notification.get("Records")
    if type(found) is list and len(found) > room:
        raise _too_many(len(found), "records", _join(path, "Records"))
    try:
        event = S3Event.model_validate(notification)
    except ValidationError as err:
        raise _from_validation(err, path, rename_records=prefix) from None
    if origin is not DIRECT:
        for record in event.records:
            object.__setattr__(record, "origin", origin)
    return event


def _validate_eventbridge(event: Mapping[str, Any], path: str, origin: Origin) -> S3EventRecord:
    detail = event.get("detail")
    if not isinstance(detail, Mapping):
        where = _join(path, "detail")
        raise S3EventError(f"{where}: expected the EventBridge detail object", path=where)
    wire = eventbridge_to_record(event)
    try:
        record = S3EventRecord.model_validate(wire)
    except ValidationError as err:
        raise _from_validation(err, path, eventbridge=True) from None
    object.__setattr__(record, "origin", origin)
    return record


def _validate_test_event(event: Mapping[str, Any], path: str) -> S3TestEvent:
    try:
        return S3TestEvent.model_validate(event)
    except ValidationError as err:
        raise _from_validation(err, path) from None


def _records_list(event: Mapping[str, Any], key: str) -> list[Any]:
    value = event.get(key)
    if type(value) is not list:
        raise S3EventError(f"{key}: expected a list, got {type(value).__name__}", path=key)
    if len(value) > MAX_RECORDS:
        raise _too_many(len(value), "messages", key)
    return value


def _too_many(count: int, what: str, path: str) -> S3EventError:
    return S3EventError(
        f"{path}: {count} {what} is more than one input can carry ({MAX_RECORDS}): S3 sends"
        " one record per notification and a Lambda SQS batch holds at most 10,000 messages;"
        " split the input",
        path=path,
    )


def _reject(event: Mapping[str, Any]) -> None:
    if "Records" in event:
        value = event["Records"]
        if type(value) is not list:
            got = "null" if value is None else type(value).__name__
            raise S3EventError(
                f"Records: expected a list of S3 event records, got {got}", path="Records"
            )
    looks_like = _detect.describe(event)
    if looks_like is not None:
        raise S3EventError(
            f"this is not an S3 event notification: it looks like {looks_like}."
            " Check which trigger invokes this function",
            looks_like=looks_like,
        )
    keys = ", ".join(repr(k) for k in list(event)[:6]) or "no keys"
    raise S3EventError(
        f"this is not an S3 event notification (top-level keys: {keys}): expected"
        " {'Records': [...]} from S3, an SQS, SNS or EventBridge delivery of one, or s3:TestEvent"
    )


# Where an EventBridge field came from, for errors about the rewritten record.
_EVENTBRIDGE_PATHS = {
    "eventVersion": "detail.version",
    "awsRegion": "region",
    "eventTime": "time",
    "eventName": "detail-type",
    "s3.bucket.name": "detail.bucket.name",
    "s3.object.key": "detail.object.key",
    "s3.object.size": "detail.object.size",
    "s3.object.eTag": "detail.object.etag",
    "s3.object.versionId": "detail.object.version-id",
    "s3.object.sequencer": "detail.object.sequencer",
}


def _from_validation(
    err: ValidationError,
    path: str,
    *,
    rename_records: str | None = None,
    eventbridge: bool = False,
) -> S3EventError:
    problems = err.errors(include_url=False, include_context=False)
    lines: list[str] = []
    first_path = ""
    for problem in problems[:_MAX_ERRORS_SHOWN]:
        location = _format_location(problem["loc"])
        if rename_records is not None and location.startswith("Records[0]"):
            location = rename_records + location[len("Records[0]") :]
        if eventbridge:
            location = _EVENTBRIDGE_PATHS.get(location, location)
        where = _join(path, location)
        first_path = first_path or where
        message = problem["msg"].removeprefix("Value error, ")
        if problem["type"] == "missing":
            lines.append(_clip(f"{where}: required field is missing", _MAX_LINE))
        else:
            got = _short(problem.get("input"))
            lines.append(f"{_clip(f'{where}: {message}', _MAX_LINE)} (got {got})")
    more = len(problems) - _MAX_ERRORS_SHOWN
    if more > 0:
        lines.append(f"... and {more} more")
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return S3EventError(
        f"not a valid S3 event notification ({count}):\n  " + "\n  ".join(lines), path=first_path
    )


def _format_location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _join(path: str, location: str) -> str:
    if not path:
        return location
    if not location:
        return path
    return f"{path} -> {location}"


# Bounded in depth and length: the offending value may be 10 MB or 10,000 levels deep.
_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = _REPR.maxother = 76
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 4


def _short(value: object) -> str:
    return _clip(_REPR.repr(value), 80)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None
