"""``s3types trigger check|plan|apply|show|export`` on moto's server."""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING

import pytest
from cfnlint.api import ManualArgs, lint  # pyright: ignore[reportMissingTypeStubs]

from s3types._cli import main

if TYPE_CHECKING:
    from s3types.testing._server import LocalS3Server

HANDLER = "examples/triggers_handler.py:thumbnail"
CHALICE_APP = "examples/chalice_app.py:app"


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dummy credentials and a region, as a user's shell would have them."""
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
    ):
        monkeypatch.setenv(name, value)


@pytest.fixture
def bucket_and_queue(s3_server: LocalS3Server) -> tuple[str, str]:
    bucket = f"cli-{uuid.uuid4().hex[:12]}"
    s3_server.s3_client().create_bucket(Bucket=bucket)
    sqs = s3_server.sqs_client()
    url = sqs.create_queue(QueueName=f"cli-{uuid.uuid4().hex[:12]}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    return bucket, arn["QueueArn"]


@pytest.mark.server
@pytest.mark.usefixtures("aws_env")
def test_plan_apply_show_and_a_second_apply(
    s3_server: LocalS3Server, bucket_and_queue: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    bucket, queue_arn = bucket_and_queue
    common = ["--bucket", bucket, "--event", "s3:ObjectCreated:*", "--prefix", "in/"]
    server = ["--endpoint-url", s3_server.endpoint_url, "--target", queue_arn]
    assert main(["trigger", "plan", *common, *server]) == 0
    out = capsys.readouterr().out
    assert "+ added" in out and "dry run: nothing written" in out
    assert main(["trigger", "apply", *common, *server]) == 2
    assert "pass --yes" in capsys.readouterr().err
    assert main(["trigger", "apply", *common, *server, "--dry-run"]) == 0
    assert "dry run" in capsys.readouterr().out
    assert main(["trigger", "apply", *common, *server, "--yes"]) == 0
    assert "configuration written" in capsys.readouterr().out
    assert main(["trigger", "apply", *common, *server, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "= kept" in out and "no changes" in out
    assert (
        main(["trigger", "show", "--bucket", bucket, "--endpoint-url", s3_server.endpoint_url]) == 0
    )
    shown = json.loads(capsys.readouterr().out)
    assert shown["QueueConfigurations"][0]["QueueArn"] == queue_arn
    # check against the bucket's rules: ours is not an overlap with itself, another one is
    assert main(["trigger", "check", *common, *server]) == 0
    capsys.readouterr()
    overlapping = ["--bucket", bucket, "--prefix", "in/sub/", *server]
    assert main(["trigger", "check", *overlapping]) == 1
    assert "ambiguously defined" in capsys.readouterr().err


@pytest.mark.server
@pytest.mark.usefixtures("aws_env")
def test_apply_from_a_handler_with_the_bucket_given(
    s3_server: LocalS3Server, bucket_and_queue: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    bucket, queue_arn = bucket_and_queue
    arguments = [
        "--bucket",
        bucket,
        "--endpoint-url",
        s3_server.endpoint_url,
        "--target",
        queue_arn,
    ]
    assert main(["trigger", "apply", HANDLER, *arguments, "--yes"]) == 0
    assert f"s3://{bucket}/incoming/*.jpg" in capsys.readouterr().out


def test_check_reports_a_loop(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trigger", "check", HANDLER]) == 0
    assert capsys.readouterr().out.startswith("ok  ")
    assert main(["trigger", "check", HANDLER, "--writes-to", "incoming/resized/"]) == 1
    assert "would trigger itself" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--bucket", "b", "--event", "s3:ObjectCreate:*"], "did you mean 's3:ObjectCreated:*'?"),
        (["--bucket", "b", "--prefix", "in/*"], "S3 has no globs"),
        ([], "give a source"),
        (["examples/operations.py:main"], "declares no triggers"),
        (["no_such_module:handler"], "cannot import module"),
        ([HANDLER, "--prefix", "x/"], "go without a source"),
    ],
)
def test_bad_input_is_a_message_not_a_traceback(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["trigger", "check", *arguments]) == 1
    assert message in capsys.readouterr().err


def test_export_sam_from_a_chalice_app_passes_cfn_lint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trigger", "export", CHALICE_APP, "--format", "sam"]) == 0
    template = capsys.readouterr().out
    functions = json.loads(template)["Resources"]
    assert [r["Properties"]["Handler"] for r in functions.values() if "Handler" in r["Properties"]]
    assert lint(template, config=ManualArgs(regions=["us-east-1"])) == []


@pytest.mark.parametrize("form", ["json", "cloudformation", "terraform"])
def test_export_needs_and_uses_the_target(form: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trigger", "export", HANDLER, "--format", form]) == 1
    assert "needs --target ARN" in capsys.readouterr().err
    target = "arn:aws:sqs:us-east-1:123456789012:uploads"
    assert main(["trigger", "export", HANDLER, "--format", form, "--target", target]) == 0
    assert target in capsys.readouterr().out
