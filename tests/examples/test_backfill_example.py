"""examples/backfill_photos.py: its plan is valid for S3 Control, and it runs end to end locally."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import botocore.session
import pytest
from botocore.validate import validate_parameters

from examples import backfill_photos
from tests.backfill.control_endpoint import (
    ControlEndpoint,
    control_endpoint,
    create_job_result,
    describe_job_result,
)

if TYPE_CHECKING:
    from s3types.testing._server import LocalS3Server


def test_the_plan_is_a_valid_create_job_request() -> None:
    plan = backfill_photos.plan_photos_backfill()
    model: Any = botocore.session.get_session().get_service_model("s3control")
    validate_parameters(
        dict(plan.create_job_request), model.operation_model("CreateJob").input_shape
    )
    generator = plan.create_job_request["ManifestGenerator"]["S3JobManifestGenerator"]
    assert generator["SourceBucket"] == "arn:aws:s3:::photos"
    assert plan.create_job_request["Report"]["ReportScope"] == "FailedTasksOnly"


@pytest.mark.server
def test_it_estimates_submits_and_watches(
    s3_server: LocalS3Server, capsys: pytest.CaptureFixture[str]
) -> None:
    bucket = f"photos-{uuid.uuid4().hex[:10]}"
    s3 = s3_server.s3_client()
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="uploads/cat.jpg", Body=b"x")
    endpoint: ControlEndpoint
    with control_endpoint() as endpoint:
        endpoint.answers += [
            (200, create_job_result("job-example-01")),
            (200, describe_job_result("job-example-01", "Complete", total=1, succeeded=1)),
        ]
        progress = backfill_photos.run_backfill(s3, endpoint.client(), bucket, interval=0.01)
    assert (progress.status, progress.succeeded) == ("Complete", 1)
    out = capsys.readouterr().out
    assert f"bucket {bucket}" in out
    assert "estimate: 1 objects" in out and "job-example-01 Complete" in out
