"""`s3types event object-lambda` piped into `s3types invoke` on the redaction example.

invoke serves the original and S3's WriteGetObjectResponse on 127.0.0.1 and
prints what the caller of GetObject gets.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from s3types.object_lambda import parse_object_lambda_event
from tests.cli.cli_process import ROOT, run_cli_text
from tests.object_lambda.object_lambda_endpoints import LINE, Origin

REDACTED = LINE.replace(b"4111-1111-1111-1111", b"****-****-****-****")


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


def _readme_command() -> tuple[str, str]:
    """The README's Object Lambda command line and the output it shows."""
    text = (ROOT / "README.md").read_text("utf-8")
    found = re.search(
        r"```bash\n\s*(s3types event object-lambda [^\n]*\| s3types invoke [^\n]*)\n\s*```"
        r"\s*```json\n(.*?)\n\s*```",
        text,
        re.DOTALL,
    )
    assert found is not None, "README.md shows no `s3types event object-lambda | invoke` run"
    shown = "\n".join(line.removeprefix("  ") for line in found[2].splitlines())
    return found[1], shown


def _env() -> dict[str, str]:
    # The console script of this environment first on PATH; no AWS settings.
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def test_the_readme_command_prints_the_response_the_caller_gets() -> None:
    command, shown = _readme_command()

    ran = subprocess.run(
        command, shell=True, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=60
    )

    assert ran.returncode == 0, ran.stderr
    response = json.loads(ran.stdout)
    assert response["statusCode"] == 200
    assert response["body"] == (REDACTED * 3).decode()
    assert response["headers"]["Content-Type"] == "text/plain"
    assert ran.stdout.strip() == shown.strip()
    assert "route io-use1-001" in ran.stderr
    assert "botocore" not in ran.stderr  # other libraries' INFO records stay out


def test_invoke_serves_a_file_and_reports_an_error_answer(tmp_path: Path) -> None:
    ticket = tmp_path / "ticket.txt"
    ticket.write_bytes(b"card 4111 1111 1111 1111\n")
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG 4111 1111 1111 1111")
    event = tmp_path / "request.json"
    event.write_text(run_cli_text("event", "object-lambda", "--key", "a.txt").stdout)
    handler = "examples/object_lambda_redact.py:handler"
    event_and = ("--timeout", "30", "--event", str(event))

    served = run_cli_text("invoke", handler, *event_and, "--original", str(ticket))
    refused = run_cli_text("invoke", handler, *event_and, "--original", str(photo))

    assert served.returncode == 0, served.stderr
    assert json.loads(served.stdout)["body"] == "card **** **** **** ****\n"
    assert refused.returncode == 1
    [message] = [line for line in refused.stderr.splitlines() if "s3types invoke: the" in line]
    assert "ObjectLambdaError" in message
    assert message.endswith("the caller gets HTTP 403 NotText")


def test_invoke_keeps_an_input_url_on_this_machine(tmp_path: Path, origin: Origin) -> None:
    made = run_cli_text("event", "object-lambda", "--input-url", origin.url(3 * len(LINE)))
    event_file = tmp_path / "request.json"
    event_file.write_text(made.stdout)
    before = len(origin.requests)

    ran = run_cli_text(
        "invoke",
        "examples/object_lambda_redact.py:handler",
        "--event",
        str(event_file),
        *("--timeout", "30"),
    )

    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["body"] == (REDACTED * 3).decode()
    assert len(origin.requests) == before + 1


def test_invoke_says_when_no_answer_was_sent(tmp_path: Path) -> None:
    silent = tmp_path / "silent.py"
    silent.write_text("def handler(event, context):\n    return {'statusCode': 200}\n")
    event = tmp_path / "request.json"
    event.write_text(run_cli_text("event", "object-lambda").stdout)

    ran = run_cli_text("invoke", f"{silent}:handler", "--event", str(event))

    assert ran.returncode == 1
    assert "without calling WriteGetObjectResponse" in ran.stderr
    assert "Traceback" not in ran.stderr


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
