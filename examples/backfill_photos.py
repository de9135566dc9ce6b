"""Backfill the photos a bucket held before its trigger: plan, check the fees, submit, watch.

``index_photo`` (examples/one_handler_both_ways.py) is deployed with its
trigger on ``photos``; S3 notifies it of each new photo, and never of the
ones already stored. This script plans the S3 Batch Operations job that
invokes the same function once per stored photo (the trigger's prefix and
suffix as the job's filter, created before now so the job does not race
the live trigger), prints what it will run and cost, then submits it and
follows it. ``s3types backfill plan|submit|watch`` do the same from a shell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from examples.one_handler_both_ways import index_photo
from s3types.backfill import (
    BackfillPlan,
    JobProgress,
    estimate_backfill,
    plan_backfill,
    submit_backfill,
    watch_job,
)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3control import S3ControlClient

FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:index-photo"
#: The role the job runs as: `s3types backfill plan ... --format cloudformation` makes one.
ROLE_ARN = "arn:aws:iam::123456789012:role/s3types-backfill"
REPORTS = "s3://photo-reports/backfills/"


# --8<-- [start:plan]
def plan_photos_backfill(bucket: str | None = None) -> BackfillPlan:
    """The job over the photos ``index_photo``'s trigger names (in ``bucket``, default its own)."""
    return plan_backfill(
        index_photo,  # its s3_triggers: bucket photos, uploads/*.jpg
        FUNCTION_ARN,
        bucket=bucket,
        role_arn=ROLE_ARN,
        report_uri=REPORTS,
        report_scope="FailedTasksOnly",
    )


# --8<-- [end:plan]


# --8<-- [start:run]
def run_backfill(
    s3: S3Client, s3control: S3ControlClient, bucket: str | None = None, *, interval: float = 30.0
) -> JobProgress:
    """Count the photos (up to 10,000 listed), show the plan and fees, submit, watch to the end."""
    plan = estimate_backfill(s3, plan_photos_backfill(bucket), limit=10_000)
    print(plan)  # bucket, filter, estimate, fees, the role's permissions, notes
    job_id = submit_backfill(s3control, plan)  # a second submit of this plan: the same job
    return watch_job(s3control, plan.account_id, job_id, interval=interval, on_progress=print)


# --8<-- [end:run]


if __name__ == "__main__":  # pragma: no cover - needs AWS
    import boto3

    s3: S3Client = boto3.client("s3")  # pyright: ignore[reportUnknownMemberType]
    s3control: S3ControlClient = boto3.client("s3control")  # pyright: ignore[reportUnknownMemberType]
    progress = run_backfill(s3, s3control)
    print(f"done: {progress.succeeded} succeeded, {progress.failed} failed")
