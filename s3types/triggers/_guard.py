"""The loop guard: a handler's own writes must not land where its trigger fires.

The adapter sets a context variable to the running handler's triggers for
the duration of each call; the typed writes (``put_object``,
``copy_object``) ask :func:`check_write` before sending anything. No
monkeypatching: code that does not run inside a handler sees no triggers.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from s3types.triggers._trigger import Trigger

__all__ = ["check_copy", "check_write", "loop_risks", "running_triggers"]

_RUNNING: ContextVar[tuple[Trigger, ...]] = ContextVar("s3types_running_triggers", default=())
# A write makes one of these, depending on its size and how the client sends it.
_WRITE_EVENTS = {
    "put_object": ("ObjectCreated:Put", "ObjectCreated:CompleteMultipartUpload"),
    "create_object": ("ObjectCreated:Put", "ObjectCreated:CompleteMultipartUpload"),
    "copy_object": ("ObjectCreated:Copy", "ObjectCreated:CompleteMultipartUpload"),
}


@contextmanager
def running_triggers(triggers: tuple[Trigger, ...]) -> Generator[None, None, None]:
    """Within the block, writes are checked against ``triggers`` (the adapter's call)."""
    token = _RUNNING.set(triggers)
    try:
        yield
    finally:
        _RUNNING.reset(token)


def check_write(operation: str, bucket: object, key: object, *, allow_retrigger: bool) -> None:
    """Raise ValueError when a write made inside a handler would fire that handler's trigger.

    >>> with running_triggers((Trigger("photos", prefix="in/", id="uploads"),)):
    ...     check_write("put_object", "photos", "in/copy.jpg", allow_retrigger=False)
    Traceback (most recent call last):
    ...
    ValueError: put_object() would write s3://photos/in/copy.jpg, where trigger uploads ...
    """
    triggers = _RUNNING.get()
    if not triggers or allow_retrigger or not isinstance(bucket, str) or not isinstance(key, str):
        return  # not in a handler, or opted out; wrong types are the operation's to report
    for trigger in triggers:
        if any(trigger.fires_on(bucket, key, event) for event in _WRITE_EVENTS[operation]):
            raise ValueError(
                f"{operation}() would write s3://{bucket}/{key[:200]}, where trigger {trigger}"
                " of the running handler fires: the handler would run again on its own output,"
                " forever. Write outside the trigger's scope, or pass allow_retrigger=True if"
                " the handler stops the loop itself"
            )


def check_copy(
    source: object,
    key: object,
    target_bucket: object,
    target_key: object,
    *,
    allow_retrigger: bool,
) -> None:
    """:func:`check_write` for ``copy_object``'s arguments (source bucket and key, or a record)."""
    if not _RUNNING.get() or allow_retrigger:
        return
    if target_key is None:
        target_key = key if isinstance(source, str) else getattr(source, "key", None)
    if isinstance(target_bucket, str) and isinstance(target_key, str):
        check_write("copy_object", target_bucket, target_key, allow_retrigger=False)


def loop_risks(triggers: Iterable[Trigger], writes_to: Iterable[str]) -> list[str]:
    """The triggers whose scope contains a prefix the function says it writes to, as messages.

    ``writes_to`` holds key prefixes (in the triggers' buckets) or
    ``s3://bucket/prefix`` URLs. A written prefix is in a trigger's scope
    when the trigger fires for object creation there: same bucket (or none
    given), and one of the prefix and the trigger's prefix starts the other.

    >>> loop_risks([Trigger("b", prefix="images/")], ["images/thumbs/"])
    ['trigger ... fires on the writes to s3://b/images/thumbs/...: ...']
    >>> loop_risks([Trigger("b", prefix="images/")], ["thumbs/"])
    []
    """
    risks: list[str] = []
    written = list(writes_to)
    for trigger in triggers:
        if not any(_creates(trigger, event) for event in _WRITE_EVENTS["put_object"]):
            continue
        for place in written:
            bucket, prefix = _split(place, trigger.bucket)
            if trigger.bucket is not None and bucket is not None and bucket != trigger.bucket:
                continue
            mine = trigger.prefix or ""
            if prefix.startswith(mine) or mine.startswith(prefix):
                risks.append(
                    f"trigger {trigger} fires on the writes to"
                    f" s3://{bucket or trigger.bucket or '*'}/{prefix}...: the function would"
                    " trigger itself"
                )
    return risks


def _creates(trigger: Trigger, event: str) -> bool:
    return any(e in ("s3:ObjectCreated:*", "s3:" + event) for e in trigger.events)


def _split(place: str, default_bucket: str | None) -> tuple[str | None, str]:
    if place.startswith("s3://"):
        bucket, _, prefix = place[5:].partition("/")
        return bucket, prefix
    return default_bucket, place
