"""``s3types invoke``: the examples run locally, and failures say what went wrong."""

from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from s3types._cli import main
from s3types.testing import LocalLambdaContext, make_event
from s3types_lambda import LambdaContext
from tests.cli.handler_modules import imports_restored, write_handlers

if TYPE_CHECKING:
    from collections.abc import Iterator

    from s3types.testing import LocalS3Server

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

HANDLERS = """
from s3types import parse_event


def keys(event, context):
    print("handling", context.function_name, context.aws_request_id)
    return {
        "keys": [r.key for r in parse_event(event).records],
        "deliveries": [r.origin.service for r in parse_event(event).records],
        "memory": context.memory_limit_in_mb,
        "arn": context.invoked_function_arn,
        "log_group": context.log_group_name,
        "stream": context.log_stream_name,
        "remaining_ok": 0 < context.get_remaining_time_in_millis() <= 3000,
    }


def broken(event, context):
    raise ValueError("cannot make a thumbnail of " + parse_event(event).records[0].key)


def chained(event, context):
    try:
        raise ConnectionRefusedError("no route to the Object Lambda endpoint")
    except OSError as err:
        raise RuntimeError("Need to rewind the stream") from err


def chatty(event, context):
    import logging
    logging.getLogger("botocore.credentials").info("Found credentials somewhere")
    logging.getLogger("botocore.credentials").warning("credentials expire soon")
    logging.getLogger(__name__).info("the handler's own record")
    return None


def unserializable(event, context):
    return {"when": object()}

NOT_A_FUNCTION = 42
"""


@pytest.fixture(autouse=True)
def _restore_imports() -> Iterator[None]:
    with imports_restored():
        yield


@pytest.fixture
def handlers(tmp_path: Path) -> Path:
    return write_handlers(tmp_path, HANDLERS)


