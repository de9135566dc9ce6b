"""``on_s3_change``: register through Chalice's ``on_s3_event``, hand over the typed event."""

from __future__ import annotations

try:
    from chalice.app import Blueprint, Chalice, EventSourceHandler
    from chalice.app import S3Event as ChaliceS3Event
except ImportError as err:
    raise ImportError(
        f"s3types_chalice needs Chalice, which cannot be imported ({err}):"
        " pip install 's3types[chalice]'"
    ) from err

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar, cast, overload

from s3types import S3Event, S3EventRecord, parse_event
from s3types.triggers import Trigger
from s3types.triggers._guard import running_triggers
from s3types_lambda import LambdaContext

# The cross-package import is deliberate: s3types_lambda ships in the same
# wheel, and both adapters must validate and filter with the same trigger.
from s3types_lambda._filters import check_writes_to, handler_trigger, log_skipped

if TYPE_CHECKING:
    from s3types.batch import BatchResponseDict, BatchResultCode, BatchTaskResult
    from s3types_chalice._event_or_task import EventOrTask

__all__ = ["ChaliceS3Handler", "on_s3_change"]

ReturnT = TypeVar("ReturnT")
ReturnT_co = TypeVar("ReturnT_co", covariant=True)


class ChaliceS3Handler(Protocol[ReturnT_co]):
    """The Lambda handler Chalice builds for an S3 event function (its ``EventSourceHandler``).

    Lambda (or ``chalice.test.Client().lambda_.invoke``) calls it with the raw
    event and the context; it returns what the decorated function returns.

    ``s3_triggers`` is the trigger ``on_s3_change`` declared (what
    ``s3types trigger export`` writes for SAM/CloudFormation); ``s3_writes_to``
    the prefixes the function says it writes to.

    >>> def run(handler: ChaliceS3Handler[int], context: LambdaContext) -> int:
    ...     return handler({"Records": []}, context)
    """

    s3_triggers: tuple[Trigger, ...]
    s3_writes_to: tuple[str, ...]

    def __call__(self, event: Mapping[str, Any], context: LambdaContext, /) -> ReturnT_co:
        """Run the function on one raw S3 event."""
        ...


@overload
def on_s3_change(
    app: Chalice | Blueprint,
    bucket: str,
    *,
    events: Iterable[str] | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
    name: str | None = None,
    writes_to: Iterable[str] = (),
    backfill: Literal[False] = False,
) -> Callable[[Callable[[S3Event], ReturnT]], ChaliceS3Handler[ReturnT]]: ...


@overload
def on_s3_change(
    app: Chalice | Blueprint,
    bucket: str,
    *,
    events: Iterable[str] | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
    name: str | None = None,
    writes_to: Iterable[str] = (),
    backfill: Literal[True],
) -> Callable[
    [Callable[[EventOrTask], str | BatchTaskResult | BatchResultCode | None]],
    ChaliceS3Handler[str | BatchTaskResult | BatchResultCode | BatchResponseDict | None],
]: ...


