"""The function ``s3types demo`` runs: keep a JSON summary of every upload under ``derived/``.

S3 notifies an SQS queue of what happens under ``incoming/``; Lambda hands
the queue's messages to ``handler``. For each new object it reads the object
with the typed operations and writes ``derived/<key>.json`` (size, content
type, ETag, SHA-256); when the object is removed, it removes the summary.

Two traps it avoids: the summaries live outside ``incoming/`` (and the
handler only takes keys there), so writing them never triggers the function
again; and SQS may deliver an upload's notification after the object was
deleted or overwritten, so it checks the object is still the one the event
is about before summarizing it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from s3types.ops import delete_object, get_object, put_object
from s3types_lambda import s3_record_handler

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from mypy_boto3_s3 import S3Client

    from s3types import S3EventRecord
    from s3types_lambda import LambdaContext, SqsBatchResponseDict

    Handler = Callable[[Mapping[str, Any], LambdaContext], SqsBatchResponseDict]

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
    try:
        upload = get_object(s3, record)  # the decoded key, and the version the event names
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") != "NoSuchKey":
            raise
        logger.info("skipped: %s was deleted since", record.key, extra={"s3_key": record.key})
        return None
    if record.etag is not None and upload.etag != record.etag:
        logger.info("skipped: %s was overwritten since", record.key, extra={"s3_key": record.key})
        return None
    summary = {
        "key": record.key,
        "size": upload.size,
        "content_type": upload.content_type,
        "etag": upload.etag,
        "sha256": hashlib.sha256(upload.body).hexdigest(),
        "event": record.event_name.value,
        "event_time": record.event_time.isoformat(),
    }
    target = derived_key(record.key)
    put_object(
        s3,
        record.bucket_name,
        target,
        json.dumps(summary, ensure_ascii=False, indent=2),
        content_type="application/json",
    )
    logger.info("wrote %s", target, extra={"s3_key": record.key})
    return target


def forget(s3: S3Client, record: S3EventRecord) -> str:
    """Remove the summary of a removed object (S3 deletes are idempotent); its key."""
    target = derived_key(record.key)
    delete_object(s3, record.bucket_name, target)
    logger.info("removed %s", target, extra={"s3_key": record.key})
    return target


def make_handler(s3: S3Client) -> Handler:
    """The Lambda handler, around an S3 client (the demo and tests pass their own)."""

    @s3_record_handler(events=("s3:ObjectCreated:*", "s3:ObjectRemoved:*"), prefix=SOURCE_PREFIX)
    def handle(record: S3EventRecord, context: LambdaContext) -> None:
        if record.event_name.matches("s3:ObjectRemoved:*"):
            forget(s3, record)
        else:
            summarize(s3, record)

    return handle


@functools.cache
def _default_handler() -> Handler:
    import boto3

    return make_handler(boto3.client("s3"))  # pyright: ignore[reportUnknownMemberType]


def handler(event: Mapping[str, Any], context: LambdaContext) -> SqsBatchResponseDict:
    """The Lambda entry point (``demo_function.handler``): a client made once, then reused."""
    return _default_handler()(event, context)
