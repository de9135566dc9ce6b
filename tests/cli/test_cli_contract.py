"""``s3types event`` / ``parse`` / ``--version``: names checked, reads bounded, output safe."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from s3types import parse_event
from s3types.testing import make_event
from tests.cli.cli_process import run_cli


@pytest.mark.parametrize(
    ("name", "closest"),
    [
        ("ObjectCreated:Putt", "'ObjectCreated:Put'"),
        ("s3:objectcreate:copy", "'ObjectCreated:Copy'"),
        ("delet", "'delete'"),
    ],
)
def test_event_rejects_an_unknown_name_with_the_closest_valid_one(name: str, closest: str) -> None:
    shown = run_cli("event", name)

    assert shown.returncode == 2
    assert shown.stdout == b""
    assert f"did you mean {closest}?" in shown.stderr.decode()


def test_event_rejects_a_name_that_matches_nothing() -> None:
    shown = run_cli("event", "bogus")

    assert shown.returncode == 2
    assert "'bogus' is not an S3 event name" in shown.stderr.decode()


def test_event_rejects_the_test_event_as_an_event_type() -> None:
    shown = run_cli("event", "s3:TestEvent")

    assert shown.returncode == 2
    assert "use the name 'test'" in shown.stderr.decode()


@pytest.mark.parametrize("via", [None, "sqs", "sns", "sqs-sns"])
def test_event_test_prints_the_real_s3_test_event(via: str | None) -> None:
    shown = run_cli("event", "test", "--bucket", "photos", *(("--via", via) if via else ()))

    assert shown.returncode == 0, shown.stderr
    event = parse_event(shown.stdout)
    assert event.is_test_event
    assert event.records == ()
    if via is None:
        assert json.loads(shown.stdout)["Event"] == "s3:TestEvent"


def test_event_test_refuses_eventbridge() -> None:
    shown = run_cli("event", "test", "--via", "eventbridge")

    assert shown.returncode == 2
    assert b"no s3:TestEvent to EventBridge" in shown.stderr


def test_parse_escapes_bucket_names_and_version_ids_like_keys() -> None:
    event = make_event(bucket="b", key="k", version_id="v1")
    record = event["Records"][0]
    record["s3"]["bucket"]["name"] = "evil\x1b]0;owned\x07bucket"
    record["s3"]["object"]["versionId"] = "\x1b[2Jversion"

    shown = run_cli("parse", "-", stdin=json.dumps(event).encode())

    assert shown.returncode in (0, 1), shown.stderr
    assert b"\x1b" not in shown.stdout
    assert b"\x1b" not in shown.stderr
    if shown.returncode == 0:
        assert b"\\x1b[2Jversion" in shown.stdout


def test_parse_reads_with_a_bound() -> None:
    shown = run_cli("parse", "-", "--max-bytes", "64", stdin=b"{" + b" " * 100 + b"}")

    assert shown.returncode == 2
    assert b"holds more than 64 bytes" in shown.stderr


def test_parse_refuses_dev_zero_without_exhausting_memory() -> None:
    shown = run_cli("parse", "/dev/zero")

    assert shown.returncode == 2
    assert b"holds more than 6291456 bytes" in shown.stderr


def test_parse_help_names_the_bound() -> None:
    text = " ".join(run_cli("parse", "--help").stdout.decode().split())

    assert "--max-bytes" in text
    assert "6 MB payload limit" in text


def _into_closed_pipe(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head` that has already exited
    try:
        return subprocess.run(
            [sys.executable, "-m", "s3types", *args],
            input=stdin,
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)


def test_event_into_a_closed_pipe_gives_no_broken_pipe_traceback() -> None:
    shown = _into_closed_pipe("event", "put", "--via", "sqs-sns")

    assert shown.returncode == 1
    assert shown.stderr == b""


def test_parse_json_into_a_closed_pipe_gives_no_broken_pipe_traceback() -> None:
    event = make_event(bucket="b", key="k")
    event["Records"] = event["Records"] * 50
    shown = _into_closed_pipe("parse", "--json", "-", stdin=json.dumps(event).encode())

    assert shown.returncode == 1
    assert shown.stderr == b""


def test_version_prints_the_installed_version() -> None:
    from importlib.metadata import version

    shown = run_cli("--version")

    assert shown.returncode == 0
    assert shown.stdout.decode().strip() == f"s3types {version('s3types')}"


def test_parse_json_escapes_c1_controls_json_leaves_raw() -> None:
    event = make_event(bucket="b", key="k\x9b31mred")

    shown = run_cli("parse", "--json", "-", stdin=json.dumps(event).encode())

    assert shown.returncode == 0, shown.stderr
    assert "\x9b" not in shown.stdout.decode()
    assert json.loads(shown.stdout)["records"][0]["key"] == "k\x9b31mred"