def on_s3_change(
    app: Chalice | Blueprint,
    bucket: str,
    *,
    events: Iterable[str] | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
    name: str | None = None,
    writes_to: Iterable[str] = (),
    backfill: bool = False,
) -> Callable[[Callable[[Any], Any]], Any]:
    """Register ``def f(event: S3Event)`` for a bucket's notifications through Chalice.

    The registration is Chalice's own ``app.on_s3_event(bucket, events=...,
    prefix=..., suffix=..., name=...)``, so ``app.event_sources``, ``chalice
    deploy`` and ``chalice package`` see the bucket, events and filters as
    usual, and Chalice's middleware still runs. The function receives the
    typed :class:`s3types.S3Event` with every record that matches the
    trigger (Chalice's own event object carries only the first), keys decoded
    once. ``events`` defaults to Chalice's ``["s3:ObjectCreated:*"]``; names
    are checked as :class:`s3types.triggers.Trigger` checks them (a typo
    fails here, naming the closest valid name) and handed to Chalice with
    the ``s3:`` S3 requires. Input that is no S3 notification raises
    :class:`s3types.S3EventError` (never Chalice's IndexError or KeyError);
    the ``s3:TestEvent`` and ``{"Records": []}`` arrive as events with no
    records. Works on a ``Chalice`` app and on a ``Blueprint``; the handler
    exposes ``s3_triggers``.

    ``backfill=True`` makes the same Lambda function (the one ``chalice
    deploy`` creates for the bucket's notifications) the target of a
    backfill, an S3 Batch Operations job invoking it by its ARN (or
    :func:`s3types.backfill.run_local`): ``f`` is declared
    ``def f(item: EventOrTask)``, where :data:`s3types_chalice.EventOrTask`
    is ``S3Event | BatchTask``. A notification hands it the event as above;
    a job hands it each task its trigger matches (as an
    ``s3:ObjectCreated:*`` event; the others are ``Succeeded``, skipped,
    with the reason), and what ``f`` returns or raises is the task's
    result as ``@s3_batch_handler`` makes it; the Lambda returns the job
    response. Without it, a job is refused (:class:`s3types.S3EventError`).

    >>> from chalice import Chalice
    >>> app = Chalice(app_name="photos")
    >>> @on_s3_change(app, "photo-uploads", prefix="incoming/")
    ... def on_upload(event: S3Event) -> int:
    ...     return len(event.records)
    >>> app.event_sources[0].prefix
    'incoming/'
    >>> on_upload.s3_triggers
    (Trigger('photo-uploads', events=['s3:ObjectCreated:*'], prefix='incoming/'),)
    """
    where = "on_s3_change"
    if not isinstance(backfill, bool):
        raise TypeError(f"{where}(backfill=...) takes True or False, got {backfill!r}")
    if not isinstance(bucket, str):
        raise TypeError(f"{where}: bucket must be the bucket's name, got {type(bucket).__name__}")
    trigger = handler_trigger(
        where,
        bucket=bucket,
        events=("s3:ObjectCreated:*",) if events is None else events,
        prefix=prefix,
        suffix=suffix,
    )
    triggers = (trigger,)
    places = check_writes_to(writes_to, where)
    register = app.on_s3_event(
        bucket, events=list(trigger.events), prefix=prefix, suffix=suffix, name=name
    )

    def decorate(func: Callable[[Any], Any]) -> Any:
        if backfill:
            from s3types.batch._outcome import check_task_function

            check_task_function(func, f"{where}(backfill=True)")

        # functools.wraps keeps func's name: Chalice derives the Lambda handler
        # string ("app.<name>") and the default function name from it.
        @functools.wraps(func)
        def handle(event: ChaliceS3Event) -> Any:
            job: object = getattr(event, "s3types_job", None)
            if isinstance(job, Mapping):
                from s3types_lambda._backfill import answer_job

                with running_triggers(triggers):
                    return answer_job(
                        cast("Mapping[str, Any]", job),
                        lambda task, _context: func(task),
                        None,
                        trigger,
                    )
            parsed = getattr(event, "s3types_event", None)
            if not isinstance(parsed, S3Event):  # a middleware swapped the event object
                parsed = parse_event(event.to_dict())
            with running_triggers(triggers):
                return func(_matching(parsed, trigger))

        wrapped = register(handle)
        if isinstance(wrapped, EventSourceHandler):
            # Chalice builds its event object (first record only, KeyError on
            # odd input) before any code of ours runs: give it ours instead.
            wrapped.event_class = _ParsedS3EventOrJob if backfill else _ParsedS3Event
        made = cast("ChaliceS3Handler[Any]", wrapped)
        made.s3_triggers = triggers
        made.s3_writes_to = places
        return made

    return decorate


class _ParsedS3Event(ChaliceS3Event):
    """Chalice's S3 event object, made from s3types' parse: every delivery, odd input refused."""

    s3types_event: S3Event

    def _extract_attributes(self, event_dict: dict[str, Any]) -> None:
        parsed = parse_event(event_dict)  # S3EventError for anything that is not S3's
        self.s3types_event = parsed
        first = parsed.records[0] if parsed.records else None
        test = parsed.test_event
        self.bucket = first.bucket_name if first else (test.bucket if test else "")
        self.key = first.key if first else ""


class _ParsedS3EventOrJob(_ParsedS3Event):
    """As :class:`_ParsedS3Event`, and an S3 Batch Operations job is kept as it came."""

    s3types_job: Mapping[str, Any] | None = None

    def _extract_attributes(self, event_dict: dict[str, Any]) -> None:
        from s3types_lambda._backfill import is_batch_job

        if is_batch_job(event_dict):
            self.s3types_job = event_dict
            self.bucket, self.key = "", ""
            return
        super()._extract_attributes(event_dict)


def _matching(event: S3Event, trigger: Trigger) -> S3Event:
    kept: list[S3EventRecord] = []
    for record in event.records:
        if trigger.matches(record):
            kept.append(record)
        else:
            log_skipped(trigger, record)
    if len(kept) == len(event.records):
        return event
    return event.model_copy(update={"records": tuple(kept)})
