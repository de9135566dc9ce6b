"""`s3types event batch|object-lambda` and `s3types invoke` on them, run as a user runs them."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from s3types.batch import parse_batch_job
from tests.cli.cli_process import run_cli_text

if TYPE_CHECKING:
    from s3types.testing import LocalS3Server


def test_event_batch_makes_a_job_from_bucket_and_key() -> None:
    made = run_cli_text(
        "event", "batch", "--bucket", "photos", "--key", "a b+c.jpg", "--version-id", "v1"
    )
    assert made.returncode == 0, made.stderr
    task = parse_batch_job(made.stdout).tasks[0]
    assert (task.bucket_name, task.key, task.raw_key, task.version_id) == (
        "photos",
        "a b+c.jpg",
        "a+b%2Bc.jpg",
        "v1",
    )


def test_event_batch_schema_1_0_names_the_bucket_arn() -> None:
    made = run_cli_text("event", "batch", "--bucket", "photos", "--schema-version", "1.0")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["tasks"][0]["s3BucketArn"] == "arn:aws:s3:::photos"


def test_event_batch_from_a_manifest_decodes_its_keys(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("photos,2024/red+flower%2B1.jpg\n\nphotos,b%C3%A4.jpg,3HL4k\narchive,x,\n")
    made = run_cli_text(
        "event", "batch", "--manifest-csv", str(manifest), "--user-argument", "label=v3"
    )
    assert made.returncode == 0, made.stderr
    job = parse_batch_job(made.stdout)
    assert [(t.bucket_name, t.key, t.version_id) for t in job.tasks] == [
        ("photos", "2024/red flower+1.jpg", None),
        ("photos", "bä.jpg", "3HL4k"),
        ("archive", "x", None),
    ]
    assert dict(job.user_arguments) == {"label": "v3"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("photos\n", "manifest.csv:1: expected bucket,key or bucket,key,version_id"),
        ("photos,a,b,c\n", "got 4 field(s)"),
        ("\n\n", "lists no objects"),
        ("b," + "%41" * 1100 + "\n", "S3 keys are at most 1024 bytes"),
    ],
)
def test_a_bad_manifest_says_which_line(tmp_path: Path, content: str, message: str) -> None:
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(content)
    made = run_cli_text("event", "batch", "--manifest-csv", str(manifest))
    assert made.returncode == 2
    assert message in made.stderr
    assert "Traceback" not in made.stderr


def test_a_missing_manifest_is_named(tmp_path: Path) -> None:
    made = run_cli_text("event", "batch", "--manifest-csv", str(tmp_path / "nope.csv"))
    assert made.returncode == 2
    assert "cannot read the manifest" in made.stderr


def test_user_arguments_need_schema_2_0() -> None:
    made = run_cli_text("event", "batch", "--schema-version", "1.0", "--user-argument", "a=b")
    assert made.returncode == 2
    assert "needs --schema-version 2.0" in made.stderr


def test_a_user_argument_must_be_key_equals_value() -> None:
    made = run_cli_text("event", "batch", "--user-argument", "novalue")
    assert made.returncode == 2
    assert "KEY=VALUE" in made.stderr


@pytest.mark.server
def test_a_backfill_tried_locally_from_a_manifest(tmp_path: Path, s3_server: LocalS3Server) -> None:
    s3 = s3_server.s3_client()
    bucket = f"backfill-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="photos/red flower.jpg", Body=b"1")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f"{bucket},photos/red+flower.jpg\n{bucket},photos/missing.jpg\n")
    job_file = tmp_path / "job.json"
    made = run_cli_text(
        "event", "batch", "--manifest-csv", str(manifest), "--user-argument", "label=v3"
    )
    assert made.returncode == 0, made.stderr
    job_file.write_text(made.stdout)
    env = dict(
        os.environ,
        AWS_ENDPOINT_URL=s3_server.endpoint_url,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
    )
    ran = run_cli_text(
        "invoke",
        "examples/batch_backfill.py:backfill",
        "--event",
        str(job_file),
        "--timeout",
        "30",
        env=env,
    )
    assert ran.returncode == 0, ran.stderr
    results = json.loads(ran.stdout)["results"]
    assert [r["resultCode"] for r in results] == ["Succeeded", "PermanentFailure"]
    assert results[1]["resultString"].startswith("NoSuchKey")
    tags = s3.get_object_tagging(Bucket=bucket, Key="photos/red flower.jpg")["TagSet"]
    assert tags == [{"Key": "pipeline", "Value": "v3"}]
    assert "S3 Batch Operations task dGFzay0y" in ran.stderr


def test_invoke_rejects_a_broken_job_with_the_field_path(tmp_path: Path) -> None:
    made = run_cli_text("event", "batch", "--bucket", "b")
    job = json.loads(made.stdout)
    del job["tasks"][0]["taskId"]
    job_file = tmp_path / "job.json"
    job_file.write_text(json.dumps(job))
    ran = run_cli_text("invoke", "examples/batch_backfill.py:backfill", "--event", str(job_file))
    assert ran.returncode == 1
    assert "not a valid batch invocation" in ran.stderr
    assert "tasks[0].taskId: required field is missing" in ran.stderr
