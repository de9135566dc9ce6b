"""``s3types demo`` end to end: on the embedded server, against a named store, and when it fails."""

from __future__ import annotations

import subprocess
import sys
import uuid
from typing import TYPE_CHECKING

import pytest

from s3types._cli import main
from s3types._cli.demo.plan import PHASES, remaining_keys
from s3types.testing import encode_key

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient

    from s3types.testing import LocalS3Server

HARD_KEYS = [
    "incoming/red flower+1.jpg",
    "incoming/café/ünïcødé 🎉.txt",
    "incoming/a/b/c/d.txt",
    "incoming/100%=done&more.txt",
]


@pytest.fixture
def store(s3_server: LocalS3Server, monkeypatch: pytest.MonkeyPatch) -> LocalS3Server:
    """The local server as a store named by --endpoint-url, reached with the user's credentials."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    return s3_server


def test_demo_handles_every_notification_on_the_embedded_server(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["demo"])

    out = capsys.readouterr().out
    assert code == 0, out
    assert "ok: all 7 notifications received and handled" in out
    assert "s3:TestEvent" in out
    assert "skipped: a test event has no records" in out
    for key in HARD_KEYS:
        assert f"wrote derived/{key.removeprefix('incoming/')}.json" in out
        assert f"sent as {encode_key(key).replace('/', '%2F')}" in out
    assert "removed derived/100%=done&more.txt.json" in out
    assert "removed derived/copies/red flower+1 (copy).jpg.json" in out
    assert "waiting for notifications: 5/5" in out
    assert "check: derived/ holds 3 summaries, as expected" in out
    assert "check: the queue holds 0 messages" in out


def test_demo_runs_as_a_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "s3types", "demo"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "incoming/café/ünïcødé 🎉.txt" in result.stdout
    assert "ok: all 7 notifications" in result.stdout


def test_demo_fails_when_notifications_do_not_arrive_in_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["demo", "--timeout", "0"])

    out = capsys.readouterr().out
    assert code == 1
    assert "FAILED:" in out
    assert "no s3:TestEvent reached the queue within 0 s" in out
    assert "no ObjectCreated:Put notification for 'incoming/red flower+1.jpg' within 0 s" in out
    assert "'derived/a/b/c/d.txt.json' should exist but does not" in out
    assert "messages are still in the queue" in out
    assert "ok: all" not in out


def test_demo_against_a_named_store_creates_and_removes_its_bucket(
    store: LocalS3Server, capsys: pytest.CaptureFixture[str]
) -> None:
    bucket = f"demo-{uuid.uuid4().hex[:12]}"

    code = main(["demo", "--endpoint-url", store.endpoint_url, "--bucket", bucket])

    out = capsys.readouterr().out
    assert code == 0, out
    assert f"using {store.endpoint_url} (region us-east-1)" in out
    names = [b["Name"] for b in store.s3_client().list_buckets()["Buckets"]]
    assert bucket not in names
    queues = store.sqs_client().list_queues(QueueNamePrefix=bucket).get("QueueUrls", [])
    assert queues == []


def test_demo_on_an_existing_bucket_keeps_its_objects_and_notification(
    store: LocalS3Server, capsys: pytest.CaptureFixture[str]
) -> None:
    s3, sqs = store.s3_client(), store.sqs_client()
    bucket = f"demo-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="keep/me.txt", Body=b"mine")
    theirs = _queue_notification(s3, sqs, bucket, prefix="other/")

    code = main(["demo", "--endpoint-url", store.endpoint_url, "--bucket", bucket])

    out = capsys.readouterr().out
    assert code == 0, out
    listed = s3.list_objects_v2(Bucket=bucket).get("Contents", [])
    assert [o["Key"] for o in listed] == ["keep/me.txt"]
    configuration = s3.get_bucket_notification_configuration(Bucket=bucket)
    assert configuration.get("QueueConfigurations") == theirs


def test_demo_refuses_a_bucket_with_objects_where_it_writes(
    store: LocalS3Server, capsys: pytest.CaptureFixture[str]
) -> None:
    s3 = store.s3_client()
    bucket = f"demo-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="incoming/precious.txt", Body=b"do not touch")

    code = main(["demo", "--endpoint-url", store.endpoint_url, "--bucket", bucket])

    err = capsys.readouterr().err
    assert code == 2
    assert f"bucket {bucket!r} already holds objects under 'incoming/'" in err
    assert s3.get_object(Bucket=bucket, Key="incoming/precious.txt")["Body"].read() == (
        b"do not touch"
    )


def test_demo_names_the_extra_when_boto3_and_moto_are_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A None entry in sys.modules is how Python marks a module as not importable.
    monkeypatch.setitem(sys.modules, "boto3", None)
    monkeypatch.setitem(sys.modules, "moto", None)

    code = main(["demo"])

    err = capsys.readouterr().err
    assert code == 2
    assert "needs boto3 and moto" in err
    assert "pip install 's3types[server]'" in err


def test_demo_plan_covers_puts_copies_and_deletes() -> None:
    actions = [step.action for phase in PHASES for step in phase.steps]

    assert sorted(set(actions)) == ["copy", "delete", "put"]
    assert remaining_keys() == sorted(HARD_KEYS[:3])


def _queue_notification(
    s3: S3Client, sqs: SQSClient, bucket: str, *, prefix: str
) -> list[dict[str, object]]:
    queue_url = sqs.create_queue(QueueName=f"{bucket}-theirs")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
    configuration: list[dict[str, object]] = [
        {
            "Id": "theirs",
            "QueueArn": arn["Attributes"]["QueueArn"],
            "Events": ["s3:ObjectCreated:*"],
            "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": prefix}]}},
        }
    ]
    s3.put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration={"QueueConfigurations": configuration},  # type: ignore[typeddict-item]
    )
    return configuration
