"""`s3types event object-lambda` piped into `s3types invoke` on the redaction example."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from s3types.object_lambda import parse_object_lambda_event
from tests.cli.cli_process import run_cli_text
from tests.object_lambda.object_lambda_endpoints import LINE, Origin, Recorder


def test_event_object_lambda_makes_each_operation() -> None:
    for operation in ("GetObject", "HeadObject", "ListObjects", "ListObjectsV2"):
        made = run_cli_text(
            "event", "object-lambda", "--operation", operation, "--key", "docs/a.txt"
        )
        assert made.returncode == 0, made.stderr
        event = parse_object_lambda_event(made.stdout)
        assert event.operation == operation
        assert event.input_s3_url.endswith("/docs/a.txt")


def test_event_object_lambda_passes_range_and_payload() -> None:
    made = run_cli_text(
        "event", "object-lambda", "--range", "bytes=0-9", "--payload", '{"mask": "#"}'
    )
    event = parse_object_lambda_event(made.stdout)
    assert event.user_request.header("Range") == "bytes=0-9"
    assert json.loads(event.configuration.payload) == {"mask": "#"}


def test_invoke_runs_the_redaction_example(
    tmp_path: Path, origin: Origin, recorder: Recorder
) -> None:
    made = run_cli_text("event", "object-lambda", "--input-url", origin.url(3 * len(LINE)))
    assert made.returncode == 0, made.stderr
    event_file = tmp_path / "request.json"
    event_file.write_text(made.stdout)
    env = dict(
        os.environ,
        HTTPS_PROXY=f"http://127.0.0.1:{recorder.port}",
        AWS_CA_BUNDLE=str(recorder.ca_file),
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
    )
    env.pop("AWS_ENDPOINT_URL", None)
    ran = run_cli_text(
        "invoke",
        "examples/object_lambda_redact.py:handler",
        "--event",
        str(event_file),
        "--timeout",
        "30",
        env=env,
    )
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout) == {"statusCode": 200}
    sent = recorder.requests[-1]
    assert sent.headers["x-amz-request-route"] == "io-use1-001"
    redacted = LINE.replace(b"4111-1111-1111-1111", b"****-****-****-****")
    assert sent.body_sha256 == hashlib.sha256(redacted * 3).hexdigest()


def test_invoke_rejects_a_broken_object_lambda_request(tmp_path: Path) -> None:
    made = run_cli_text("event", "object-lambda")
    event = json.loads(made.stdout)
    del event["userRequest"]
    event_file = tmp_path / "request.json"
    event_file.write_text(json.dumps(event))
    ran = run_cli_text(
        "invoke", "examples/object_lambda_redact.py:handler", "--event", str(event_file)
    )
    assert ran.returncode == 1
    assert "not a valid object-lambda invocation" in ran.stderr
    assert "userRequest: required field is missing" in ran.stderr
