"""``s3types backfill plan|submit|watch|report|retry`` on moto and the recording endpoint."""

from __future__ import annotations

import csv
import io
import json
import textwrap
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from s3types._cli import main
from s3types._values import decode_key
from tests.backfill.control_endpoint import (
    ACCOUNT,
    CONTROL_ENDPOINT,
    FUNCTION_ARN,
    ROLE_ARN,
    ControlEndpoint,
    control_endpoint,
    create_job_result,
    describe_job_result,
    list_jobs_result,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mypy_boto3_s3 import S3Client

    from s3types.testing._server import LocalS3Server

HANDLER = "examples/batch_backfill.py:on_upload"
JOB = ["--function-arn", FUNCTION_ARN, "--role-arn", ROLE_ARN]
_NS = "{http://awss3control.amazonaws.com/doc/2018-08-20/}"
AWS_DOCS_REPORT = (
    "tests/events/batch-reports/aws-docs/job-f8fb9d89-a3aa-461d-bddc-ea6a1b131955/manifest.json"
)


@pytest.fixture
def control(monkeypatch: pytest.MonkeyPatch) -> Iterator[ControlEndpoint]:
    """The recording S3 Control endpoint, reached as the HTTP proxy of S3 Control's host names.

    Dummy credentials and a region as a user's shell has them; moto's
    server (127.0.0.1) is reached directly.
    """
    with control_endpoint() as endpoint:
        for name, value in (
            ("AWS_ACCESS_KEY_ID", "testing"),
            ("AWS_SECRET_ACCESS_KEY", "testing"),
            ("AWS_DEFAULT_REGION", "us-east-1"),
            ("HTTP_PROXY", endpoint.url),
            ("NO_PROXY", "127.0.0.1,localhost"),
            ("AWS_MAX_ATTEMPTS", "1"),
        ):
            monkeypatch.setenv(name, value)
        for name in ("http_proxy", "no_proxy", "AWS_PROFILE"):
            monkeypatch.delenv(name, raising=False)
        yield endpoint


@pytest.fixture
def bucket(s3_server: LocalS3Server) -> str:
    """A fresh bucket with photos, one of them not a trigger's."""
    name = f"backfill-{uuid.uuid4().hex[:12]}"
    s3 = s3_server.s3_client()
    s3.create_bucket(Bucket=name)
    for key in ("photos/red flower.jpg", "photos/a,b.jpg", "notes/todo.txt"):
        s3.put_object(Bucket=name, Key=key, Body=b"x" * 100)
    return name


def test_plan_prints_the_job_role_and_fees(capsys: pytest.CaptureFixture[str]) -> None:
    report = ["--report", "s3://reports/backfills/", "--bucket", "photos"]
    assert main(["backfill", "plan", HANDLER, *JOB, *report, "--argument", "label=v2"]) == 0
    out = capsys.readouterr().out
    assert f"invoke {FUNCTION_ARN} once per object of bucket photos" in out
    assert "keys starting with 'photos/'" in out
    assert "role may: lambda:InvokeFunction on " + FUNCTION_ARN in out
    assert "$0.25 per job" in out


def test_plan_refuses_what_it_cannot_plan_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backfill", "plan", HANDLER, *JOB, "--report", "s3://r/"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "name no bucket" in err
    assert main(["backfill", "plan", HANDLER, "--bucket", "photos"]) == 1
    assert "a job needs --function-arn, --role-arn, --report" in capsys.readouterr().err
    assert (
        main(
            ["backfill", "plan", "--bucket", "photos--use1-az4--x-s3", *JOB, "--report", "s3://r/"]
        )
        == 1
    )
    assert "directory bucket" in capsys.readouterr().err


@pytest.mark.server
def test_plan_estimates_and_writes_a_manifest(
    s3_server: LocalS3Server,
    bucket: str,
    control: ControlEndpoint,
    capsys: pytest.CaptureFixture[str],
) -> None:
    del control  # for its environment
    where = ["--bucket", bucket, "--endpoint-url", s3_server.endpoint_url]
    report = ["--report", f"s3://{bucket}/reports/"]  # CreatedBefore: now, to the millisecond
    assert main(["backfill", "plan", HANDLER, *JOB, *report, *where, "--estimate"]) == 0
    assert "estimate: 2 objects (0.0 MB)" in capsys.readouterr().out
    manifest = f"s3://{bucket}/manifests/photos.csv"
    args = ["backfill", "plan", HANDLER, *JOB, *report, *where, "--write-manifest", manifest]
    assert main([*args, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    s3: S3Client = s3_server.s3_client()
    head = s3.head_object(Bucket=bucket, Key="manifests/photos.csv")
    assert document["CreateJob"]["Manifest"]["Location"] == {
        "ObjectArn": f"arn:aws:s3:::{bucket}/manifests/photos.csv",
        "ETag": head["ETag"],
    }
    body = s3.get_object(Bucket=bucket, Key="manifests/photos.csv")["Body"].read().decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert sorted(decode_key(row[1]) for row in rows) == ["photos/a,b.jpg", "photos/red flower.jpg"]


def test_submit_a_saved_plan_after_yes(
    control: ControlEndpoint, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "plan.json"
    report = ["--report", "s3://reports/backfills/", "--bucket", "photos"]
    assert main(["backfill", "plan", HANDLER, *JOB, *report, "--out", str(saved)]) == 0
    capsys.readouterr()
    control_url = ["--control-endpoint-url", CONTROL_ENDPOINT]
    assert main(["backfill", "submit", str(saved), *control_url]) == 2
    assert "pass --yes" in capsys.readouterr().err and control.requests == []
    control.answers.append((200, create_job_result("job-cli-000001")))
    assert main(["backfill", "submit", str(saved), *control_url, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "submitted job job-cli-000001" in out
    assert f"s3types backfill watch job-cli-000001 --account-id {ACCOUNT}" in out
    [request] = control.requests
    assert request.method == "POST" and request.url.endswith("/v20180820/jobs")
    token = ET.fromstring(request.body).findtext(f"{_NS}ClientRequestToken")
    assert token == json.loads(saved.read_text())["CreateJob"]["ClientRequestToken"]


def test_submit_reports_aws_errors_in_one_line(
    control: ControlEndpoint, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "plan.json"
    report = ["--report", "s3://reports/", "--bucket", "photos"]
    assert main(["backfill", "plan", HANDLER, *JOB, *report, "--out", str(saved)]) == 0
    capsys.readouterr()
    denied = (
        b"<ErrorResponse><Error><Code>AccessDenied</Code>"
        b"<Message>iam:PassRole is not allowed</Message></Error></ErrorResponse>"
    )
    control.answers.append((403, denied))
    args = ["backfill", "submit", str(saved), "--control-endpoint-url", CONTROL_ENDPOINT, "--yes"]
    assert main(args) == 1
    assert capsys.readouterr().err == (
        "s3types backfill submit: AccessDenied: iam:PassRole is not allowed\n"
    )
    (tmp_path / "bad.json").write_text("{}")
    assert main(["backfill", "submit", str(tmp_path / "bad.json"), "--yes"]) == 1
    assert "has no CreateJob request" in capsys.readouterr().err


def test_watch_until_complete_and_once(
    control: ControlEndpoint, capsys: pytest.CaptureFixture[str]
) -> None:
    control.answers += [
        (200, describe_job_result("job-cli-000001", "Active", total=8, succeeded=2)),
        (200, describe_job_result("job-cli-000001", "Complete", total=8, succeeded=7, failed=1)),
    ]
    common = ["--account-id", ACCOUNT, "--control-endpoint-url", CONTROL_ENDPOINT]
    assert main(["backfill", "watch", "job-cli-000001", *common, "--interval", "0.01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "job-cli-000001 Active [#######-----------------------] 2/8 tasks: 2 succeeded, 0 failed",
        "job-cli-000001 Complete [##############################] 8/8 tasks: 7 succeeded, 1 failed",
    ]
    control.answers.append((200, describe_job_result("job-cli-000001", "Failed")))
    assert main(["backfill", "watch", "job-cli-000001", *common, "--once"]) == 1
    assert "Failed" in capsys.readouterr().out
    control.answers.append((200, list_jobs_result([("job-cli-000002", "LambdaInvoke", "Active")])))
    assert main(["backfill", "watch", *common]) == 0
    assert capsys.readouterr().out.startswith("job-cli-000002 Active [############")
    assert len(control.requests) == 4


def test_report_sums_up_a_completion_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backfill", "report", AWS_DOCS_REPORT, "--show", "1"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(
        "job f8fb9d89-a3aa-461d-bddc-ea6a1b131955: 9 tasks, 3 succeeded, 6 failed"
    )
    assert out[1] == "  PermanentFailure: 6"
    assert out[2].startswith("  failed s3://awsexamplebucket1/image_14975: Lambda returned")
    assert out[3].startswith("  ... and 5 more")


_FLAKY_HANDLER = textwrap.dedent(
    """
    import os

    from s3types.batch import BatchTask, TemporaryFailure
    from s3types_lambda import s3_batch_handler


    @s3_batch_handler
    def handler(task: BatchTask, context: object) -> str:
        if "broken" in task.key:
            raise ValueError("cannot read it")
        if "flaky" in task.key and os.environ.get("FLAKY") == "1":
            raise TemporaryFailure("busy, try later")
        return f"done {task.key}"
    """
)


@pytest.mark.server
def test_retry_runs_the_failed_tasks_temporary_first(
    s3_server: LocalS3Server,
    control: ControlEndpoint,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from s3types.backfill import run_local
    from s3types.triggers import Trigger

    s3: S3Client = s3_server.s3_client()
    bucket = f"retry-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=bucket)
    for key in ("a.jpg", "broken.jpg", "flaky 1.jpg", "flaky 2.jpg"):
        s3.put_object(Bucket=bucket, Key=key, Body=b"x")
    (tmp_path / "flaky_handler.py").write_text(_FLAKY_HANDLER)
    handler_ref = f"{tmp_path / 'flaky_handler.py'}:handler"
    from s3types._cli.invoke import load_handler

    monkeypatch.setenv("FLAKY", "1")
    first = run_local(
        load_handler(handler_ref),
        s3,
        triggers=[Trigger(bucket)],
        report_uri=f"s3://{bucket}/reports/",
    )
    assert (first.succeeded, first.failed) == (1, 3)
    monkeypatch.setenv("FLAKY", "0")
    manifest = f"s3://{bucket}/retry/failed.csv"
    endpoint = ["--endpoint-url", s3_server.endpoint_url]
    args = ["backfill", "retry", first.location, "--manifest-out", manifest, *endpoint]
    assert main([*args, "--local", handler_ref, "--local-report", f"s3://{bucket}/r2/"]) == 1
    out = capsys.readouterr().out
    assert "wrote 3 failed tasks" in out and "2 succeeded, 1 failed" in out
    body = s3.get_object(Bucket=bucket, Key="retry/failed.csv")["Body"].read().decode()
    keys = [decode_key(row[1]) for row in csv.reader(io.StringIO(body))]
    assert keys[2] == "broken.jpg" and sorted(keys[:2]) == ["flaky 1.jpg", "flaky 2.jpg"]

    control.answers.append((200, create_job_result("job-retry-0001")))
    job = [*JOB, "--report", f"s3://{bucket}/reports/", "--control-endpoint-url", CONTROL_ENDPOINT]
    assert main([*args, "--temporary-only", *job, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "wrote 2 failed tasks" in out and "submitted job job-retry-0001" in out
    [request] = control.requests
    sent = ET.fromstring(request.body)
    head = s3.head_object(Bucket=bucket, Key="retry/failed.csv")
    location = f"{_NS}Manifest/{_NS}Location/{_NS}"
    assert sent.findtext(f"{location}ObjectArn") == f"arn:aws:s3:::{bucket}/retry/failed.csv"
    assert sent.findtext(f"{location}ETag") == head["ETag"]


def test_no_region_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
    assert main(["backfill", "watch", "job-cli-000001", "--account-id", ACCOUNT]) == 1
    err = capsys.readouterr().err
    assert err.startswith("s3types backfill watch: ") and "region" in err
    assert err.count("\n") == 1
