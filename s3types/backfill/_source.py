"""Which triggers and which bucket a backfill covers: read from a handler or a list.

One S3 Batch Operations job covers one bucket: the triggers must name one,
or ``bucket=`` chooses it (the triggers naming it; when all name one other
bucket, they are moved to it, e.g. a staging copy of the same data).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import cast

from s3types.backfill._arns import BackfillError, is_directory_bucket
from s3types.triggers import Trigger

__all__ = ["one_bucket", "triggers_of"]


def triggers_of(source: object) -> list[Trigger]:
    kind = type(source).__name__
    declared = getattr(source, "s3_triggers", None)
    if isinstance(declared, tuple):
        return list(cast("tuple[Trigger, ...]", declared))
    if isinstance(source, Iterable) and not isinstance(source, (str, bytes, Mapping)):
        triggers = list(cast("Iterable[object]", source))
        for index, trigger in enumerate(triggers):
            if not isinstance(trigger, Trigger):
                raise BackfillError(
                    f"plan_backfill: source[{index}] is a {type(trigger).__name__}, not a"
                    " Trigger: pass a handler with s3_triggers or a list of Trigger"
                )
        return cast("list[Trigger]", triggers)
    raise BackfillError(
        f"plan_backfill: source is a {kind}: pass a handler made by"
        " @s3_record_handler or @on_s3_change (it has s3_triggers) or a list of Trigger"
    )


def one_bucket(triggers: list[Trigger], bucket: str | None) -> tuple[str, list[Trigger]]:
    named = sorted({t.bucket for t in triggers if t.bucket is not None})
    if bucket is not None:
        if bucket in named or len(named) != 1:
            # The bucket's own triggers (and those declared without a bucket).
            return bucket, [t for t in triggers if t.bucket in (None, bucket)]
        if is_directory_bucket(bucket):
            raise BackfillError(
                f"plan_backfill: {bucket!r} is a directory bucket, which no trigger can"
                f" name (they send no event notifications), and the triggers name"
                f" {named[0]!r}: declare the function's triggers without bucket= so"
                " its filter accepts this bucket's tasks"
            )
        # Every trigger names one other bucket: the same function on another bucket
        # (a staging copy), as `s3types trigger --bucket` does.
        return bucket, [t.replace(bucket=bucket) for t in triggers]
    if len(named) == 1:
        return named[0], triggers
    if not named:
        raise BackfillError(
            "plan_backfill: the triggers name no bucket (declared without bucket=):"
            " pass bucket='...' for the bucket to backfill"
        )
    raise BackfillError(
        f"plan_backfill: the triggers name {len(named)} buckets ({', '.join(named)}) and one"
        " job covers one bucket: plan one backfill per bucket, with bucket='...'"
    )
