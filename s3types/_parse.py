"""``parse_event``: any way an S3 notification reaches a function, one model.

The work is the registry walk of :mod:`s3types._deliveries`; this module is
the public entry and the one place that turns any stray exception into an
:class:`S3EventError`. A direct notification (the common case, as text or
a dict) is validated before the walk starts: the walk would hand back the
same validated event, at the cost of its bookkeeping.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from s3types._deliveries.direct import DIRECT as DIRECT_SHAPE
from s3types._deliveries.direct import from_text, validate_notification
from s3types._errors import S3EventError
from s3types._limits import MAX_DEPTH, MAX_RECORDS, too_deep
from s3types._model import S3Event, S3EventRecord
from s3types._narrow import as_mapping

__all__ = ["MAX_DEPTH", "MAX_RECORDS", "parse_event", "records"]

_walk_input: Callable[[object], S3Event] | None = None


def _walker() -> Callable[[object], S3Event]:
    # The registry walk, with every delivery but the direct one, is imported
    # by the first input that is not a direct notification: a cold start that
    # only ever sees S3's own notifications never loads it.
    global _walk_input
    from s3types._deliveries._walk import walk_input

    _walk_input = walk_input
    return walk_input


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
    No input may nest deeper than ``MAX_DEPTH`` (128) levels or carry more
    than ``MAX_RECORDS`` (10,000) records, whatever its form.

    >>> from s3types.testing import make_event, via_sqs
    >>> event = parse_event(via_sqs(make_event(bucket="b", key="red+flower.jpg")))
    >>> [(r.key, r.origin.service) for r in event.records]
    [('red+flower.jpg', 'sqs')]
    """
    try:
        # The common case first: a direct notification, as text or as a dict,
        # is the whole event as validated (what the walk would return too).
        if isinstance(event, (str, bytes, bytearray)):
            direct = from_text(event, "", MAX_RECORDS)
            if direct is not None:
                return direct
        else:
            notification = as_mapping(event)
            if notification is not None and DIRECT_SHAPE.claims(notification):
                return validate_notification(notification, "")
        return (_walk_input or _walker())(event)
    except S3EventError:
        raise
    except RecursionError:
        raise too_deep("") from None
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeError, OverflowError) as err:
        # Anything the deliveries missed still reaches the user as our error.
        from s3types._problems import clip

        raise S3EventError(f"not a valid S3 event: {clip(str(err), 300)}") from err


def parse_sqs_message(message: object, index: int) -> S3Event:
    """Parse message ``index`` of an SQS batch on its own; an error names its place in the batch.

    Parsed alone, the message would be ``Records[0]``: the error's message
    and ``path`` say ``Records[index]``, as in the whole batch.

    >>> from s3types.testing import make_event, via_sqs
    >>> batch = via_sqs(make_event(bucket="b", key="a"), make_event(bucket="b", key="c"))
    >>> batch["Records"][1]["body"] = "not json"
    >>> try:
    ...     parse_sqs_message(batch["Records"][1], 1)
    ... except S3EventError as err:
    ...     print(err.path)
    Records[1].body
    """
    try:
        return parse_event({"Records": [message]})
    except S3EventError as err:
        here, there = "Records[0]", f"Records[{index}]"
        # Only the message's own place: a record inside its body ("... -> Records[0].s3") stays.
        raise S3EventError(
            re.sub(r"(?<!-> )Records\[0\]", lambda _: there, str(err)),
            path=there + err.path.removeprefix(here) if err.path.startswith(here) else err.path,
            looks_like=err.looks_like,
        ) from None


def records(event: Mapping[str, Any] | str | bytes | bytearray) -> Iterator[S3EventRecord]:
    """Iterate the records of an S3 event, however it was delivered.

    The same inputs as :func:`parse_event`; a test event yields nothing.

    >>> from s3types.testing import make_event
    >>> [r.key for r in records(make_event(bucket="b", key="a.txt"))]
    ['a.txt']
    """
    return iter(parse_event(event).records)
