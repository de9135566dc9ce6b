"""``s3types trigger plan|apply`` with several handlers, a whole module, and rule owners."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import pytest

from s3types._cli import main

if TYPE_CHECKING:
    from s3types.testing._server import LocalS3Server

MODULE = "tests/cli/shared_target_handlers.py"


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
def server_options(s3_server: LocalS3Server) -> list[str]:
    """A new bucket and queue on moto's server, as the options naming them."""
    bucket = f"cli-{uuid.uuid4().hex[:12]}"
    s3_server.s3_client().create_bucket(Bucket=bucket)
    sqs = s3_server.sqs_client()
    url = sqs.create_queue(QueueName=f"cli-{uuid.uuid4().hex[:12]}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    return [
        "--bucket",
        bucket,
        "--endpoint-url",
        s3_server.endpoint_url,
        "--target",
        arn["QueueArn"],
    ]


def _prefixes(s3_server: LocalS3Server, bucket: str) -> set[str]:
    document: dict[str, Any] = dict(
        s3_server.s3_client().get_bucket_notification_configuration(Bucket=bucket)
    )
    return {
        rule["Filter"]["Key"]["FilterRules"][0]["Value"]
        for rule in document.get("QueueConfigurations", [])
    }


@pytest.mark.server
@pytest.mark.usefixtures("aws_env")
def test_the_second_function_on_a_shared_queue_removes_nothing(
    s3_server: LocalS3Server, server_options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["trigger", "apply", f"{MODULE}:images", *server_options, "--yes"]) == 0
    capsys.readouterr()
    assert main(["trigger", "apply", f"{MODULE}:videos", *server_options, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "removed" not in out
    assert "= kept" in out and "images/" in out
    assert _prefixes(s3_server, server_options[1]) == {"images/", "videos/"}


@pytest.mark.server
@pytest.mark.usefixtures("aws_env")
@pytest.mark.parametrize(
    "sources", [[MODULE], [f"{MODULE}:images", f"{MODULE}:videos"]], ids=["module", "two"]
)
def test_several_handlers_in_one_plan(
    sources: list[str],
    s3_server: LocalS3Server,
    server_options: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["trigger", "plan", *sources, *server_options]) == 0
    out = capsys.readouterr().out
    assert out.count("+ added") == 2 and "images/" in out and "videos/" in out
    assert main(["trigger", "apply", *sources, *server_options, "--yes"]) == 0
    capsys.readouterr()
    assert _prefixes(s3_server, server_options[1]) == {"images/", "videos/"}
    # One handler applied alone: the other's rule is another owner's, and stays.
    assert main(["trigger", "apply", f"{MODULE}:images", *server_options, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "removed" not in out  # videos' rule is another owner's
    assert _prefixes(s3_server, server_options[1]) == {"images/", "videos/"}


def test_a_module_without_handlers_is_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trigger", "check", "examples/operations.py"]) == 1
    assert "has no handler that declares triggers" in capsys.readouterr().err
