"""``@s3_handler`` and ``@s3_record_handler``: typed S3 events in plain Lambda handlers."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar, cast

from s3types import S3Event, S3EventRecord, parse_event
from s3types._deliveries.sqs import SQS
from s3types.triggers import Trigger
from s3types.triggers._guard import running_triggers
from s3types_lambda._batch import SqsBatchResponseDict, process_sqs_batch
from s3types_lambda._context import LambdaContext
from s3types_lambda._filters import check_writes_to, handler_trigger, log_skipped
from s3types_lambda._latest import superseded

__all__ = ["S3RecordHandler", "s3_handler", "s3_record_handler"]

ContextT = TypeVar("ContextT", bound=LambdaContext)
ContextT_contra = TypeVar("ContextT_contra", bound=LambdaContext, contravariant=True)
ReturnT = TypeVar("ReturnT")


class S3RecordHandler(Protocol[ContextT_contra]):
    """The Lambda handler ``@s3_record_handler`` makes, with the trigger it declares.

    ``s3_triggers`` (a tuple of :class:`s3types.triggers.Trigger`) is what
    ``s3types trigger`` applies and exports; ``s3_writes_to`` the prefixes
    the function says it writes to (for the loop check).

    >>> def triggers_of(handler: S3RecordHandler[LambdaContext]) -> tuple[Trigger, ...]:
    ...     return handler.s3_triggers
    """

    s3_triggers: tuple[Trigger, ...]
    s3_writes_to: tuple[str, ...]
    __name__: str

    def __call__(
        self, event: Mapping[str, Any], context: ContextT_contra, /
    ) -> SqsBatchResponseDict | None:
        """Handle one raw event; returns the SQS partial batch response (None for the others)."""
        ...


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
    bucket: str | None = None,
    events: Iterable[str] | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
    writes_to: Iterable[str] = (),
    latest_only: bool = False,
) -> Callable[[Callable[[S3EventRecord, ContextT], None]], S3RecordHandler[ContextT]]:
    """Call ``def f(record: S3EventRecord, context) -> None`` once per matching record.

    The arguments declare the trigger (a :class:`s3types.triggers.Trigger`,
    exposed as ``handler.s3_triggers``), and records are filtered by it with
    S3's own rule: ``bucket`` (None: any), ``events`` the event types S3
    accepts in a configuration, like ``"s3:ObjectCreated:*"`` or
    ``"s3:ObjectRemoved:Delete"`` (None: every event), ``prefix`` and
    ``suffix`` literal and tested against the decoded key. A name S3 would
    refuse (``"s3:ObjectCreate:*"``, wrong case, ``"*"``) or a wrong type
    fails here, at decoration, naming the closest valid name. Records that do
    not match, and the ``s3:TestEvent``, are skipped, each logged at DEBUG
    (logger ``s3types_lambda``) with the reason.

    While the function runs, ``s3types.ops.put_object`` and ``copy_object``
    refuse to write where this trigger would fire (the function would run
    on its own output); ``writes_to`` lists the key prefixes the function
    writes to, so that ``s3types trigger check`` can report a loop before
    deployment.

    For an SQS batch each message is handled on its own and the handler
    returns ``{"batchItemFailures": [{"itemIdentifier": messageId}, ...]}``
    naming the messages whose records raised or that were not S3
    notifications (turn on ``ReportBatchItemFailures`` in the event source
    mapping; when every message fails, the first error is raised so the whole
    batch is retried). For other deliveries (direct, SNS, EventBridge) nothing
    is swallowed: an error propagates so Lambda retries the event, and the
    handler returns None (a partial batch response means something only to
    an SQS event source mapping).

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
    where = "s3_record_handler"
    trigger = handler_trigger(where, bucket=bucket, events=events, prefix=prefix, suffix=suffix)
    triggers = (trigger,)
    places = check_writes_to(writes_to, where)
    if not isinstance(latest_only, bool):
        raise TypeError(
            f"s3_record_handler(latest_only=...) takes True or False, got {latest_only!r}"
        )

    def decorate(func: Callable[[S3EventRecord, ContextT], None]) -> S3RecordHandler[ContextT]:

        @functools.wraps(func)
        def handler(event: Mapping[str, Any], context: ContextT) -> SqsBatchResponseDict | None:
            skipped: set[int] = set()  # id() of records a later event for their key supersedes

            def prepare(records: Sequence[S3EventRecord]) -> None:
                skipped.update(superseded(records, trigger.matches))

            def handle_record(record: S3EventRecord) -> None:
                if not trigger.matches(record):
                    log_skipped(trigger, record)
                elif id(record) not in skipped:
                    func(record, context)

            with running_triggers(triggers):
                # A direct call may pass anything: parse_event says what is wrong.
                if isinstance(event, Mapping) and SQS.claims(event):
                    chooser = prepare if latest_only else None
                    return process_sqs_batch(event, handle_record, prepare=chooser)
                records = parse_event(event).records
                if latest_only:
                    prepare(records)
                for record in records:
                    handle_record(record)
                return None

        made = cast("S3RecordHandler[ContextT]", handler)
        made.s3_triggers = triggers
        made.s3_writes_to = places
        return made

    return decorate
