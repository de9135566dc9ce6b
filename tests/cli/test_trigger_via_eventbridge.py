"""``s3types trigger plan|apply|export|check --via eventbridge``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from s3types._cli import main
from tests.cli.test_trigger_command import HANDLER, aws_env, bucket_and_queue
from tests.triggers.conftest import client

if TYPE_CHECKING:
    from s3types.testing._server import LocalS3Server

__all__ = ["aws_env", "bucket_and_queue"]  # fixtures used here


@pytest.mark.server
@pytest.mark.usefixtures("aws_env")
def test_plan_apply_and_a_second_apply_through_eventbridge(
    s3_server: LocalS3Server, bucket_and_queue: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    bucket, queue_arn = bucket_and_queue
    common = ["--bucket", bucket, "--prefix", "a b/", "--via", "eventbridge"]
    server = ["--endpoint-url", s3_server.endpoint_url, "--target", queue_arn]
    assert main(["trigger", "plan", *common, *server]) == 0
    out = capsys.readouterr().out
    assert "-> EventBridge (default bus) ->" in out and '{"prefix": "a%20b/"}' in out
    assert "dry run: nothing written" in out
    events = client(s3_server, "events")
    assert events.list_rule_names_by_target(TargetArn=queue_arn)["RuleNames"] == []
    assert main(["trigger", "apply", *common, *server, "--yes"]) == 0
    assert "rules and configuration written" in capsys.readouterr().out
    assert main(["trigger", "apply", *common, *server, "--yes"]) == 0
    out = capsys.readouterr().out
    assert "= kept" in out and "no changes" in out
    assert "written, not reported" in out  # moto leaves EventBridgeConfiguration out
    (name,) = events.list_rule_names_by_target(TargetArn=queue_arn)["RuleNames"]
    assert name.startswith("s3types-")


def test_check_through_eventbridge_accepts_what_s3_would_refuse(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The handler's trigger, and the same bucket's whole prefix: an overlap for S3.
    assert main(["trigger", "check", HANDLER, "--via", "eventbridge"]) == 0
    assert "ok  " in capsys.readouterr().out
    replication = ["--bucket", "b", "--event", "s3:Replication:*", "--via", "eventbridge"]
    assert main(["trigger", "check", *replication]) == 1
    err = capsys.readouterr().err
    assert "S3 sends no EventBridge event" in err and "Traceback" not in err


@pytest.mark.parametrize("form", ["cloudformation", "terraform", "json"])
def test_export_through_eventbridge(form: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = "arn:aws:lambda:us-east-1:123456789012:function:thumbnails"
    arguments = ["trigger", "export", HANDLER, "--format", form, "--via", "eventbridge"]
    assert main([*arguments, "--target", target]) == 0
    out = capsys.readouterr().out
    marker = {"cloudformation": "AWS::Events::Rule", "terraform": "eventbridge = true"}
    assert marker.get(form, '"EventPattern"') in out


def test_export_sam_through_eventbridge(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["trigger", "export", HANDLER, "--format", "sam", "--via", "eventbridge"]) == 0
    template = json.loads(capsys.readouterr().out)
    (function,) = [r for r in template["Resources"].values() if "Events" in r["Properties"]]
    (event,) = function["Properties"]["Events"].values()
    assert event["Type"] == "EventBridgeRule"
