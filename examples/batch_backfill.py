"""Label photos: live as they are uploaded, and as a backfill over the ones already stored.

The business rule is one function, :func:`label_photo`. Two Lambda entry
points call it: ``on_upload`` for S3's notifications of new photos, and
``backfill`` for an S3 Batch Operations job over a manifest of existing
ones (S3 reads the manifest, fans the tasks out across Lambda and writes
a completion report). The job's ``userArguments`` (schema 2.0) choose the
label and, with ``copyTo``, a bucket to copy each photo into as well.

Try the backfill locally on a manifest:
``s3types event batch --manifest-csv manifest.csv > job.json`` then
``s3types invoke examples/batch_backfill.py:backfill --event job.json``
(with ``AWS_ENDPOINT_URL`` pointing at a test S3).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from s3types import S3EventRecord
from s3types.batch import BatchTask, TemporaryFailure
from s3types.ops import copy_object
from s3types_lambda import LambdaContext, s3_batch_handler, s3_record_handler

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import GetObjectTaggingRequestTypeDef, TagTypeDef

LABEL_TAG = "pipeline"
CURRENT_LABEL = "v2"
MAX_TAGS = 10


@functools.cache
def s3() -> S3Client:
    """The S3 client, made once per execution environment (reused across invocations)."""
    import boto3

    client: S3Client = boto3.client("s3")  # pyright: ignore[reportUnknownMemberType]
    return client


# --8<-- [start:business]
def label_photo(
    client: S3Client,
    bucket: str,
    key: str,
    version_id: str | None,
    *,
    label: str = CURRENT_LABEL,
    copy_to: str | None = None,
) -> str:
    """Tag one photo ``pipeline=<label>`` (keeping its other tags); copy it if asked.

    Returns what was done, for the logs or a Batch Operations report. The
    key is the decoded one (``photos/red flower.jpg``), as both the
    notification and the job hand it over.
    """
    where: GetObjectTaggingRequestTypeDef = {"Bucket": bucket, "Key": key}
    if version_id is not None:
        where["VersionId"] = version_id
    tags = {tag["Key"]: tag["Value"] for tag in client.get_object_tagging(**where)["TagSet"]}
    if tags.get(LABEL_TAG) != label:
        tags[LABEL_TAG] = label
        if len(tags) > MAX_TAGS:
            raise ValueError(f"s3://{bucket}/{key} has {MAX_TAGS} tags already: no room for ours")
        tag_set: list[TagTypeDef] = [{"Key": k, "Value": v} for k, v in sorted(tags.items())]
        client.put_object_tagging(**where, Tagging={"TagSet": tag_set})
    done = f"labelled s3://{bucket}/{key} {LABEL_TAG}={label}"
    if copy_to is not None:
        copy_object(client, bucket, key, copy_to, version_id=version_id)
        done += f", copied to s3://{copy_to}/{key}"
    return done


# --8<-- [end:business]


# --8<-- [start:entry-points]
@s3_record_handler(events=["s3:ObjectCreated:*"], prefix="photos/")
def on_upload(record: S3EventRecord, context: LambdaContext) -> None:
    """Live: S3 notifies each new photo (directly, or through SQS)."""
    label_photo(s3(), record.bucket_name, record.key, record.version_id)


@s3_batch_handler
def backfill(task: BatchTask, context: LambdaContext) -> str:
    """Backfill: a Batch Operations job hands over the photos of a manifest, one task each."""
    if context.get_remaining_time_in_millis() < 1_000:
        raise TemporaryFailure("less than a second left: S3 retries the task")
    return label_photo(
        s3(),
        task.bucket_name,
        task.key,
        task.version_id,
        label=task.user_arguments.get("label", CURRENT_LABEL),
        copy_to=task.user_arguments.get("copyTo"),
    )


# --8<-- [end:entry-points]
