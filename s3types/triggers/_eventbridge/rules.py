"""Our EventBridge rules on the default bus: how an apply finds them and reads what they record."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from s3types.triggers._configuration import Target
from s3types.triggers._eventbridge.plan import BUS, RULE_PREFIX, TARGET_ID
from s3types.triggers._trigger import Trigger

if TYPE_CHECKING:
    from mypy_boto3_events import EventBridgeClient

__all__ = [
    "ExistingRule",
    "is_same_rule",
    "our_rules",
    "recorded_rule_id",
    "rule_description",
    "trigger_of_rule",
]


@dataclass
class ExistingRule:
    """An EventBridge rule as the bus describes it, with its targets."""

    name: str
    arn: str
    pattern: dict[str, Any]
    state: str
    description: str
    targets: list[dict[str, Any]]


def our_rules(events: EventBridgeClient, target: Target, bucket: str) -> dict[str, ExistingRule]:
    """Our rules (``s3types-...``) on the default bus sending to ``target`` for ``bucket``."""
    names: list[str] = []
    token: str | None = None
    while True:
        page = (
            events.list_rule_names_by_target(
                TargetArn=target.arn, EventBusName=BUS, NextToken=token
            )
            if token
            else events.list_rule_names_by_target(TargetArn=target.arn, EventBusName=BUS)
        )
        names += [name for name in page.get("RuleNames", []) if name.startswith(RULE_PREFIX)]
        token = page.get("NextToken")
        if not token:
            break
    found: dict[str, ExistingRule] = {}
    for name in names:
        described = events.describe_rule(Name=name, EventBusName=BUS)
        pattern: Any = json.loads(described.get("EventPattern") or "{}")
        buckets: Any = pattern.get("detail", {}).get("bucket", {}).get("name", [])
        if buckets != [bucket]:
            continue  # ours, for another bucket
        targets = events.list_targets_by_rule(Rule=name, EventBusName=BUS).get("Targets", [])
        found[name] = ExistingRule(
            name,
            described.get("Arn", ""),
            pattern,
            described.get("State", ""),
            described.get("Description", ""),
            [dict(t) for t in targets],
        )
    return found


def rule_description(trigger: Trigger, target: Target) -> str:
    """The description a rule carries: the trigger id (and so its owner), bucket and target."""
    return f"s3types trigger {trigger.rule_id} of s3://{trigger.bucket} to {target.name}"[:512]


def recorded_rule_id(existing: ExistingRule) -> str:
    """The trigger id a rule's description records, or the rule's name when it names none."""
    # The trigger id the rule's description records (its owner with it).
    rule_id = existing.description.removeprefix("s3types trigger ").partition(" of s3://")[0]
    # A description someone edited names no trigger: the rule's own name stands in.
    return rule_id if 0 < len(rule_id) <= 255 else existing.name


def trigger_of_rule(existing: ExistingRule, bucket: str) -> Trigger:
    """A trigger standing for a rule the apply does not declare (for the plan)."""
    # The plan names a rule it does not declare by the trigger id it records.
    return Trigger(bucket, id=recorded_rule_id(existing))


def is_same_rule(
    existing: ExistingRule, pattern: dict[str, Any], description: str, target: Target
) -> bool:
    """Whether an existing rule already says what we would write (nothing to change)."""
    return (
        existing.pattern == pattern
        and existing.state == "ENABLED"
        and existing.description == description
        and any(t.get("Id") == TARGET_ID and t.get("Arn") == target.arn for t in existing.targets)
    )
