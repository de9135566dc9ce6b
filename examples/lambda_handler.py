"""Plan thumbnails for uploaded photos: a plain Lambda function fed by an SQS queue.

S3 notifies a queue of every upload under ``photos/``; Lambda hands the
queue's messages to ``handler`` (turn on ``ReportBatchItemFailures`` in the
event source mapping). Each JPEG gets a thumbnail plan; a message that is
not an S3 notification, or whose record fails, goes back to the queue alone
(and, after the queue's maxReceiveCount, to its dead-letter queue).
``inventory`` is the other style: one call per event, with all its records.

Run it: ``python -m examples.lambda_handler``.
"""

from __future__ import annotations

# --8<-- [start:imports]
import json
import logging
import posixpath
from dataclasses import dataclass

from s3types import S3Event, S3EventRecord
from s3types.testing import LocalLambdaContext, make_event, test_event, via_sqs
from s3types_lambda import LambdaContext, s3_handler, s3_record_handler

# --8<-- [end:imports]

SOURCE_PREFIX = "photos/"
THUMBNAIL_PREFIX = "thumbnails/"
THUMBNAIL_EDGE = 256
MAX_SOURCE_BYTES = 50 * 1024 * 1024

logger = logging.getLogger("thumbnails")


@dataclass(frozen=True)
class ThumbnailPlan:
    """What to make for one uploaded photo."""

    bucket: str
    source_key: str
    source_version_id: str | None
    target_key: str
    edge: int


def plan_thumbnail(record: S3EventRecord) -> ThumbnailPlan | None:
    """Plan the thumbnail of the photo a record is about; None for photos too big to read.

    The key is the decoded one, so the thumbnail lands where a person would
    expect: ``photos/red flower.jpg`` -> ``thumbnails/red flower.webp``. A
    photo over the limit is skipped, not failed: retrying would not help.

    >>> from s3types import parse_event
    >>> event = parse_event(make_event(bucket="b", key="photos/2026/red flower.jpg", size=10))
    >>> plan_thumbnail(event.records[0]).target_key
    'thumbnails/2026/red flower.webp'
    """
    if record.size is not None and record.size > MAX_SOURCE_BYTES:
        logger.warning("skipped %s: %d bytes is over the limit", record.key, record.size)
        return None
    stem, _ = posixpath.splitext(record.key.removeprefix(SOURCE_PREFIX))
    return ThumbnailPlan(
        bucket=record.bucket_name,
        source_key=record.key,
        source_version_id=record.version_id,
        target_key=f"{THUMBNAIL_PREFIX}{stem}.webp",
        edge=THUMBNAIL_EDGE,
    )


# --8<-- [start:handlers]
@s3_record_handler(events=["s3:ObjectCreated:*"], prefix=SOURCE_PREFIX, suffix=".jpg")
def handler(record: S3EventRecord, context: LambdaContext) -> None:
    """The Lambda entry point (``lambda_handler.handler``): one call per new JPEG."""
    plan = plan_thumbnail(record)
    if plan is None:
        return
    logger.info(
        "planned %s -> %s (%s ms left)",
        plan.source_key,
        plan.target_key,
        context.get_remaining_time_in_millis(),
    )


@s3_handler
def inventory(event: S3Event, context: LambdaContext) -> dict[str, int]:
    """Bytes created per bucket in one event; the s3:TestEvent gives an empty count."""
    if event.is_test_event:
        logger.info("S3 tested the notification configuration")
        return {}
    created: dict[str, int] = {}
    for record in event.records:
        if record.event_name.matches("s3:ObjectCreated:*"):
            created[record.bucket_name] = created.get(record.bucket_name, 0) + (record.size or 0)
    return created


# --8<-- [end:handlers]


def main() -> None:
    """Run both handlers on a queue batch like the ones S3 and SQS produce."""
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    batch = via_sqs(
        make_event(bucket="uploads", key="photos/2026/red flower+1.jpg", size=48_213),
        make_event(bucket="uploads", key="photos/logo.png", size=1_024),
        make_event(bucket="uploads", key="photos/huge.jpg", size=MAX_SOURCE_BYTES + 1),
        test_event("uploads"),
    )
    context = LocalLambdaContext(function_name="thumbnails")
    print("inventory:", json.dumps(inventory(batch, context)))
    misrouted = via_sqs(test_event("uploads"))["Records"][0]
    misrouted["body"] = json.dumps({"orderId": 42, "status": "shipped"})
    batch["Records"].append(misrouted)
    response = handler(batch, context)
    print("handler:", json.dumps(response))
    assert response is not None  # an SQS batch: the partial batch response
    failed = [failure["itemIdentifier"] for failure in response["batchItemFailures"]]
    print("only the misrouted message failed:", failed == [misrouted["messageId"]])


if __name__ == "__main__":
    main()
