"""The trigger a handler declares: S3's filter rule, from :class:`s3types.triggers.Trigger`."""

from __future__ import annotations

from collections.abc import Iterable

from s3types import S3EventRecord
from s3types.triggers import ALL_EVENT_TYPES, Trigger
from s3types_lambda._batch import LOGGER_NAME

__all__ = ["check_writes_to", "handler_trigger", "log_skipped"]


def handler_trigger(
    where: str,
    *,
    bucket: object = None,
    events: object = None,
    prefix: object = None,
    suffix: object = None,
) -> Trigger:
    """The validated trigger of a decorator's arguments (``events=None``: every event type).

    Raises at decoration, naming ``where`` (the decorator the user called):
    :class:`s3types.triggers.TriggerError` (a ValueError) for an event type S3
    would refuse, with the closest valid one, and TypeError for wrong types.

    >>> handler_trigger("f", events=["ObjectRemoved:Delete"], prefix="in/")
    Trigger(None, events=['s3:ObjectRemoved:Delete'], prefix='in/')
    >>> handler_trigger("f", events=["s3:ObjectCreated:Putt"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    s3types.triggers.TriggerError: f: 's3:ObjectCreated:Putt' is not ... 's3:ObjectCreated:Put'?
    """
    return Trigger.checked(
        where, bucket, ALL_EVENT_TYPES if events is None else events, prefix, suffix
    )


def check_writes_to(writes_to: object, where: str) -> tuple[str, ...]:
    """The key prefixes (or ``s3://bucket/prefix``) a handler says it writes to, checked.

    >>> check_writes_to(["thumbnails/"], "f")
    ('thumbnails/',)
    """
    if isinstance(writes_to, str) or not isinstance(writes_to, Iterable):
        raise TypeError(f"{where}: writes_to must be a list of key prefixes, e.g. ['thumbnails/']")
    places: list[str] = []
    entry: object
    for entry in writes_to:  # pyright: ignore[reportUnknownVariableType]
        if not isinstance(entry, str):
            raise TypeError(f"{where}: writes_to entry {entry!r} is not a string")
        places.append(entry)
    return tuple(places)


def log_skipped(trigger: Trigger, record: S3EventRecord) -> None:
    """Log at DEBUG that ``record`` was skipped and why (costs nothing when DEBUG is off)."""
    import logging  # only when a record is skipped: logging costs cold-start time

    logger = logging.getLogger(LOGGER_NAME)
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "skipped s3://%s/%s (%s): %s",
            record.bucket_name,
            record.key[:200],
            record.event_name,
            trigger.mismatch(record),
        )
