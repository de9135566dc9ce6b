"""A Chalice function for new photos and for the ones already stored (a backfill).

``on_s3_change(..., backfill=True)`` registers ``tag_photos`` through
Chalice's ``on_s3_event`` (``chalice deploy`` writes the bucket
notification as usual) and lets the same Lambda function answer an S3
Batch Operations job: point the job's ``LambdaInvoke`` at the function's
ARN (``s3types backfill plan``). Notifications hand it the typed
:class:`s3types.S3Event`; a job hands it one :class:`s3types.batch.BatchTask`
per object, and what it returns goes into the job's completion report.
"""

from __future__ import annotations

# --8<-- [start:app]
from chalice import Chalice

from s3types.batch import BatchTask
from s3types_chalice import EventOrTask, on_s3_change

app = Chalice(app_name="photo-tags")


@on_s3_change(app, "photo-uploads", prefix="photos/", suffix=".jpg", backfill=True)
def tag_photos(item: EventOrTask) -> str:
    """Tag new photos (a notification) or one existing photo (a backfill task)."""
    records = [item] if isinstance(item, BatchTask) else item.records
    keys = [record.key for record in records]
    app.log.info("tagging %s", keys)
    return f"tagged {len(keys)} photo(s)"


# --8<-- [end:app]
