"""One function for new photos and for the ones already stored: live events and a backfill.

``index_photo`` is declared once. Its trigger (bucket, events, prefix,
suffix) says which objects it is for; S3 notifications of new photos reach
it as :class:`s3types.S3EventRecord` objects, and an S3 Batch Operations
job over the photos already in the bucket (a backfill: ``s3types backfill
plan``/``submit`` at scale, ``s3types backfill run --local`` to try it)
hands it :class:`s3types.batch.BatchTask` objects, through the same Lambda
entry point. Both have ``bucket_name``, the decoded ``key`` and
``version_id``; ``isinstance(item, BatchTask)`` says which it got.
"""

from __future__ import annotations

from s3types.batch import BatchTask, TemporaryFailure
from s3types_lambda import LambdaContext, RecordOrTask, s3_record_handler

#: Where the index lives in this example: a dict, so the example runs anywhere.
INDEX: dict[str, str] = {}


# --8<-- [start:handler]
@s3_record_handler(bucket="photos", prefix="uploads/", suffix=".jpg", backfill=True)
def index_photo(item: RecordOrTask, context: LambdaContext) -> str:
    """Index one photo; the returned string goes into a backfill's completion report."""
    if context.get_remaining_time_in_millis() < 1_000:
        raise TemporaryFailure("less than a second left: retry the task")
    source = "backfill" if isinstance(item, BatchTask) else f"live {item.event_name}"
    INDEX[f"s3://{item.bucket_name}/{item.key}"] = source
    return f"indexed {item.key} ({source})"


# --8<-- [end:handler]
