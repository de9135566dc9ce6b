"""The function ``s3types demo`` runs: keep a JSON summary of every upload under ``derived/``.

S3 notifies an SQS queue of what happens under ``incoming/``; Lambda hands
the queue's messages to ``handler``. For each new object it reads the object
with the typed operations and writes ``derived/<key>.json`` (size, content
type, ETag, SHA-256); when the object is removed, it removes the summary
(unless the key has been uploaded again since: removals come late too).

Declared with ``backfill=True``, the same handler also answers S3 Batch
Operations jobs: a backfill writes the summary of each object already
under ``incoming/`` (the demo's last step runs one with the local engine).

Two traps it avoids: the summaries live outside ``incoming/`` (and the
handler only takes keys there), so writing them never triggers the function
again; and SQS may deliver an upload's notification after the object was
deleted or overwritten, so it reads the object with ``get_current_object``,
one conditional GET that S3 answers only while the object is still the one
the event is about (comparing ETags after a plain GET would race with the
next write).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any

from s3types.batch import BatchTask
from s3types.ops import delete_object, get_current_object, get_object, list_objects, put_object
from s3types_lambda import s3_record_handler

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime

    from mypy_boto3_s3 import S3Client

    from s3types import S3EventRecord
    from s3types.batch import BatchResponseDict
    from s3types.ops import ObjectContent
    from s3types_lambda import (
        LambdaContext,
        RecordOrTask,
        S3BackfillHandler,
        SqsBatchResponseDict,
    )

SOURCE_PREFIX = "incoming/"
DERIVED_PREFIX = "derived/"

# Each log line names its record's key in `s3_key`: the demo shows it next to the record.
logger = logging.getLogger("demo_function")


def derived_key(key: str) -> str:
    """Where the summary of an object under ``incoming/`` goes.

    >>> derived_key("incoming/café/menu.txt")
    'derived/café/menu.txt.json'
    """
    return DERIVED_PREFIX + key.removeprefix(SOURCE_PREFIX) + ".json"


def summarize(s3: S3Client, record: S3EventRecord) -> str | None:
    """Write the summary of the object a record is about; its key, or None if it is gone."""
    # One conditional GET: None when the object was overwritten or deleted since
    # the event (a later notification tells of that), checked by S3 as it reads.
    upload = get_current_object(s3, record)
    if upload is None:
        logger.info(
            "skipped: %s was overwritten or deleted since", record.key, extra={"s3_key": record.key}
        )
        return None
    return _write_summary(
        s3, record.bucket_name, record.key, upload, record.event_name.value, record.event_time
    )


def summarize_existing(s3: S3Client, task: BatchTask) -> str:
    """Write the summary of an object a backfill task names; its key."""
    upload = get_object(s3, task.bucket_name, task.key, version_id=task.version_id)
    return _write_summary(s3, task.bucket_name, task.key, upload, "backfill", None)


def _write_summary(
    s3: S3Client,
    bucket: str,
    key: str,
    upload: ObjectContent,
    event: str,
    event_time: datetime | None,
) -> str:
    summary = {
        "key": key,
        "size": upload.size,
        "content_type": upload.content_type,
        "etag": upload.etag,
        "sha256": hashlib.sha256(upload.body).hexdigest(),
        "event": event,
        "event_time": None if event_time is None else event_time.isoformat(),
    }
    target = derived_key(key)
    put_object(
        s3,
        bucket,
        target,
        json.dumps(summary, ensure_ascii=False, indent=2),
        content_type="application/json",
    )
    logger.info("wrote %s", target, extra={"s3_key": key})
    return target


def forget(s3: S3Client, record: S3EventRecord) -> str | None:
    """Remove the summary of a removed object; its key, or None if the key has an object again."""
    # A removal delivered after a new upload of the key must not remove that
    # upload's summary. Should the key change after this check, its own
    # notification follows and puts things right.
    listed = list_objects(s3, record.bucket_name, prefix=record.key, max_results=1)
    first = next(iter(listed), None)
    if first is not None and first.key == record.key:
        logger.info("kept: %s was uploaded again since", record.key, extra={"s3_key": record.key})
        return None
    target = derived_key(record.key)
    delete_object(s3, record.bucket_name, target)  # S3 deletes are idempotent
    logger.info("removed %s", target, extra={"s3_key": record.key})
    return target


def make_handler(s3: S3Client) -> S3BackfillHandler[LambdaContext]:
    """The Lambda handler, around an S3 client (the demo and tests pass their own)."""

    @s3_record_handler(
        events=("s3:ObjectCreated:*", "s3:ObjectRemoved:*"), prefix=SOURCE_PREFIX, backfill=True
    )
    def handle(item: RecordOrTask, context: LambdaContext) -> str | None:
        if isinstance(item, BatchTask):
            return f"wrote {summarize_existing(s3, item)}"
        if item.event_name.matches("s3:ObjectRemoved:*"):
            forget(s3, item)
        else:
            summarize(s3, item)
        return None

    return handle


@functools.cache
def _default_handler() -> S3BackfillHandler[LambdaContext]:
    import boto3

    return make_handler(boto3.client("s3"))  # pyright: ignore[reportUnknownMemberType]


def handler(
    event: Mapping[str, Any], context: LambdaContext
) -> SqsBatchResponseDict | BatchResponseDict | None:
    """The Lambda entry point (``demo_function.handler``): a client made once, then reused."""
    return _default_handler()(event, context)
