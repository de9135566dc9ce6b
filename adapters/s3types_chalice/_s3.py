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
from typing import Any, Protocol, TypeVar, cast

from s3types import S3Event, S3EventRecord, parse_event
from s3types.triggers import Trigger
from s3types.triggers._guard import running_triggers
from s3types_lambda import LambdaContext

# The cross-package import is deliberate: s3types_lambda ships in the same
# wheel, and both adapters must validate and filter with the same trigger.
from s3types_lambda._filters import check_writes_to, handler_trigger, log_skipped

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


def on_s3_change(
    app: Chalice | Blueprint,
    bucket: str,
    *,
    events: Iterable[str] | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
    name: str | None = None,
    writes_to: Iterable[str] = (),
) -> Callable[[Callable[[S3Event], ReturnT]], ChaliceS3Handler[ReturnT]]:
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

    def decorate(func: Callable[[S3Event], ReturnT]) -> ChaliceS3Handler[ReturnT]:
        # functools.wraps keeps func's name: Chalice derives the Lambda handler
        # string ("app.<name>") and the default function name from it.
        @functools.wraps(func)
        def handle(event: ChaliceS3Event) -> ReturnT:
            parsed = getattr(event, "s3types_event", None)
            if not isinstance(parsed, S3Event):  # a middleware swapped the event object
                parsed = parse_event(event.to_dict())
            with running_triggers(triggers):
                return func(_matching(parsed, trigger))

        wrapped = register(handle)
        if isinstance(wrapped, EventSourceHandler):
            # Chalice builds its event object (first record only, KeyError on
            # odd input) before any code of ours runs: give it ours instead.
            wrapped.event_class = _ParsedS3Event
        made = cast("ChaliceS3Handler[ReturnT]", wrapped)
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
