"""The objects a local backfill runs over: a streamed listing by trigger, or a CSV manifest.

S3 Batch Operations takes a manifest (a CSV of ``Bucket,Key[,VersionId]``
with URL-encoded keys, or a generated one); the local engine reads the
same CSV, or lists the buckets the triggers name under their prefixes.
Both are iterators: nothing is held but the page being read.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from s3types._values import decode_key, version_id_or_none
from s3types.backfill._arns import BackfillError
from s3types.backfill._locations import ReportError, describe_client_error, parse_location

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types.triggers import Trigger

__all__ = ["ObjectRef", "backfill_triggers", "listed_objects", "manifest_objects"]


class ObjectRef(NamedTuple):
    """One object to run a task on: bucket, decoded key, version id (None: the current one)."""

    bucket: str
    key: str
    version_id: str | None = None


def backfill_triggers(triggers: Iterable[Trigger]) -> tuple[Trigger, ...]:
    """The triggers a backfill lists by: those firing on ``ObjectCreated``, each naming a bucket.

    A backfill task stands for an object that exists, so it counts as
    ``ObjectCreated``; a trigger on other events (deletes, restores) has
    nothing to backfill. Raises :class:`BackfillError` when none is left, or one names
    no bucket (there would be nothing to list).
    """
    kept: list[Trigger] = []
    for trigger in triggers:
        if not any(name.startswith("s3:ObjectCreated:") for name in trigger.events):
            continue
        if trigger.bucket is None:
            raise BackfillError(
                f"the trigger {trigger} names no bucket: a backfill lists a bucket; give the"
                " handler bucket=..., or pass triggers= with buckets"
            )
        kept.append(trigger)
    if not kept:
        raise BackfillError(
            "no trigger fires on s3:ObjectCreated:*: a backfill runs a function over"
            " existing objects, as if each had just been created"
        )
    return tuple(kept)


def listed_objects(client: S3Client, triggers: Iterable[Trigger]) -> Iterator[ObjectRef]:
    """Each object one of ``triggers`` matches (as an ObjectCreated event), once, as listed.

    Each bucket is listed once per prefix that no other prefix of its
    triggers contains (no prefix: the whole bucket), and each key is
    kept if a trigger's prefix and suffix match it.
    """
    from s3types.ops import list_objects

    by_bucket: dict[str, list[Trigger]] = {}
    for trigger in backfill_triggers(triggers):
        assert trigger.bucket is not None
        by_bucket.setdefault(trigger.bucket, []).append(trigger)
    for bucket, group in by_bucket.items():
        for prefix in _outermost_prefixes(trigger.prefix or "" for trigger in group):
            listing = iter(list_objects(client, bucket, prefix=prefix or None))
            while True:
                try:
                    summary = next(listing, None)
                except Exception as err:
                    if getattr(err, "response", None) is None:
                        raise
                    raise BackfillError(
                        f"cannot list s3://{bucket}/{prefix}: {describe_client_error(err)}"
                    ) from None
                if summary is None:
                    break
                if any(t.fires_on(bucket, summary.key, "ObjectCreated:Put") for t in group):
                    yield ObjectRef(bucket, summary.key)


def _outermost_prefixes(prefixes: Iterable[str]) -> list[str]:
    kept: list[str] = []
    for prefix in sorted(set(prefixes)):
        if not any(prefix.startswith(outer) for outer in kept):
            kept.append(prefix)
    return kept


def manifest_objects(client: S3Client | None, manifest_uri: str) -> Iterator[ObjectRef]:
    """The objects of a Batch Operations CSV manifest: ``Bucket,Key[,VersionId]``, keys encoded.

    ``manifest_uri`` is ``s3://bucket/key`` or a local path. A row with a
    wrong number of columns or a key that does not decode is a
    :class:`ReportError` naming the row.
    """
    where = parse_location(manifest_uri)
    for number, columns in enumerate(csv.reader(where.lines(client)), start=1):
        if not columns:
            continue
        if len(columns) not in (2, 3) or not columns[0]:
            raise ReportError(
                f"{where}, row {number}: expected Bucket,Key or Bucket,Key,VersionId, got"
                f" {len(columns)} columns"
            )
        try:
            key = decode_key(columns[1])
        except ValueError as err:
            raise ReportError(f"{where}, row {number}: {err}") from None
        version = version_id_or_none(columns[2]) if len(columns) == 3 else None
        yield ObjectRef(columns[0], key, version)
