"""``s3types invoke`` keeps Lambda's contract: stdout is the result alone, exits say why."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from s3types.testing import make_event, via_sqs
from tests.cli.handler_modules import write_handlers

HANDLERS = """
import decimal
import logging
import subprocess
import sys
import time

from aws_lambda_powertools import Logger

from s3types import S3EventRecord
from s3types_lambda import s3_record_handler

logger = Logger(service="contract")


def noisy(event, context):
    print("print from the handler")
    logging.getLogger("handler").warning("logging from the handler")
    logger.info("powertools from the handler")
    subprocess.run([sys.executable, "-c", "print('subprocess output')"], check=True)
    return {"ok": True}


def deep(event, context):
    result = []
    for _ in range(5000):
        result = [result]
    return result


def exits(event, context):
    raise SystemExit(7)


def priced(event, context):
    return {"price": decimal.Decimal("9.99"), "count": decimal.Decimal("3")}


def slow(event, context):
    try:
        time.sleep(30)
    except Exception:
        return "caught"
    return "finished"


@s3_record_handler()
def per_record(record: S3EventRecord, context) -> None:
    if record.key.startswith("fail"):
        raise ValueError("cannot handle " + record.key)
"""


@pytest.fixture
def handlers(tmp_path: Path) -> Path:
    return write_handlers(tmp_path, HANDLERS, "contract_handlers")


def _invoke(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "s3types", "invoke", *argv],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_stdout_holds_the_result_alone_whatever_the_handler_writes(handlers: Path) -> None:
    shown = _invoke(f"{handlers}:noisy")

    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == {"ok": True}
    err = shown.stderr.decode()
    for line in ("print from the handler", "logging from the handler", "subprocess output"):
        assert line in err
    assert "powertools from the handler" in err


def test_a_result_nested_too_deep_gives_a_marshal_error_not_a_traceback(handlers: Path) -> None:
    shown = _invoke(f"{handlers}:deep")

    assert shown.returncode == 1
    assert shown.stdout == b""
    assert b"nested too deep" in shown.stderr
    assert b"Runtime.MarshalError" in shown.stderr
    assert b"Traceback" not in shown.stderr


def test_system_exit_in_the_handler_exits_with_its_status_and_says_so(handlers: Path) -> None:
    shown = _invoke(f"{handlers}:exits")

    assert shown.returncode == 7
    assert shown.stdout == b""
    assert b"SystemExit(7)" in shown.stderr
    assert b"Runtime.ExitError" in shown.stderr


def test_a_decimal_result_is_a_number_as_the_lambda_runtime_encodes_it(handlers: Path) -> None:
    shown = _invoke(f"{handlers}:priced")

    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == {"price": 9.99, "count": 3.0}


def test_a_handler_past_the_timeout_is_stopped_and_exits_non_zero(handlers: Path) -> None:
    shown = _invoke(f"{handlers}:slow", "--timeout", "0.5")

    assert shown.returncode == 124
    assert shown.stdout == b""
    assert b"Task timed out after 0.50 seconds" in shown.stderr


def test_an_sqs_batch_with_one_bad_message_reaches_the_handler_whole(
    handlers: Path, tmp_path: Path
) -> None:
    batch = via_sqs(make_event(bucket="b", key="ok.txt"), make_event(bucket="b", key="fail.txt"))
    bad = dict(batch["Records"][0], messageId="not-s3", body='{"hello": "world"}')
    event = {"Records": [*batch["Records"], bad]}
    event_file = tmp_path / "batch.json"
    event_file.write_text(json.dumps(event), encoding="utf-8")

    shown = _invoke(f"{handlers}:per_record", "--event", str(event_file))

    assert shown.returncode == 0, shown.stderr
    failures = json.loads(shown.stdout)["batchItemFailures"]
    assert {f["itemIdentifier"] for f in failures} == {batch["Records"][1]["messageId"], "not-s3"}
    assert b"Records[2] (message not-s3) is not an S3 notification" in shown.stderr


def test_invoke_reads_the_event_with_a_bound(handlers: Path) -> None:
    shown = _invoke(f"{handlers}:priced", "--event", "-", "--max-bytes", "100", stdin=b" " * 101)

    assert shown.returncode == 1
    assert b"holds more than 100 bytes" in shown.stderr


def test_invoke_runs_the_handler_on_the_test_event(handlers: Path) -> None:
    shown = _invoke(f"{handlers}:per_record", "--name", "test", "--via", "sqs")

    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == {"batchItemFailures": []}


def test_invoke_help_names_the_bound_and_the_timeout_status() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "s3types", "invoke", "--help"], capture_output=True, check=False
    )
    text = " ".join(shown.stdout.decode().split())
    assert "--max-bytes" in text
    assert "6 MB" in text
    assert "exit 124" in text
