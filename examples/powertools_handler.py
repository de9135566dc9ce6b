"""Measure uploaded videos with Powertools: ``@s3_event_source`` and the Parser.

``handler`` is an S3-triggered function in the Powertools style: structured
logs with the Lambda context (``@logger.inject_lambda_context``) and the
typed event from ``@s3_event_source``. ``queue_handler`` reads the same
notifications from SQS with Powertools' Parser, ``S3Event`` as the model.

Run it: ``python -m examples.powertools_handler``.
"""

from __future__ import annotations

# --8<-- [start:imports]
import json

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.parser import envelopes, event_parser
from aws_lambda_powertools.utilities.typing import LambdaContext

from s3types import S3Event, S3EventRecord
from s3types.testing import make_event, via_sqs
from s3types_powertools import s3_event_source

# --8<-- [end:imports]

VIDEO_SUFFIXES = (".mp4", ".mov")
GIB = 1024**3

logger = Logger(service="video-metering")


def gib(record: S3EventRecord) -> float:
    """The object's size in GiB (0 when S3 sent none).

    >>> from s3types import parse_event
    >>> gib(parse_event(make_event(bucket="b", key="a.mp4", size=GIB // 2)).records[0])
    0.5
    """
    return (record.size or 0) / GIB


# --8<-- [start:handlers]
@logger.inject_lambda_context
@s3_event_source
def handler(event: S3Event, context: LambdaContext) -> dict[str, float]:
    """The Lambda entry point: GiB of new video per bucket in this event."""
    metered: dict[str, float] = {}
    for record in event.records:
        if record.event_name.matches("s3:ObjectCreated:*") and record.key.endswith(VIDEO_SUFFIXES):
            logger.info("metered upload", s3_key=record.key, gib=gib(record))
            metered[record.bucket_name] = metered.get(record.bucket_name, 0.0) + gib(record)
    return metered


@event_parser(model=S3Event, envelope=envelopes.SqsEnvelope)
def queue_handler(events: list[S3Event], context: LambdaContext) -> int:
    """Count the videos in an SQS batch of notifications, parsed by Powertools' Parser."""
    return sum(record.key.endswith(VIDEO_SUFFIXES) for event in events for record in event.records)


# --8<-- [end:handlers]


class LocalContext(LambdaContext):
    """Powertools' context type, filled in to run the handlers here."""

    _function_name = "video-metering"
    _function_version = "$LATEST"
    _invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:video-metering"
    _memory_limit_in_mb = 512
    _aws_request_id = "0d4a6b9e-5c1f-4e8a-9b7d-3f2e1a0c9b8d"
    _log_group_name = "/aws/lambda/video-metering"
    _log_stream_name = "2026/01/01/[$LATEST]fedcba9876543210"


def main() -> None:
    """Run both handlers on notifications like the ones S3 sends."""
    upload = make_event(bucket="videos", key="clips/launch day.mp4", size=3 * GIB // 2)
    poster = make_event(bucket="videos", key="clips/launch day.jpg", size=200_000)
    context = LocalContext()
    print("metered:", json.dumps(handler(dict(upload), context)))
    print("videos in batch:", queue_handler(dict(via_sqs(upload, poster)), context))


if __name__ == "__main__":
    main()
