"""Typing checks of the EventBridge delivery of triggers (mypy and pyright only)."""

from __future__ import annotations

from typing import Any

from mypy_boto3_events import EventBridgeClient
from mypy_boto3_s3 import S3Client
from mypy_boto3_sqs import SQSClient
from typing_extensions import assert_type

from s3types.triggers import (
    VIAS,
    EventBridgePlan,
    Trigger,
    TriggerPlan,
    Via,
    apply_triggers,
    check_triggers,
    event_pattern,
    export_triggers,
)


def eventbridge(s3: S3Client, events: EventBridgeClient, sqs: SQSClient) -> None:
    trigger = Trigger("photos", ["s3:ObjectCreated:*"], prefix="in/", suffix=".jpg")
    assert_type(event_pattern(trigger), dict[str, Any])
    assert_type(VIAS, tuple[Via, ...])
    assert_type(check_triggers([trigger], via="eventbridge"), None)
    plan = apply_triggers(
        s3,
        [trigger],
        "arn:aws:sqs:us-east-1:1:q",
        via="eventbridge",
        events_client=events,
        sqs_client=sqs,
    )
    assert_type(plan, TriggerPlan)
    if isinstance(plan, EventBridgePlan):
        assert_type(plan.rule_names, dict[str, str])
        assert_type(plan.patterns, dict[str, dict[str, Any]])
    text = export_triggers([trigger], "cloudformation", target_arn="arn", via="eventbridge")
    assert_type(text, str)
    apply_triggers(s3, [trigger], "arn", via="bus")  # type: ignore[arg-type]
    check_triggers([trigger], via="sqs")  # type: ignore[arg-type]
