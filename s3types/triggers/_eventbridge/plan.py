"""The EventBridge delivery's names (rules, target id, bus) and its plan.

An EventBridge rule is s3types' when its name starts with ``s3types-``; its
name is a digest of bucket, trigger id and target, so two functions
declaring the same trigger id on one bucket get two rules.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from s3types.triggers._apply import TriggerPlan
from s3types.triggers._configuration import Target
from s3types.triggers._eventbridge.access import AccessState

__all__ = [
    "BUS",
    "RULE_PREFIX",
    "TARGET_ID",
    "EventBridgePlan",
    "EventBridgeSetting",
    "rule_arn",
    "rule_name",
]

RULE_PREFIX = "s3types-"
TARGET_ID = "s3types"
BUS = "default"
EventBridgeSetting = Literal["on", "to turn on", "turned on", "written, not reported"]


def rule_name(bucket: str, rule_id: str, target_arn: str) -> str:
    """The EventBridge rule's name for one trigger sent to one target (stable, 24 characters).

    >>> rule_name("photos", "jpg", "arn:aws:sqs:us-east-1:123456789012:q")
    's3types-...'
    """
    text = "\n".join([bucket, rule_id, target_arn])
    return RULE_PREFIX + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def rule_arn(name: str, target: Target) -> str:
    """The ARN of a rule on the default bus of the target's account and region."""
    return f"arn:{target.partition}:events:{target.region}:{target.account}:rule/{name}"


@dataclass(frozen=True)
class EventBridgePlan(TriggerPlan):
    """What an EventBridge apply did (or, with ``dry_run``, would do).

    The fields of :class:`TriggerPlan`, where ``added``, ``replaced``,
    ``removed`` and ``kept`` are our EventBridge rules (as triggers) and
    ``previous``/``configuration`` the bucket's notification configuration
    before and after; and: ``rule_names`` (trigger id -> rule name),
    ``patterns`` (rule name -> event pattern), ``eventbridge`` (the bucket's
    EventBridge delivery: ``"on"`` when the read showed it, ``"to turn
    on"``, ``"turned on"``, or ``"written, not reported"`` when S3 left it
    out of its answer even after the write, as moto 5.2.6 does), and
    ``access`` (per rule name: the Lambda permission or queue policy
    statement, ``"present"``, ``"added"``, ``"removed"``, ...).
    """

    rule_names: dict[str, str] = field(default_factory=lambda: {})
    patterns: dict[str, dict[str, Any]] = field(default_factory=lambda: {}, repr=False)
    eventbridge: EventBridgeSetting = "on"
    access: dict[str, AccessState] = field(default_factory=lambda: {})

    def __str__(self) -> str:
        lines = [f"bucket {self.bucket} -> EventBridge (default bus) -> {self.target_arn}"]
        if self.bucket_created:
            lines.append(f"  bucket: {'to create' if self.dry_run else 'created'}")
        lines.append(f"  bucket's EventBridge delivery: {self.eventbridge}")
        for sign, label, rules in (
            ("+", "added", self.added),
            ("~", "changed", self.replaced),
            ("-", "removed", self.removed),
            ("=", "kept", self.kept),
        ):
            for trigger in rules:
                name = self.rule_names.get(trigger.rule_id, "")
                lines.append(f"  {sign} {label:8} rule {name} {trigger}")
                if sign in "+~" and name in self.patterns:
                    lines.append(f"      pattern {json.dumps(self.patterns[name])}")
        for name, state in self.access.items():
            lines.append(f"  access for rule {name}: {state}")
        if not self.changed:
            lines.append("no changes: the rules and the bucket already say this")
        elif self.dry_run:
            lines.append("dry run: nothing written")
        else:
            lines.append("rules and configuration written")
        return "\n".join(lines)
