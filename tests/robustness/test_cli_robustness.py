"""``s3types parse`` on bad input: a clear error and exit code 1, never a traceback."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from s3types._cli import main
from s3types.testing import make_event, via_sqs

_API_GATEWAY = json.dumps({"httpMethod": "GET", "requestContext": {}}).encode()
_MILLION = b'{"Records": [' + b",".join([b'{"eventSource":"aws:s3"}'] * 10**6) + b"]}"
BAD_INPUTS = {
    "empty": b"",
    "garbage": b"garbage",
    "invalid UTF-8": b'{"Records": ["\xff\xfe"]}',
    "truncated": json.dumps(make_event(bucket="b", key="k")).encode()[:-7],
    "a list": b"[]",
    "null": b"null",
    "lone surrogate escape": b'{"Records": "\\ud800"}',
    "10000 levels": b"[" * 10_000 + b"]" * 10_000,
    "a million records": _MILLION,
    "API Gateway": _API_GATEWAY,
    "record without fields": b'{"Records": [{"eventSource": "aws:s3", "s3": {}}]}',
    "SQS body not JSON": json.dumps(
        {"Records": [{**via_sqs(make_event(bucket="b", key="k"))["Records"][0], "body": "{"}]}
    ).encode(),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_stdin_gives_an_error_not_a_traceback(name: str) -> None:
    # Inputs over parse's 6 MB read bound get a bound that admits them, so the
    # parser's own limits (the record cap) are what is tested here.
    size = len(BAD_INPUTS[name])
    bound = ["--max-bytes", str(size)] if size > 6 * 1024 * 1024 else []
    finished = subprocess.run(
        [sys.executable, "-m", "s3types", "parse", "-", *bound],
        input=BAD_INPUTS[name],
        capture_output=True,
        timeout=120,
        check=False,
    )
    stderr = finished.stderr.decode("utf-8", "replace")
    assert finished.returncode == 1, stderr
    assert "Traceback" not in stderr
    assert stderr.startswith("error: standard input is not a valid S3 event")
    assert finished.stdout == b""


def _run_cli(wire: bytes, *arguments: str) -> tuple[int, str, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "event.json"
        path.write_bytes(wire)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["parse", str(path), *arguments])
    return code, out.getvalue(), err.getvalue()


EVENTS = Path(__file__).resolve().parent.parent / "events" / "events"
FIXTURES = sorted(path for path in EVENTS.rglob("*.json"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fixture=st.sampled_from(FIXTURES),
    cut=st.integers(min_value=0),
    junk=st.binary(max_size=8),
    as_json=st.booleans(),
)
def test_damaged_fixtures_exit_0_or_1(fixture: Path, cut: int, junk: bytes, as_json: bool) -> None:
    wire = fixture.read_bytes()
    at = cut % (len(wire) + 1)
    damaged = wire[:at] + junk + wire[at + len(junk) :]
    code, out, err = _run_cli(damaged, *(["--json"] if as_json else []))
    if code == 0:
        assert out and not err
    else:
        assert code == 1
        assert err.startswith("error: ") and not out
