"""``@s3_handler`` and ``@s3_record_handler``: typed S3 events in plain Lambda handlers."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar, cast, overload

from s3types import S3Event, S3EventRecord, parse_event
from s3types._deliveries.sqs import SQS
from s3types.triggers import Trigger
from s3types.triggers._guard import running_triggers
from s3types_lambda._batch import SqsBatchResponseDict, process_sqs_batch
from s3types_lambda._context import LambdaContext
from s3types_lambda._filters import check_writes_to, handler_trigger, log_skipped
from s3types_lambda._latest import superseded

if TYPE_CHECKING:
    from s3types.batch import BatchResponseDict, BatchResultCode, BatchTaskResult
    from s3types_lambda._record_or_task import RecordOrTask

__all__ = ["S3BackfillHandler", "S3RecordHandler", "s3_handler", "s3_record_handler"]

ContextT = TypeVar("ContextT", bound=LambdaContext)
ContextT_contra = TypeVar("ContextT_contra", bound=LambdaContext, contravariant=True)
ReturnT = TypeVar("ReturnT")


class _DeclaresTriggers(Protocol):
    """What a handler made by ``@s3_record_handler`` says about itself."""

    s3_triggers: tuple[Trigger, ...]
    s3_writes_to: tuple[str, ...]
    __name__: str


class S3RecordHandler(_DeclaresTriggers, Protocol[ContextT_contra]):
    """The Lambda handler ``@s3_record_handler`` makes, with the trigger it declares.

    ``s3_triggers`` (a tuple of :class:`s3types.triggers.Trigger`) is what
    ``s3types trigger`` applies and exports; ``s3_writes_to`` the prefixes
    the function says it writes to (for the loop check).

    >>> def triggers_of(handler: S3RecordHandler[LambdaContext]) -> tuple[Trigger, ...]:
    ...     return handler.s3_triggers
    """

    def __call__(
        self, event: Mapping[str, Any], context: ContextT_contra, /
    ) -> SqsBatchResponseDict | None:
        """Handle one raw event; returns the SQS partial batch response (None for the others)."""
        ...


class S3BackfillHandler(_DeclaresTriggers, Protocol[ContextT_contra]):
    """The handler ``@s3_record_handler(..., backfill=True)`` makes: live events and backfills.

    Like :class:`S3RecordHandler`, and it also answers S3 Batch Operations
    jobs: called with a job, it returns the job response
    (:class:`s3types.batch.BatchResponseDict`); with an SQS batch the
    partial batch response, with any other notification None.

    >>> def triggers_of(handler: S3BackfillHandler[LambdaContext]) -> tuple[Trigger, ...]:
    ...     return handler.s3_triggers
    """

    def __call__(
        self, event: Mapping[str, Any], context: ContextT_contra, /
    ) -> SqsBatchResponseDict | BatchResponseDict | None:
        """Handle one raw event or job: the SQS batch response, the job response, or None."""
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


@overload
def s3_record_handler(
    *,
    bucket: str | None = None,
    events: Iterable[str] | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
    writes_to: Iterable[str] = (),
    latest_only: bool = False,
    backfill: Literal[False] = False,
) -> Callable[[Callable[[S3EventRecord, ContextT], None]], S3RecordHandler[ContextT]]: ...


@overload
def s3_record_handler(
    *,
    bucket: str | None = None,
    events: Iterable[str] | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
    writes_to: Iterable[str] = (),
    latest_only: bool = False,
    backfill: Literal[True],
) -> Callable[
    [Callable[[RecordOrTask, ContextT], str | BatchTaskResult | BatchResultCode | None]],
    S3BackfillHandler[ContextT],
]: ...


def s3_record_handler(
    *,
    bucket: str | None = None,
    events: Iterable[str] | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
    writes_to: Iterable[str] = (),
    latest_only: bool = False,
    backfill: bool = False,
) -> Callable[[Callable[[Any, Any], Any]], Any]:
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

    ``backfill=True`` makes the same function the target of a backfill (an
    S3 Batch Operations job, or :func:`s3types.backfill.run_local`): it is
    declared ``def f(item: RecordOrTask, context)``, where
    :data:`s3types_lambda.RecordOrTask` is ``S3EventRecord | BatchTask``
    (both have ``bucket_name``, decoded ``key`` and ``version_id``;
    ``isinstance(item, BatchTask)`` says it is a backfill task). Given a
    job, the handler filters each task with the trigger as an
    ``s3:ObjectCreated:*`` event (a task has no event type: it is an
    existing object); a task the trigger does not match is ``Succeeded``
    with a ``resultString`` saying it was skipped and why; for the others
    ``f``'s return value or exception is the task's result exactly as
    ``@s3_batch_handler`` makes it (a str, a ``BatchTaskResult``,
    ``TemporaryFailure`` raised, ...), and the handler returns the job
    response, one result per task. Without ``backfill=True`` a job is
    refused (:class:`s3types.S3EventError`) before ``f`` runs: ``f`` was
    declared for records only.

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
    for name, flag in (("latest_only", latest_only), ("backfill", backfill)):
        if not isinstance(flag, bool):
            raise TypeError(f"s3_record_handler({name}=...) takes True or False, got {flag!r}")

    def decorate(func: Callable[[Any, Any], Any]) -> Any:
        if backfill:
            _check_backfill_function(func)

        @functools.wraps(func)
        def handler(event: Mapping[str, Any], context: Any) -> Any:
            skipped: set[int] = set()  # id() of records a later event for their key supersedes

            def prepare(records: Sequence[S3EventRecord]) -> None:
                skipped.update(superseded(records, trigger.matches))

            def handle_record(record: S3EventRecord) -> None:
                if not trigger.matches(record):
                    log_skipped(trigger, record)
                elif id(record) not in skipped:
                    func(record, context)

            with running_triggers(triggers):
                if isinstance(event, Mapping) and "invocationSchemaVersion" in event:
                    return _answer_job(event, func, context, trigger, backfill=backfill)
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

        made = cast("S3RecordHandler[Any]", handler)
        made.s3_triggers = triggers
        made.s3_writes_to = places
        return made

    return decorate


def _check_backfill_function(func: Callable[..., object]) -> None:
    import inspect

    from s3types.batch._outcome import check_task_function

    check_task_function(func, "s3_record_handler(backfill=True)")
    if inspect.iscoroutinefunction(func):
        raise TypeError(
            f"s3_record_handler(backfill=True): {func.__name__} is async def; notification"
            " records are handled synchronously: declare it with def"
        )


def _answer_job(
    event: Mapping[str, Any],
    func: Callable[[Any, ContextT], object],
    context: ContextT,
    trigger: Trigger,
    *,
    backfill: bool,
) -> BatchResponseDict:
    from s3types_lambda._backfill import answer_job

    # parse_batch_job (in answer_job) says what is wrong with a malformed job.
    if not backfill:
        from s3types import S3EventError

        raise S3EventError(
            "s3_record_handler: this is an S3 Batch Operations job, and the function was"
            " declared for notification records only: declare it with"
            " @s3_record_handler(..., backfill=True) and def f(item: RecordOrTask, context)"
            " to run it for backfills too, or use @s3_batch_handler",
            looks_like="an S3 Batch Operations job",
        )
    return answer_job(event, func, context, trigger)
