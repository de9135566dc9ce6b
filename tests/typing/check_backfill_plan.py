"""Type checks of planning and submitting a backfill (mypy --strict; never run by pytest).

Each ``# type: ignore[code]`` marks misuse mypy must reject; with
``warn_unused_ignores`` a check that stops failing fails the type check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import assert_type

from s3types.backfill import (
    BackfillFees,
    BackfillPlan,
    JobProgress,
    ObjectEstimate,
    estimate_backfill,
    plan_backfill,
    submit_backfill,
    watch_job,
)
from s3types.triggers import Trigger

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3control import S3ControlClient
    from mypy_boto3_s3control.type_defs import CreateJobRequestTypeDef


def check_plan(s3: S3Client, s3control: S3ControlClient) -> None:
    plan = plan_backfill(
        [Trigger("photos")],
        "arn:aws:lambda:us-east-1:123456789012:function:f",
        role_arn="arn:aws:iam::123456789012:role/r",
        report_uri="s3://reports/",
    )
    assert_type(plan, BackfillPlan)
    assert_type(plan.create_job_request, CreateJobRequestTypeDef)
    s3control.create_job(**plan.create_job_request)
    assert_type(plan.fees, BackfillFees | None)
    estimated = estimate_backfill(s3, plan, limit=100)
    assert_type(estimated.estimate, ObjectEstimate | None)
    assert_type(submit_backfill(s3control, plan), str)
    assert_type(submit_backfill(s3control, plan.create_job_request), str)
    assert_type(watch_job(s3control, plan.account_id, "job-1", interval=5), JobProgress)
    plan_backfill(  # type: ignore[call-arg]
        [Trigger("photos")], "arn:aws:lambda:us-east-1:123456789012:function:f"
    )
    plan_backfill(
        [Trigger("photos")],
        "arn:aws:lambda:us-east-1:123456789012:function:f",
        role_arn="arn:aws:iam::123456789012:role/r",
        report_uri="s3://reports/",
        report_scope="Failed",  # type: ignore[arg-type]
    )
    submit_backfill(s3control, {"AccountId": "1"})  # type: ignore[arg-type]
