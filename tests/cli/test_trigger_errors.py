"""``s3types trigger``: every expected failure is one line saying what to do, never a traceback.

No real AWS: the environment's AWS settings cleared and AWS_CONFIG_FILE /
AWS_SHARED_CREDENTIALS_FILE pointing at empty files; an unreachable
endpoint is a closed port on 127.0.0.1. One case runs ``python -m s3types``
as a user does; the others call the same ``main`` in this process, with
boto3's default session reset so each sees the environment it sets.
"""

from __future__ import annotations

import os
import socket
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from s3types._cli import main
from tests.cli.cli_process import run_cli_text

if TYPE_CHECKING:
    from s3types.testing._server import LocalS3Server

QUEUE = "arn:aws:sqs:us-east-1:123456789012:uploads"
FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:thumbnails"
HANDLER = "examples/triggers_handler.py:thumbnail"


@pytest.fixture
def bare_env(tmp_path: Path) -> dict[str, str]:
    """No region, no credentials: AWS variables removed, config files empty, no IMDS."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("AWS_")}
    for name in ("AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        empty = tmp_path / name.lower()
        empty.write_text("", encoding="utf-8")
        env[name] = str(empty)
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    env["AWS_MAX_ATTEMPTS"] = "1"  # one connection attempt to a closed port, not five
    return env


@pytest.fixture
def dummy_credentials(bare_env: dict[str, str]) -> dict[str, str]:
    """Dummy credentials, as for a local endpoint; still no region."""
    return {**bare_env, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture
def in_dummy_credentials(
    dummy_credentials: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """This process in ``dummy_credentials``' environment, with a fresh boto3 default session."""
    import boto3

    for name in [n for n in os.environ if n.startswith("AWS_")]:
        monkeypatch.delenv(name)
    for name, value in dummy_credentials.items():
        if name.startswith("AWS_"):
            monkeypatch.setenv(name, value)
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """``s3types ARGUMENTS`` in this process: (exit status, stdout, stderr)."""
    status = main(list(arguments))
    out, err = capsys.readouterr()
    return status, out, err


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens (a port the system gave and took back)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def one_line_error(stderr: str) -> str:
    """The error, checked to be one line without a traceback."""
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.usefixtures("in_dummy_credentials")
def test_no_region_says_to_pass_region(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "trigger", "plan", "--bucket", "photos", "--target", FUNCTION)
    assert status == 1
    assert "no AWS region: pass --region" in one_line_error(err)


def test_no_credentials_says_how_to_use_a_local_endpoint(bare_env: dict[str, str]) -> None:
    arguments = ["--bucket", "photos", "--target", QUEUE, "--region", "us-east-1"]
    done = run_cli_text(
        "trigger", "plan", *arguments, "--endpoint-url", closed_port_url(), env=bare_env
    )
    assert done.returncode == 1
    line = one_line_error(done.stderr)
    assert "no AWS credentials" in line
    assert "--endpoint-url" in line and "--region" in line and "AWS_ACCESS_KEY_ID" in line


@pytest.mark.usefixtures("in_dummy_credentials")
def test_an_unreachable_endpoint_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    url = closed_port_url()
    status, _, err = run(capsys, "trigger", "show", "--bucket", "photos", "--endpoint-url", url)
    assert status == 1
    line = one_line_error(err)
    assert "cannot reach the endpoint" in line and url in line


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--bucket", "my bucket"], "'my bucket' is not a bucket name: it contains ' '"),
        (["--bucket", "arn:aws:s3:::photos"], "write 'photos'"),
        (["--bucket", "photos", "--prefix", "in/\x01"], "prefix holds U+0001 at position 3"),
        (["--bucket", "photos", "--target", "arn:aws:sqs:::q"], "the region is missing"),
    ],
)
@pytest.mark.usefixtures("in_dummy_credentials")
def test_input_s3_would_refuse_is_one_line(
    capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    options = ["--target", QUEUE, "--region", "us-east-1", "--endpoint-url", closed_port_url()]
    status, _, err = run(capsys, "trigger", "apply", *options, *arguments, "--yes")
    assert status == 1
    assert message in one_line_error(err)


@pytest.mark.server
@pytest.mark.usefixtures("in_dummy_credentials")
def test_a_missing_bucket_names_the_flag_and_an_sqs_plan_needs_no_region(
    s3_server: LocalS3Server, capsys: pytest.CaptureFixture[str]
) -> None:
    sqs = s3_server.sqs_client()
    url = sqs.create_queue(QueueName=f"cli-{uuid.uuid4().hex[:12]}")["QueueUrl"]
    queue = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    server = ["--endpoint-url", s3_server.endpoint_url, "--target", queue["QueueArn"]]
    missing = f"cli-{uuid.uuid4().hex[:12]}"
    status, _, err = run(capsys, "trigger", "plan", "--bucket", missing, *server)
    line = one_line_error(err)
    assert status == 1
    assert "pass --create-bucket" in line and "create_bucket" not in line
    # No region anywhere: an S3 client does without, and an SQS target needs no Lambda client.
    status, out, err = run(
        capsys, "trigger", "plan", "--bucket", missing, *server, "--create-bucket"
    )
    assert (status, err) == (0, "")
    assert "bucket: to create" in out


def test_check_prints_loop_and_not_ok_for_a_rule_that_loops(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "trigger", "check", HANDLER, "--writes-to", "incoming/")
    assert (status, out) == (1, "")
    assert one_line_error(err).startswith("loop  trigger ")


def test_export_to_sam_refuses_a_queue(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        capsys, "trigger", "export", HANDLER, "--format", "sam", "--target", QUEUE
    )
    assert (status, out) == (1, "")
    assert "is not a Lambda function; a SAM template" in one_line_error(err)


@pytest.mark.server
@pytest.mark.usefixtures("in_dummy_credentials")
@pytest.mark.parametrize("form", ["cloudformation", "sam"])
def test_export_of_a_bucket_that_exists_says_so(
    s3_server: LocalS3Server, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    bucket = f"cli-{uuid.uuid4().hex[:12]}"
    s3_server.s3_client().create_bucket(Bucket=bucket)
    server = ["--endpoint-url", s3_server.endpoint_url, "--target", FUNCTION]
    status, out, err = run(
        capsys, "trigger", "export", HANDLER, "--bucket", bucket, "--format", form, *server
    )
    assert status == 0
    assert f"bucket '{bucket}' exists: CloudFormation cannot create it" in one_line_error(err)
    assert '"DeletionPolicy": "Retain"' in out
    status, out, err = run(capsys, "trigger", "export", HANDLER, "--format", form, *server[2:])
    assert status == 0 and "not checked whether photo-uploads exist" in one_line_error(err)
    assert "DeletionPolicy" not in out
