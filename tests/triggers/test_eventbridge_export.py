"""export_triggers(..., via="eventbridge"): templates cfn-lint accepts, Terraform that parses."""

from __future__ import annotations

import json
from typing import Any

import hcl2
import pytest
from cfnlint.api import ManualArgs, lint  # pyright: ignore[reportMissingTypeStubs]

from s3types.triggers import Trigger, TriggerError, event_pattern, export_triggers

FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:thumbnails"
QUEUE = "arn:aws:sqs:us-east-1:123456789012:uploads"
# Two triggers S3 would refuse as notification rules (they overlap).
TRIGGERS = [
    Trigger("photo-uploads", prefix="in/", suffix=".jpg", id="jpg"),
    Trigger(
        "photo-uploads", ["s3:ObjectCreated:Put", "s3:ObjectRemoved:Delete"], prefix="in/", id="in"
    ),
]


def cfn_lint(template: str) -> list[str]:
    return [str(match) for match in lint(template, config=ManualArgs(regions=["us-east-1"]))]


def of_type(template: dict[str, Any], kind: str) -> dict[str, Any]:
    return {k: v for k, v in template["Resources"].items() if v["Type"] == kind}


@pytest.mark.parametrize("target", [FUNCTION, QUEUE])
def test_cloudformation_passes_cfn_lint(target: str) -> None:
    text = export_triggers(TRIGGERS, "cloudformation", target_arn=target, via="eventbridge")
    assert cfn_lint(text) == []
    template = json.loads(text)
    (bucket,) = of_type(template, "AWS::S3::Bucket").values()
    assert bucket["Properties"]["NotificationConfiguration"] == {
        "EventBridgeConfiguration": {"EventBridgeEnabled": True}
    }
    rules = of_type(template, "AWS::Events::Rule")
    assert [rule["Properties"]["EventPattern"] for rule in rules.values()] == [
        event_pattern(trigger) for trigger in TRIGGERS
    ]
    for rule in rules.values():
        assert rule["Properties"]["Targets"] == [{"Id": "s3types", "Arn": target}]
    if target == FUNCTION:
        permissions = of_type(template, "AWS::Lambda::Permission")
        assert sorted(
            p["Properties"]["SourceArn"]["Fn::GetAtt"][0] for p in permissions.values()
        ) == sorted(rules)
        assert {p["Properties"]["Principal"] for p in permissions.values()} == {
            "events.amazonaws.com"
        }
    else:
        (policy,) = of_type(template, "AWS::SQS::QueuePolicy").values()
        statements = policy["Properties"]["PolicyDocument"]["Statement"]
        sources = [
            s["Condition"]["ArnEquals"]["aws:SourceArn"]["Fn::GetAtt"][0] for s in statements
        ]
        assert sorted(sources) == sorted(rules)
        assert policy["Properties"]["Queues"] == [
            "https://sqs.us-east-1.amazonaws.com/123456789012/uploads"
        ]


def test_sam_passes_cfn_lint_with_eventbridge_rule_events() -> None:
    text = export_triggers(TRIGGERS, "sam", handler="app.on_upload", via="eventbridge")
    assert cfn_lint(text) == []
    function = json.loads(text)["Resources"]["FunctionAppOnUpload"]["Properties"]
    events = list(function["Events"].values())
    assert [event["Type"] for event in events] == ["EventBridgeRule", "EventBridgeRule"]
    assert [event["Properties"]["Pattern"] for event in events] == [
        event_pattern(trigger) for trigger in TRIGGERS
    ]


def _hcl_string(value: str) -> str:
    # python-hcl2 keeps a string's quotes and escapes; HCL doubles "$" and "%" before "{".
    text: str = json.loads(value)
    return text.replace("$${", "${").replace("%%{", "%{")


@pytest.mark.parametrize("target", [FUNCTION, QUEUE])
def test_terraform_parses_and_holds_the_same_patterns(target: str) -> None:
    tricky = Trigger("photo-uploads", prefix='${var.x}/%{if}"\\', id="tricky")
    text = export_triggers([*TRIGGERS, tricky], "terraform", target_arn=target, via="eventbridge")
    parsed = hcl2.loads(text)
    blocks: dict[str, list[dict[str, Any]]] = {}
    for resource in parsed["resource"]:
        for kind, named in resource.items():
            blocks.setdefault(json.loads(kind), []).extend(named.values())
    (notification,) = blocks["aws_s3_bucket_notification"]
    assert notification["eventbridge"] is True
    patterns = [
        json.loads(_hcl_string(r["event_pattern"])) for r in blocks["aws_cloudwatch_event_rule"]
    ]
    assert patterns == [event_pattern(t) for t in [*TRIGGERS, tricky]]
    assert len(blocks["aws_cloudwatch_event_target"]) == 3
    if target == FUNCTION:
        permissions = blocks["aws_lambda_permission"]
        assert [_hcl_string(p["principal"]) for p in permissions] == ["events.amazonaws.com"] * 3
        assert all(p["source_arn"].startswith("${aws_cloudwatch_event_rule.") for p in permissions)
    else:
        (policy,) = blocks["aws_sqs_queue_policy"]
        assert policy["policy"].count("aws_cloudwatch_event_rule.") == 3


def test_json_lists_the_rules_and_the_bucket_setting() -> None:
    document = json.loads(export_triggers(TRIGGERS, "json", target_arn=QUEUE, via="eventbridge"))
    assert document["buckets"] == {"photo-uploads": {"EventBridgeConfiguration": {}}}
    assert [rule["EventPattern"] for rule in document["rules"]] == [
        event_pattern(t) for t in TRIGGERS
    ]
    assert len({rule["Name"] for rule in document["rules"]}) == 2


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"format": "sam"}, "needs the function's handler"),
        ({"format": "terraform"}, "needs target_arn"),
        (
            {"format": "json", "target_arn": "arn:aws:sns:us-east-1:123456789012:t"},
            "is an SNS topic",
        ),
        ({"format": "yaml", "target_arn": QUEUE}, "unknown export format"),
        ({"format": "json", "target_arn": QUEUE, "via": "bus"}, "via='bus' is not a delivery"),
    ],
)
def test_refusals(options: dict[str, Any], message: str) -> None:
    with pytest.raises(TriggerError, match=message):
        export_triggers(TRIGGERS, **{"via": "eventbridge", **options})


def test_a_type_s3_sends_no_eventbridge_event_for_is_refused() -> None:
    with pytest.raises(TriggerError, match="S3 sends no EventBridge event"):
        export_triggers(
            [Trigger("b", ["s3:ReducedRedundancyLostObject"])],
            "cloudformation",
            target_arn=QUEUE,
            via="eventbridge",
        )
