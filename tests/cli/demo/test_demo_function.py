"""The example function the demo runs: summaries written, removed, and stale events skipped."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import s3types._cli.demo.function
from examples import demo_function
from s3types.testing import LocalLambdaContext, make_event, via_sqs

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types.testing import LocalS3Server

ROOT = Path(__file__).resolve().parents[3]
KEY = "incoming/café/ünïcødé 🎉.txt"


# --8<-- [start:server]
@pytest.fixture
def s3(s3_server: LocalS3Server) -> S3Client:
    return s3_server.s3_client()


@pytest.fixture
def bucket(s3: S3Client) -> str:
    name = f"demo-fn-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name)
    return name


# --8<-- [end:server]


def _created(s3: S3Client, bucket: str, key: str, body: bytes) -> dict[str, object]:
    etag = s3.put_object(Bucket=bucket, Key=key, Body=body)["ETag"].strip('"')
    return dict(via_sqs(make_event(bucket=bucket, key=key, size=len(body), etag=etag)))


def _summary(s3: S3Client, bucket: str, key: str) -> dict[str, object]:
    body = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    summary: dict[str, object] = json.loads(body)
    return summary


def _derived_keys(s3: S3Client, bucket: str) -> list[str]:
    listed = s3.list_objects_v2(Bucket=bucket, Prefix="derived/").get("Contents", [])
    return [o["Key"] for o in listed]


def test_the_example_is_the_packaged_function() -> None:
    """`s3types demo` (installed, without examples/) runs the very function the example shows."""
    assert demo_function.make_handler is s3types._cli.demo.function.make_handler
    assert demo_function.summarize is s3types._cli.demo.function.summarize
    assert demo_function.handler is s3types._cli.demo.function.handler


def test_an_upload_gets_a_summary_under_derived(s3: S3Client, bucket: str) -> None:
    handler = demo_function.make_handler(s3)

    response = handler(_created(s3, bucket, KEY, b"hello"), LocalLambdaContext())

    assert response == {"batchItemFailures": []}
    summary = _summary(s3, bucket, "derived/café/ünïcødé 🎉.txt.json")
    assert summary["key"] == KEY
    assert summary["size"] == 5
    assert summary["sha256"] == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"


def test_a_removal_removes_the_summary(s3: S3Client, bucket: str) -> None:
    handler = demo_function.make_handler(s3)
    handler(_created(s3, bucket, KEY, b"hello"), LocalLambdaContext())
    s3.delete_object(Bucket=bucket, Key=KEY)

    removed = via_sqs(make_event("ObjectRemoved:Delete", bucket=bucket, key=KEY))
    response = handler(removed, LocalLambdaContext())

    assert response == {"batchItemFailures": []}
    assert _derived_keys(s3, bucket) == []


def test_an_upload_deleted_before_its_notification_is_skipped(
    s3: S3Client, bucket: str, caplog: pytest.LogCaptureFixture
) -> None:
    event = _created(s3, bucket, KEY, b"hello")
    s3.delete_object(Bucket=bucket, Key=KEY)
    caplog.set_level("INFO", logger=demo_function.logger.name)

    response = demo_function.make_handler(s3)(event, LocalLambdaContext())

    assert response == {"batchItemFailures": []}
    assert _derived_keys(s3, bucket) == []
    assert f"skipped: {KEY} was overwritten or deleted since" in caplog.messages


def test_an_upload_overwritten_before_its_notification_is_skipped(
    s3: S3Client, bucket: str, caplog: pytest.LogCaptureFixture
) -> None:
    event = _created(s3, bucket, KEY, b"first")
    s3.put_object(Bucket=bucket, Key=KEY, Body=b"second")
    caplog.set_level("INFO", logger=demo_function.logger.name)

    demo_function.make_handler(s3)(event, LocalLambdaContext())

    assert _derived_keys(s3, bucket) == []
    assert f"skipped: {KEY} was overwritten or deleted since" in caplog.messages


def test_a_removal_delivered_after_a_new_upload_keeps_its_summary(
    s3: S3Client, bucket: str, caplog: pytest.LogCaptureFixture
) -> None:
    """put, delete, put: the delete's notification comes last and must not undo the last put."""
    handler = demo_function.make_handler(s3)
    s3.put_object(Bucket=bucket, Key=KEY, Body=b"first")
    s3.delete_object(Bucket=bucket, Key=KEY)
    handler(_created(s3, bucket, KEY, b"second"), LocalLambdaContext())
    caplog.set_level("INFO", logger=demo_function.logger.name)

    late = via_sqs(make_event("ObjectRemoved:Delete", bucket=bucket, key=KEY))
    response = handler(late, LocalLambdaContext())

    assert response == {"batchItemFailures": []}
    assert _summary(s3, bucket, "derived/café/ünïcødé 🎉.txt.json")["size"] == len(b"second")
    assert f"kept: {KEY} was uploaded again since" in caplog.messages


def test_a_removal_of_a_key_with_a_longer_neighbour_still_removes_the_summary(
    s3: S3Client, bucket: str
) -> None:
    handler = demo_function.make_handler(s3)
    handler(_created(s3, bucket, KEY, b"hello"), LocalLambdaContext())
    s3.put_object(Bucket=bucket, Key=KEY + ".bak", Body=b"x")  # listed under the same prefix
    s3.delete_object(Bucket=bucket, Key=KEY)

    handler(
        via_sqs(make_event("ObjectRemoved:Delete", bucket=bucket, key=KEY)), LocalLambdaContext()
    )

    assert _derived_keys(s3, bucket) == []


def test_its_own_summaries_do_not_trigger_it(s3: S3Client, bucket: str) -> None:
    s3.put_object(Bucket=bucket, Key="derived/x.json", Body=b"{}")
    event = via_sqs(make_event(bucket=bucket, key="derived/x.json"))

    response = demo_function.make_handler(s3)(event, LocalLambdaContext())

    assert response == {"batchItemFailures": []}
    assert _derived_keys(s3, bucket) == ["derived/x.json"]


def test_a_failing_record_is_reported_for_redelivery(s3: S3Client, bucket: str) -> None:
    etag = s3.put_object(Bucket=bucket, Key="incoming/ok.txt", Body=b"fine")["ETag"].strip('"')
    missing_bucket = f"gone-{uuid.uuid4().hex[:12]}"  # the GET fails: NoSuchBucket
    batch = via_sqs(
        make_event(bucket=bucket, key="incoming/ok.txt", etag=etag),
        make_event(bucket=missing_bucket, key="incoming/lost.txt"),
    )

    response = demo_function.make_handler(s3)(batch, LocalLambdaContext())

    failed = batch["Records"][1]["messageId"]
    assert response == {"batchItemFailures": [{"itemIdentifier": failed}]}
    assert _derived_keys(s3, bucket) == ["derived/ok.txt.json"]


def test_derived_key_keeps_the_path_below_incoming() -> None:
    assert demo_function.derived_key("incoming/a/b/c/d.txt") == "derived/a/b/c/d.txt.json"
