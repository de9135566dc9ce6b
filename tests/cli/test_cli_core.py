"""`s3types event` and `s3types parse`, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from s3types import parse_event
from tests.cli.cli_process import run_cli

EVENTS = Path(__file__).parent.parent / "events"


def test_event_piped_into_parse_shows_the_decoded_key() -> None:
    made = run_cli("event", "put", "--bucket", "b", "--key", "red flower+ä.jpg")
    assert made.returncode == 0, made.stderr
    wire = json.loads(made.stdout)
    assert wire["Records"][0]["s3"]["object"]["key"] == "red+flower%2B%C3%A4.jpg"
    shown = run_cli("parse", "-", stdin=made.stdout)
    assert shown.returncode == 0, shown.stderr
    assert "red flower+ä.jpg" in shown.stdout.decode()
    assert "ObjectCreated:Put" in shown.stdout.decode()


@pytest.mark.parametrize("via", ["sqs", "sns", "sqs-sns", "eventbridge"])
def test_event_via_services(via: str) -> None:
    made = run_cli(
        "event", "delete", "--bucket", "b", "--key", "x/y z", "--version-id", "v1", "--via", via
    )
    assert made.returncode == 0, made.stderr
    record = parse_event(made.stdout).records[0]
    assert (record.key, record.version_id, record.size) == ("x/y z", "v1", None)
    assert record.event_name == "ObjectRemoved:Delete"


def test_parse_json_output() -> None:
    made = run_cli("event", "copy", "--bucket", "b", "--key", "a+b", "--size", "5")
    shown = run_cli("parse", "--json", "-", stdin=made.stdout)
    assert shown.returncode == 0
    records = json.loads(shown.stdout)["records"]
    assert [(r["key"], r["raw_key"], r["size"]) for r in records] == [("a+b", "a%2Bb", 5)]


def test_parse_test_event_file() -> None:
    shown = run_cli("parse", str(EVENTS / "events" / "aws-docs" / "s3-test-event.json"))
    assert shown.returncode == 0
    assert "s3:TestEvent" in shown.stdout.decode()


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        (b'{"Records": [], "toto"}', "not valid JSON"),
        (b'{"httpMethod": "GET", "requestContext": {}}', "looks like: an API Gateway"),
        (
            (EVENTS / "negative/localstack/partial-record-minimal-fields.json").read_bytes(),
            "where: Records[0].eventVersion",
        ),
        (b"", "not valid JSON"),
        (b"\xff\xfe\x00", "not valid JSON"),
    ],
)
def test_parse_bad_input_exits_1_without_traceback(stdin: bytes, expected: str) -> None:
    shown = run_cli("parse", "-", stdin=stdin)
    assert shown.returncode == 1
    error = shown.stderr.decode()
    assert expected in error
    assert "Traceback" not in error


def test_parse_missing_file_exits_2() -> None:
    shown = run_cli("parse", "/nonexistent/event.json")
    assert shown.returncode == 2
    assert "cannot read" in shown.stderr.decode()


def test_event_rejects_unknown_name() -> None:
    shown = run_cli("event", "object created", "--bucket", "b", "--key", "k")
    assert shown.returncode == 2
    assert "is not an S3 event name" in shown.stderr.decode()


def test_parse_survives_a_terminal_that_cannot_show_the_key(tmp_path: Path) -> None:
    made = run_cli("event", "put", "--bucket", "b", "--key", "café 🎉.txt")
    event_file = tmp_path / "event.json"
    event_file.write_bytes(made.stdout)
    shown = subprocess.run(
        [sys.executable, "-m", "s3types", "parse", str(event_file)],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert shown.returncode == 0, shown.stderr
    assert b"Traceback" not in shown.stderr
    assert b"caf\\xe9 \\U0001f389.txt" in shown.stdout