def _invoke(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["invoke", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_made_event_reaches_the_handler_with_its_key_decoded(
    handlers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _invoke(
        capsys, f"{handlers}:keys", "--key", "red flower+ä.jpg", "--via", "sqs", "--memory", "512"
    )

    assert code == 0, err
    result = json.loads(out)
    assert result["keys"] == ["red flower+ä.jpg"]
    assert result["deliveries"] == ["sqs"]
    assert result["memory"] == "512"
    assert result["arn"] == "arn:aws:lambda:us-east-1:123456789012:function:keys"
    assert result["log_group"] == "/aws/lambda/keys"
    assert "[$LATEST]" in result["stream"]
    assert result["remaining_ok"] is True
    assert "handling keys" in err  # the handler's prints go to stderr, the result to stdout


def test_a_module_name_is_imported_from_the_current_folder(
    handlers: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(handlers.parent)

    code, out, _ = _invoke(capsys, f"{handlers.stem}:keys", "--via", "eventbridge")

    assert code == 0
    assert json.loads(out)["deliveries"] == ["eventbridge"]


def test_an_event_file_is_read_and_wrapped(
    handlers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["event", "delete", "--bucket", "b", "--key", "100%=done&more.txt"]) == 0
    event_file = tmp_path / "event.json"
    event_file.write_text(capsys.readouterr().out, encoding="utf-8")

    code, out, _ = _invoke(capsys, f"{handlers}:keys", "--event", str(event_file), "--via", "sns")

    assert code == 0
    assert json.loads(out)["keys"] == ["100%=done&more.txt"]
    assert json.loads(out)["deliveries"] == ["sns"]


def test_a_raising_handler_exits_1_without_a_traceback(
    handlers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _invoke(capsys, f"{handlers}:broken", "--key", "a b.png")

    assert code == 1
    assert out == ""
    assert "the handler raised ValueError: cannot make a thumbnail of a b.png" in err
    assert "Traceback" not in err
    assert "--traceback" in err


def test_a_chained_error_names_its_first_cause_in_the_same_line(
    handlers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _invoke(capsys, f"{handlers}:chained")

    assert code == 1
    [line] = [line for line in err.splitlines() if "the handler raised" in line]
    assert line.endswith(
        "RuntimeError: Need to rewind the stream (caused by ConnectionRefusedError:"
        " no route to the Object Lambda endpoint)"
    )


def test_installed_libraries_log_from_warning_unless_asked(
    handlers: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import logging

    import botocore

    # The record's logger must belong to an installed library, as botocore does.
    monkeypatch.setitem(sys.modules, "botocore", botocore)
    seen = logging.Handler()
    records: list[str] = []
    seen.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [seen])
    monkeypatch.setattr(root, "level", logging.WARNING)

    assert _invoke(capsys, f"{handlers}:chatty", "--log-level", "INFO")[0] == 0
    quiet = list(records)
    records.clear()
    assert _invoke(capsys, f"{handlers}:chatty", "--log-level", "INFO", "--log-level-all")[0] == 0

    assert quiet == ["credentials expire soon", "the handler's own record"]
    assert records == [
        "Found credentials somewhere",
        "credentials expire soon",
        "the handler's own record",
    ]


def test_traceback_shows_where_the_handler_raised(
    handlers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _invoke(capsys, f"{handlers}:broken", "--traceback")

    assert code == 1
    assert "Traceback (most recent call last)" in err
    assert f'File "{handlers}", line' in err


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("no_colon_here", "does not name a handler: write module:function"),
        ("missing_module_xyz:handler", "cannot import module 'missing_module_xyz'"),
        ("does/not/exist.py:handler", "no such file: does/not/exist.py"),
        ("{handlers}:nope", "has no attribute 'nope'; its functions: broken, chained, chatty"),
        ("{handlers}:NOT_A_FUNCTION", "is a int, not a function"),
        ("{handlers}:unserializable", "not JSON-serializable"),
    ],
)
def test_a_bad_handler_exits_1_with_the_reason(
    handlers: Path, capsys: pytest.CaptureFixture[str], target: str, message: str
) -> None:
    code, out, err = _invoke(capsys, target.format(handlers=handlers))

    assert code == 1
    assert out == ""
    assert message in err


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('{"Records": [{"eventSource": "aws:dynamodb"}]}', "not a valid S3 event"),
        ('{"Records": [{"eventSource": "aws:s3"}]}', "required field is missing"),
    ],
)
def test_a_bad_event_exits_1_with_the_reason(
    handlers: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    event: str,
    message: str,
) -> None:
    event_file = tmp_path / "event.json"
    event_file.write_text(event, encoding="utf-8")

    code, _, err = _invoke(capsys, f"{handlers}:keys", "--event", str(event_file))

    assert code == 1
    assert message in err
    assert "Traceback" not in err


def test_via_refuses_an_event_that_is_already_delivered(
    handlers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["event", "--via", "sqs"]) == 0
    event_file = tmp_path / "sqs.json"
    event_file.write_text(capsys.readouterr().out, encoding="utf-8")

    code, _, err = _invoke(capsys, f"{handlers}:keys", "--event", str(event_file), "--via", "sns")

    assert code == 1
    assert "already an SQS or SNS delivery: drop --via sns" in err


def test_the_demo_function_example_runs_on_the_local_server(
    s3_server: LocalS3Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    s3 = s3_server.s3_client()
    bucket = f"invoke-{uuid.uuid4().hex[:12]}"
    key = "incoming/red flower+1.jpg"
    s3.create_bucket(Bucket=bucket)
    etag = s3.put_object(Bucket=bucket, Key=key, Body=b"jpeg")["ETag"].strip('"')
    event_file = tmp_path / "upload.json"
    event_file.write_text(json.dumps(make_event(bucket=bucket, key=key, size=4, etag=etag)))
    # The function makes its own client, as in Lambda: point it at the local server.
    monkeypatch.setenv("AWS_ENDPOINT_URL_S3", s3_server.endpoint_url)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")

    code, out, err = _invoke(
        capsys,
        f"{EXAMPLES / 'demo_function.py'}:handler",
        "--event",
        str(event_file),
        "--via",
        "sqs",
    )

    assert code == 0, err
    assert json.loads(out) == {"batchItemFailures": []}
    derived = s3.get_object(Bucket=bucket, Key="derived/red flower+1.jpg.json")
    assert json.loads(derived["Body"].read())["key"] == key


def test_the_local_context_satisfies_the_lambda_context_protocol() -> None:
    context: LambdaContext = LocalLambdaContext(function_name="f", timeout_seconds=1)

    assert context.function_name == "f"
    assert context.function_version == "$LATEST"
    assert 0 <= context.get_remaining_time_in_millis() <= 1000
