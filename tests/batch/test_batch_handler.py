"""@s3_batch_handler on moto's S3 server: real objects tagged and copied, failures classified."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

import boto3
import botocore.retries.standard
import pytest
from botocore.config import Config
from botocore.exceptions import EndpointConnectionError

from examples import batch_backfill
from s3types.batch import BatchTask, TemporaryFailure, parse_batch_job
from s3types.batch._failures import THROTTLING_ERROR_CODES, TRANSIENT_ERROR_CODES, is_temporary
from s3types.testing import LocalLambdaContext, make_batch_job, make_event, via_sqs
from s3types_lambda import LambdaContext, s3_batch_handler

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types.testing import LocalS3Server

pytestmark = pytest.mark.server

CONTEXT = LocalLambdaContext(function_name="backfill", remaining_millis=60_000)


@pytest.fixture(autouse=True)
def _example_uses_the_local_server(
    monkeypatch: pytest.MonkeyPatch, s3_server: LocalS3Server
) -> None:
    monkeypatch.setattr(batch_backfill, "s3", s3_server.s3_client)


def _tags(s3: S3Client, bucket: str, key: str, version_id: str | None = None) -> dict[str, str]:
    extra = {"VersionId": version_id} if version_id else {}
    found = s3.get_object_tagging(Bucket=bucket, Key=key, **extra)["TagSet"]  # type: ignore[arg-type]
    return {tag["Key"]: tag["Value"] for tag in found}


def test_backfill_tags_the_listed_objects_and_keeps_their_tags(s3: S3Client, bucket: str) -> None:
    keys = ["photos/red flower+1.jpg", "photos/ä b%.jpg"]
    for key in keys:
        s3.put_object(Bucket=bucket, Key=key, Body=b"jpeg", Tagging="owner=ana")
    job = make_batch_job(bucket=bucket, keys=keys, user_arguments={"label": "v3"})
    assert job["tasks"][0]["s3Key"] == "photos/red+flower%2B1.jpg"  # encoded, as S3 sends it
    response = batch_backfill.backfill(job, CONTEXT)
    assert [r["resultCode"] for r in response["results"]] == ["Succeeded", "Succeeded"]
    assert response["results"][0]["resultString"] == (
        f"labelled s3://{bucket}/photos/red flower+1.jpg pipeline=v3"
    )
    for key in keys:
        assert _tags(s3, bucket, key) == {"owner": "ana", "pipeline": "v3"}


def test_backfill_works_on_the_version_the_task_names(s3: S3Client, bucket: str) -> None:
    old = s3.put_object(Bucket=bucket, Key="photos/a.jpg", Body=b"old")["VersionId"]
    new = s3.put_object(Bucket=bucket, Key="photos/a.jpg", Body=b"new")["VersionId"]
    job = make_batch_job(objects=[(bucket, "photos/a.jpg", old)], schema_version="1.0")
    response = batch_backfill.backfill(job, CONTEXT)
    assert response["results"][0]["resultCode"] == "Succeeded"
    assert _tags(s3, bucket, "photos/a.jpg", old) == {"pipeline": "v2"}
    assert _tags(s3, bucket, "photos/a.jpg", new) == {}


def test_backfill_copies_when_user_arguments_say_so(s3: S3Client, bucket: str) -> None:
    archive = f"archive-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=archive)
    s3.put_object(Bucket=bucket, Key="photos/x y.jpg", Body=b"jpeg bytes")
    job = make_batch_job(bucket=bucket, keys=["photos/x y.jpg"], user_arguments={"copyTo": archive})
    response = batch_backfill.backfill(job, CONTEXT)
    assert response["results"][0]["resultString"].endswith(
        f"copied to s3://{archive}/photos/x y.jpg"
    )
    copied = s3.get_object(Bucket=archive, Key="photos/x y.jpg")
    assert copied["Body"].read() == b"jpeg bytes"
    assert _tags(s3, archive, "photos/x y.jpg") == {"pipeline": "v2"}


def test_live_and_backfill_give_the_same_result(s3: S3Client, bucket: str) -> None:
    s3.put_object(Bucket=bucket, Key="photos/live.jpg", Body=b"1", Tagging="owner=bo")
    s3.put_object(Bucket=bucket, Key="photos/old.jpg", Body=b"2", Tagging="owner=bo")
    live = via_sqs(make_event(bucket=bucket, key="photos/live.jpg", size=1))
    assert batch_backfill.on_upload(live, CONTEXT) == {"batchItemFailures": []}
    batch_backfill.backfill(make_batch_job(bucket=bucket, keys=["photos/old.jpg"]), CONTEXT)
    assert _tags(s3, bucket, "photos/live.jpg") == _tags(s3, bucket, "photos/old.jpg")


def test_a_missing_object_is_a_permanent_failure_logged_with_its_task_id(
    s3: S3Client, bucket: str, caplog: pytest.LogCaptureFixture
) -> None:
    s3.put_object(Bucket=bucket, Key="photos/here.jpg", Body=b"1")
    job = make_batch_job(bucket=bucket, keys=["photos/here.jpg", "photos/gone.jpg"])
    with caplog.at_level(logging.ERROR, logger="s3types_lambda"):
        response = batch_backfill.backfill(job, CONTEXT)
    codes = [r["resultCode"] for r in response["results"]]
    assert codes == ["Succeeded", "PermanentFailure"]
    assert response["results"][1]["resultString"].startswith("NoSuchKey: ")
    gone_task = job["tasks"][1]["taskId"]
    assert [r.getMessage() for r in caplog.records] == [
        f"S3 Batch Operations task {gone_task} (s3://{bucket}/photos/gone.jpg) failed:"
        " PermanentFailure"
    ]
    assert caplog.records[0].exc_info is not None


def test_every_task_failing_still_gives_a_valid_response(bucket: str) -> None:
    job = make_batch_job(bucket=bucket, keys=["photos/a.jpg", "photos/b.jpg"])
    response = batch_backfill.backfill(job, CONTEXT)
    assert response["invocationId"] == job["invocationId"]
    assert [r["taskId"] for r in response["results"]] == [t["taskId"] for t in job["tasks"]]
    assert {r["resultCode"] for r in response["results"]} == {"PermanentFailure"}


def test_temporary_failure_asks_s3_to_retry(bucket: str) -> None:
    job = make_batch_job(bucket=bucket, keys=["photos/a.jpg"])
    short = LocalLambdaContext(remaining_millis=500)
    result = batch_backfill.backfill(job, short)["results"][0]
    assert result == {
        "taskId": job["tasks"][0]["taskId"],
        "resultCode": "TemporaryFailure",
        "resultString": "less than a second left: S3 retries the task",
    }


# --- botocore's own errors, from a real client talking to a failing endpoint ----


class _FailingS3(BaseHTTPRequestHandler):
    """Answers every request with the S3 error in the path: /503/SlowDown/..."""

    def do_GET(self) -> None:
        _, status, code = self.path.split("/")[:3]
        body = (
            f"<?xml version='1.0' encoding='UTF-8'?><Error><Code>{code}</Code>"
            f"<Message>{code} from the test endpoint</Message></Error>"
        ).encode()
        self.send_response(int(status))
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def failing_s3() -> Iterator[S3Client]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FailingS3)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    client = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{server.server_address[1]}",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(
            retries={"max_attempts": 1, "mode": "standard"}, s3={"addressing_style": "path"}
        ),
    )
    yield client
    client.close()
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (503, "SlowDown", "TemporaryFailure"),
        (400, "RequestTimeout", "TemporaryFailure"),
        (500, "InternalError", "TemporaryFailure"),
        (503, "ServiceUnavailable", "TemporaryFailure"),
        (403, "AccessDenied", "PermanentFailure"),
        (400, "InvalidRequest", "PermanentFailure"),
    ],
)
def test_botocore_errors_are_classified(
    failing_s3: S3Client, status: int, code: str, expected: str
) -> None:
    @s3_batch_handler
    def read(task: BatchTask, context: LambdaContext) -> str:
        failing_s3.get_object(Bucket=str(status), Key=f"{code}/{task.key}")
        return "read"

    result = read(make_batch_job(bucket="b", keys=["k"]), CONTEXT)["results"][0]
    assert result["resultCode"] == expected
    assert (
        f"An error occurred ({code}) when calling the GetObject operation" in result["resultString"]
    )


def test_a_connection_error_is_temporary() -> None:
    client = boto3.client(
        "s3",
        endpoint_url="http://127.0.0.1:9",  # the discard port: nothing listens there
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"max_attempts": 1}, connect_timeout=1),
    )
    with pytest.raises(EndpointConnectionError) as caught:
        client.head_bucket(Bucket="b")
    assert is_temporary(caught.value)


def test_our_error_codes_include_botocores() -> None:
    # Private in botocore: read by name, so a rename fails here, loudly.
    standard: Any = botocore.retries.standard
    throttled: list[str] = standard.ThrottledRetryableChecker._THROTTLED_ERROR_CODES
    transient: list[str] = standard.TransientRetryableChecker._TRANSIENT_ERROR_CODES
    assert set(throttled) <= THROTTLING_ERROR_CODES
    assert set(transient) <= TRANSIENT_ERROR_CODES


def test_an_exception_that_only_looks_like_botocores_is_permanent() -> None:
    class Lookalike(Exception):
        response = {"Error": {"Code": "SlowDown"}}  # noqa: RUF012

    assert not is_temporary(Lookalike())
    assert is_temporary(TemporaryFailure("x"))


def test_non_str_return_values_are_permanent_failures() -> None:
    # Not "42" as a success: more in tests/batch/test_task_outcome.py.
    @s3_batch_handler
    def count(task: BatchTask, context: LambdaContext) -> str | None:
        return 42  # type: ignore[return-value]

    result = count(make_batch_job(bucket="b", keys=["k"]), CONTEXT)["results"][0]
    assert result["resultCode"] == "PermanentFailure"
    assert result["resultString"].startswith("the task function returned 42 (int)")


def test_task_functions_see_the_jobs_user_arguments() -> None:
    seen: list[dict[str, str]] = []

    @s3_batch_handler
    def look(task: BatchTask, context: LambdaContext) -> None:
        seen.append(dict(task.user_arguments))

    look(make_batch_job(bucket="b", keys=["k"], user_arguments={"label": "v9"}), CONTEXT)
    assert seen == [{"label": "v9"}]


def test_an_input_that_is_not_a_job_raises() -> None:
    from s3types import S3EventError

    @s3_batch_handler
    def never(task: BatchTask, context: LambdaContext) -> None:
        raise AssertionError("must not run")

    with pytest.raises(S3EventError, match="parse_event"):
        never(make_event(bucket="b", key="k"), CONTEXT)


def test_parse_batch_job_result_feeds_response() -> None:
    job = parse_batch_job(make_batch_job(bucket="b", keys=["k"]))
    assert job.response([job.tasks[0].temporary_failure("later")])["results"][0]["resultCode"] == (
        "TemporaryFailure"
    )
