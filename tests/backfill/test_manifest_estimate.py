"""CSV manifests (keys URL-encoded), the retry order, and estimates from a listing (moto)."""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from s3types._values import decode_key
from s3types.backfill import (
    BackfillError,
    ManifestObject,
    estimate_backfill,
    plan_backfill,
    retry_objects,
    write_manifest,
)
from s3types.backfill._manifest import encode_manifest
from s3types.batch import BatchResultCode
from s3types.triggers import Trigger
from tests.backfill.control_endpoint import FUNCTION_ARN, ROLE_ARN

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types.testing._server import LocalS3Server

HARD_KEYS = ["raw/red flower.jpg", "raw/a+b,c\"d'.jpg", "raw/ünï/日本.jpg", "raw/line\nbreak.jpg"]


@pytest.fixture
def s3(s3_server: LocalS3Server) -> S3Client:
    """An S3 client on the local server."""
    return s3_server.s3_client()


def _bucket(s3: S3Client) -> str:
    name = f"backfill-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name)
    return name


@settings(max_examples=50)
@given(st.text(min_size=1, max_size=40))
def test_every_key_survives_the_manifest(key: str) -> None:
    text, rows, versions = encode_manifest([ManifestObject("photos", key, "v1")])
    [row] = list(csv.reader(io.StringIO(text)))
    assert (rows, versions, len(row)) == (1, True, 3)
    assert row[0] == "photos" and decode_key(row[1]) == key and row[2] == "v1"
    assert "," not in row[1] and "\n" not in row[1] and " " not in row[1]


def test_the_version_column_is_all_or_none() -> None:
    text, _, versions = encode_manifest([ManifestObject("b", "k1"), ManifestObject("b", "k2", "v")])
    assert versions and text.splitlines() == ["b,k1,", "b,k2,v"]
    text, _, versions = encode_manifest([ManifestObject("b", "k 1")])
    assert not versions and text == "b,k+1\r\n"


def test_write_manifest_puts_the_csv_and_returns_its_etag(s3: S3Client) -> None:
    bucket = _bucket(s3)
    written = write_manifest(
        s3, f"s3://{bucket}/manifests/retry.csv", [ManifestObject("photos", k) for k in HARD_KEYS]
    )
    head = s3.head_object(Bucket=bucket, Key="manifests/retry.csv")
    assert written.etag == head["ETag"] and written.objects == len(HARD_KEYS)
    body = s3.get_object(Bucket=bucket, Key="manifests/retry.csv")["Body"].read().decode()
    assert [decode_key(row[1]) for row in csv.reader(io.StringIO(body))] == HARD_KEYS
    plan = plan_backfill(
        [Trigger("photos")],
        FUNCTION_ARN,
        role_arn=ROLE_ARN,
        report_uri=f"s3://{bucket}/reports/",
        manifest_uri=written.uri,
        manifest_etag=written.etag,
    )
    estimated = estimate_backfill(s3, plan)
    assert estimated.estimate is not None and estimated.estimate.objects == len(HARD_KEYS)


def test_write_manifest_refuses_a_directory_bucket_and_nothing(s3: S3Client) -> None:
    with pytest.raises(BackfillError, match="general purpose buckets only"):
        write_manifest(s3, "s3://photos--use1-az4--x-s3/m.csv", [ManifestObject("b", "k")])
    with pytest.raises(BackfillError, match="no objects"):
        write_manifest(s3, f"s3://{_bucket(s3)}/m.csv", [])


@dataclass(frozen=True)
class Outcome:
    """A report's task, as read_report gives it (the fields retry_objects reads)."""

    bucket_name: str
    key: str
    version_id: str | None
    result_code: BatchResultCode


def test_retry_takes_the_failed_tasks_temporary_first() -> None:
    outcomes = [
        Outcome("b", "perm-1", None, BatchResultCode.PERMANENT_FAILURE),
        Outcome("b", "ok", None, BatchResultCode.SUCCEEDED),
        Outcome("b", "temp-1", "v1", BatchResultCode.TEMPORARY_FAILURE),
        Outcome("b", "perm-2", None, BatchResultCode.PERMANENT_FAILURE),
        Outcome("b", "temp-2", None, BatchResultCode.TEMPORARY_FAILURE),
        Outcome("b", "temp-1", "v1", BatchResultCode.TEMPORARY_FAILURE),
    ]
    assert [o.key for o in retry_objects(outcomes)] == ["temp-1", "temp-2", "perm-1", "perm-2"]
    assert [o.key for o in retry_objects(outcomes, temporary_only=True)] == ["temp-1", "temp-2"]
    assert retry_objects(outcomes)[0] == ManifestObject("b", "temp-1", "v1")


def test_the_estimate_applies_the_job_filter_to_a_listing(s3: S3Client) -> None:
    bucket = _bucket(s3)
    for key, size in [
        ("a/1.jpg", 10),
        ("a/2.jpg", 20),
        ("a/3.png", 40),  # in the superset, not a trigger's
        ("b/4.png", 80),
        ("b/5.jpg", 160),  # in the superset, not a trigger's
        ("c/6.jpg", 320),  # in the superset too: one prefix holds a/ and b/ (none)
        ("c/7.txt", 640),  # outside: the suffixes share "g"
        ("a/tiny.jpg", 1),  # too small
    ]:
        s3.put_object(Bucket=bucket, Key=key, Body=b"x" * size)
    triggers = [
        Trigger(bucket, prefix="a/", suffix=".jpg"),
        Trigger(bucket, prefix="b/", suffix=".png"),
    ]
    plan = plan_backfill(
        triggers,
        FUNCTION_ARN,
        role_arn=ROLE_ARN,
        report_uri=f"s3://{bucket}/reports/",
        created_before=datetime.now(timezone.utc) + timedelta(minutes=1),
        larger_than=5,
    )
    estimate = estimate_backfill(s3, plan).estimate
    assert estimate is not None
    assert (estimate.objects, estimate.bytes, estimate.handled) == (6, 630, 3)
    assert estimate.complete
    limited = estimate_backfill(s3, plan, limit=2).estimate
    assert limited is not None and not limited.complete and limited.objects == 2
    assert str(limited).startswith("at least 2 objects")
    fees = estimate_backfill(s3, plan).fees
    assert fees is not None and fees.objects == 6 and fees.total == pytest.approx(0.2500072)
    past = plan_backfill(
        triggers,
        FUNCTION_ARN,
        role_arn=ROLE_ARN,
        report_uri=f"s3://{bucket}/reports/",
        created_before=datetime.now(timezone.utc) - timedelta(days=1),
    )
    before = estimate_backfill(s3, past).estimate
    assert before is not None and before.objects == 0  # every object is newer: CreatedBefore
