"""``@s3_handler`` and ``@s3_record_handler``: typed S3 events in plain Lambda handlers."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from s3types import S3Event, S3EventRecord, parse_event
from s3types._detect import SQS
from s3types_lambda._batch import SqsBatchResponseDict, process_sqs_batch
from s3types_lambda._context import LambdaContext
from s3types_lambda._filters import RecordFilter, check_event_patterns
from s3types_lambda._latest import superseded

__all__ = ["s3_handler", "s3_record_handler"]

ContextT = TypeVar("ContextT", bound=LambdaContext)
ReturnT = TypeVar("ReturnT")


def s3_handler(
    func: Callable[[S3Event, ContextT], ReturnT], /
) -> Callable[[Mapping[str, Any], ContextT], ReturnT]:
    """Turn ``def f(event: S3Event, context)`` into a Lambda handler taking the raw event.

    The handler accepts every delivery :func:`s3types.parse_event` accepts
    (direct, SQS, SNS, EventBridge, JSON text) and hands ``f`` the parsed
    event with all its records; ``f``'s return value is the handler's. The
    ``s3:TestEvent`` S3 sends when a notification is configured reaches ``f``
    as an event with no records and ``event.is_test_event`` true. An event
    that is not an S3 notification raises :class:`s3types.S3EventError`
    before ``f`` runs, and so does nothing ``f`` does.

    >>> from s3types.testing import make_event
    >>> @s3_handler
    ... def handler(event: S3Event, context: LambdaContext) -> list[str]:
    ...     return [record.key for record in event.records]
    >>> handler(make_event(bucket="photos", key="red flower.jpg"), None)
    ['red flower.jpg']
    """

    @functools.wraps(func)
    def handler(event: Mapping[str, Any], context: ContextT) -> ReturnT:
        return func(parse_event(event), context)

    return handler


def s3_record_handler(
    *,
    events: Iterable[str] | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
    latest_only: bool = False,
) -> Callable[
    [Callable[[S3EventRecord, ContextT], None]],
    Callable[[Mapping[str, Any], ContextT], SqsBatchResponseDict],
]:
    """Call ``def f(record: S3EventRecord, context) -> None`` once per matching record.

    Records are filtered the way S3's notification filter rules work:
    ``events`` are patterns like ``"s3:ObjectCreated:*"`` or
    ``"s3:ObjectRemoved:Delete"`` (None: every event), ``prefix`` and
    ``suffix`` are tested against the decoded key. Records that do not match,
    and the ``s3:TestEvent``, are skipped.

    For an SQS batch each message is handled on its own and the handler
    returns ``{"batchItemFailures": [{"itemIdentifier": messageId}, ...]}``
    naming the messages whose records raised or that were not S3
    notifications (turn on ``ReportBatchItemFailures`` in the event source
    mapping; when every message fails, the first error is raised so the whole
    batch is retried). For other deliveries (direct, SNS, EventBridge) nothing
    is swallowed: an error propagates so Lambda retries the event, and the
    handler returns ``{"batchItemFailures": []}``.

    ``latest_only=True`` runs ``f`` only on the latest event per bucket and
    key among the matching records of the invocation
    (:func:`s3types.latest_per_key`: a put, delete, put burst runs once, for
    the last put; repeats run once). A skipped record is logged at DEBUG
    with the one that superseded it, and its message is not failed. Events
    in other invocations are not seen: pair it with
    :func:`s3types.ops.get_current_object`, or an idempotency store, for those.

    >>> from s3types.testing import make_event, via_sqs
    >>> @s3_record_handler(events=["s3:ObjectCreated:*"], suffix=".jpg")
    ... def thumbnail(record: S3EventRecord, context: LambdaContext) -> None:
    ...     print(record.key)
    >>> thumbnail(via_sqs(make_event(bucket="photos", key="red flower.jpg")), None)
    red flower.jpg
    {'batchItemFailures': []}
    """
    patterns = check_event_patterns(events, where="s3_record_handler")
    if not isinstance(latest_only, bool):  # pyright: ignore[reportUnnecessaryIsInstance]
        raise TypeError(
            f"s3_record_handler(latest_only=...) takes True or False, got {latest_only!r}"
        )
    record_filter = RecordFilter(events=patterns, prefix=prefix, suffix=suffix)

    def decorate(
        func: Callable[[S3EventRecord, ContextT], None],
    ) -> Callable[[Mapping[str, Any], ContextT], SqsBatchResponseDict]:
        @functools.wraps(func)
        def handler(event: Mapping[str, Any], context: ContextT) -> SqsBatchResponseDict:
            skipped: set[int] = set()  # id() of records a later event for their key supersedes

            def prepare(records: Sequence[S3EventRecord]) -> None:
                skipped.update(superseded(records, record_filter.accepts))

            def handle_record(record: S3EventRecord) -> None:
                if id(record) not in skipped and record_filter.accepts(record):
                    func(record, context)

            if isinstance(event, Mapping) and SQS.claims(event):
                chooser = prepare if latest_only else None
                return process_sqs_batch(event, handle_record, prepare=chooser)
            records = parse_event(event).records
            if latest_only:
                prepare(records)
            for record in records:
                handle_record(record)
            return {"batchItemFailures": []}

        return handler

    return decorate
