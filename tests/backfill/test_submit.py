"""submit_backfill and watch_job against the recording S3 Control endpoint (moto has no jobs)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import pytest
from botocore.exceptions import ClientError, ParamValidationError

from s3types.backfill import (
    BackfillPlan,
    JobProgress,
    job_progress,
    list_backfill_jobs,
    plan_backfill,
    submit_backfill,
    watch_job,
)
from s3types.triggers import Trigger
from tests.backfill.control_endpoint import (
    ACCOUNT,
    FUNCTION_ARN,
    ROLE_ARN,
    ControlEndpoint,
    create_job_result,
    describe_job_result,
    list_jobs_result,
)

_NS = "{http://awss3control.amazonaws.com/doc/2018-08-20/}"


def _plan() -> BackfillPlan:
    return plan_backfill(
        [Trigger("photos", prefix="raw/", suffix=".jpg")],
        FUNCTION_ARN,
        role_arn=ROLE_ARN,
        report_uri="s3://reports/backfills/",
        created_before=datetime(2026, 12, 1, tzinfo=timezone.utc),
        user_arguments={"label": "v2"},
    )


def test_submit_sends_the_signed_create_job_request(control: ControlEndpoint) -> None:
    plan = _plan()
    control.answers.append((200, create_job_result("job-0001-abcdef")))
    assert submit_backfill(control.client(), plan) == "job-0001-abcdef"

    [request] = control.requests
    assert request.method == "POST"
    assert request.url == f"http://{ACCOUNT}.s3-control.s3types.test/v20180820/jobs"
    assert request.headers["x-amz-account-id"] == ACCOUNT
    authorization = request.headers["Authorization"]
    assert authorization.startswith("AWS4-HMAC-SHA256 Credential=testing/")
    assert "/us-east-1/s3/aws4_request" in authorization
    assert "x-amz-account-id" in authorization.split("SignedHeaders=")[1]
    body = ET.fromstring(request.body)
    assert body.tag == f"{_NS}CreateJobRequest"

    lambda_invoke = f"{_NS}Operation/{_NS}LambdaInvoke/{_NS}"
    assert body.findtext(f"{lambda_invoke}FunctionArn") == FUNCTION_ARN
    assert body.findtext(f"{lambda_invoke}InvocationSchemaVersion") == "2.0"
    entry = body.find(f"{lambda_invoke}UserArguments/{_NS}entry")
    assert entry is not None
    assert (entry.findtext(f"{_NS}key"), entry.findtext(f"{_NS}value")) == ("label", "v2")
    generator = f"{_NS}ManifestGenerator/{_NS}S3JobManifestGenerator/{_NS}"
    assert body.findtext(f"{generator}SourceBucket") == "arn:aws:s3:::photos"
    assert body.findtext(f"{generator}EnableManifestOutput") == "true"
    constraint = f"{generator}Filter/{_NS}KeyNameConstraint/{_NS}"
    assert [e.text for e in body.iterfind(f"{constraint}MatchAnyPrefix/{_NS}member")] == ["raw/"]
    assert [e.text for e in body.iterfind(f"{constraint}MatchAnySuffix/{_NS}member")] == [".jpg"]
    assert body.findtext(f"{generator}Filter/{_NS}CreatedBefore") == "2026-12-01T00:00:00Z"
    assert body.findtext(f"{_NS}Report/{_NS}Format") == "Report_CSV_20180820"
    assert body.findtext(f"{_NS}Report/{_NS}Prefix") == "backfills"
    assert body.findtext(f"{_NS}RoleArn") == ROLE_ARN
    assert body.findtext(f"{_NS}ClientRequestToken") == plan.client_request_token


def test_a_retried_submit_sends_the_same_token(control: ControlEndpoint) -> None:
    control.answers += [(200, create_job_result("job-0001-abcdef"))] * 2
    client = control.client()
    submit_backfill(client, _plan())
    submit_backfill(client, _plan())
    tokens = [ET.fromstring(r.body).findtext(f"{_NS}ClientRequestToken") for r in control.requests]
    assert tokens[0] == tokens[1]
    assert tokens[0] is not None and len(tokens[0]) == 64


def test_aws_errors_reach_the_caller_as_client_errors(control: ControlEndpoint) -> None:
    error = (
        b'<?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Error><Code>AccessDenied</Code>'
        b"<Message>not allowed to pass the role</Message></Error></ErrorResponse>"
    )
    control.answers.append((403, error))
    with pytest.raises(ClientError, match="AccessDenied"):
        submit_backfill(control.client(), _plan())


def test_watch_polls_describe_job_until_the_job_is_complete(control: ControlEndpoint) -> None:
    control.answers += [
        (200, describe_job_result("job-0001-abcdef", "Preparing")),
        (200, describe_job_result("job-0001-abcdef", "Active", total=4, succeeded=1)),
        (200, describe_job_result("job-0001-abcdef", "Complete", total=4, succeeded=3, failed=1)),
    ]
    seen: list[JobProgress] = []
    sleeps: list[float] = []
    last = watch_job(
        control.client(),
        ACCOUNT,
        "job-0001-abcdef",
        interval=2.5,
        on_progress=seen.append,
        sleep=sleeps.append,
    )
    assert [p.status for p in seen] == ["Preparing", "Active", "Complete"]
    assert sleeps == [2.5, 2.5]
    assert (last.total, last.succeeded, last.failed, last.terminal) == (4, 3, 1, True)
    assert str(last).startswith("job-0001-abcdef Complete [" + "#" * 30 + "] 4/4 tasks")
    for request in control.requests:
        assert request.method == "GET"
        assert request.url.endswith("/v20180820/jobs/job-0001-abcdef")
        assert request.headers["x-amz-account-id"] == ACCOUNT


def test_a_failed_job_says_why() -> None:
    progress = JobProgress("job-1", "Failed", total=None, reason="manifest ETag mismatch")
    assert progress.terminal
    assert str(progress).endswith("0 succeeded, 0 failed (manifest ETag mismatch)")


def test_list_reads_every_page_of_list_jobs(control: ControlEndpoint) -> None:
    control.answers += [
        (200, list_jobs_result([("job-a-00001", "LambdaInvoke", "Active")], next_token="t2")),
        (
            200,
            list_jobs_result(
                [
                    ("job-b-00002", "S3PutObjectCopy", "Active"),
                    ("job-c-00003", "LambdaInvoke", "New"),
                ]
            ),
        ),
    ]
    jobs = list_backfill_jobs(control.client(), ACCOUNT)
    assert [(j.job_id, j.status, j.total, j.succeeded) for j in jobs] == [
        ("job-a-00001", "Active", 10, 4),
        ("job-c-00003", "New", 10, 4),
    ]
    assert str(jobs[0]).endswith(" - s3types backfill of photos")
    first, second = control.requests
    assert first.method == "GET" and "/v20180820/jobs?" in first.url
    assert "jobStatuses=Active" in first.url and "nextToken" not in first.url
    assert "nextToken=t2" in second.url


def test_the_client_validates_requests_by_the_model_before_sending(
    control: ControlEndpoint,
) -> None:
    with pytest.raises(ParamValidationError, match="JobId"):
        job_progress(control.client(), ACCOUNT, "abc")  # S3 Control job ids are 5 or more
    assert control.requests == []
