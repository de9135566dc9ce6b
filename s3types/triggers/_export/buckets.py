"""Triggers grouped by bucket, as every infrastructure format declares them."""

from __future__ import annotations

from collections.abc import Iterable

from s3types.triggers._events import TriggerError
from s3types.triggers._trigger import Trigger

__all__ = ["by_bucket"]


def by_bucket(triggers: Iterable[Trigger]) -> dict[str, list[Trigger]]:
    """Each bucket's triggers, in order; a trigger without a bucket, or none at all, is refused.

    >>> sorted(by_bucket([Trigger("a"), Trigger("b", suffix=".jpg"), Trigger("a", prefix="x/")]))
    ['a', 'b']
    """
    buckets: dict[str, list[Trigger]] = {}
    for trigger in triggers:
        if trigger.bucket is None:
            raise TriggerError(
                f"trigger {trigger} names no bucket: infrastructure code needs one"
                " (--bucket, or s3_record_handler(bucket=...))"
            )
        buckets.setdefault(trigger.bucket, []).append(trigger)
    if not buckets:
        raise TriggerError("no triggers to export")
    return buckets
