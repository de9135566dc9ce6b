"""The notification configuration document: built from triggers, and read back into rules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, cast

from s3types.triggers._events import TriggerError
from s3types.triggers._overlap import check_triggers
from s3types.triggers._trigger import Trigger

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import (
        FilterRuleTypeDef,
        NotificationConfigurationFilterTypeDef,
        NotificationConfigurationTypeDef,
    )

__all__ = ["Target", "notification_configuration", "parse_target", "rules_of"]

TargetKind = Literal["lambda", "sqs", "sns"]
# Where each kind of target sits in the document, and the key naming its ARN.
SECTIONS: dict[TargetKind, tuple[str, str]] = {
    "lambda": ("LambdaFunctionConfigurations", "LambdaFunctionArn"),
    "sqs": ("QueueConfigurations", "QueueArn"),
    "sns": ("TopicConfigurations", "TopicArn"),
}


@dataclass(frozen=True)
class Target:
    """Where S3 sends the notifications: a Lambda function, an SQS queue or an SNS topic.

    >>> parse_target("arn:aws:sqs:eu-west-1:123456789012:uploads").name
    'uploads'
    """

    arn: str
    kind: TargetKind
    partition: str
    region: str
    account: str
    name: str


def parse_target(arn: object) -> Target:
    """Read a target ARN, refusing what S3 cannot notify (FIFO queues and topics, other services).

    >>> parse_target("arn:aws:lambda:us-east-1:123456789012:function:thumbnails").kind
    'lambda'
    >>> parse_target("arn:aws:sqs:us-east-1:123456789012:jobs.fifo")
    Traceback (most recent call last):
    ...
    s3types.triggers.TriggerError: target '...:jobs.fifo' is a FIFO queue: S3 event ...
    """
    if not isinstance(arn, str):
        raise TypeError(f"target_arn must be an ARN string, got {type(arn).__name__}")
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or not parts[5]:
        raise TriggerError(
            f"target {arn[:200]!r} is not an ARN: give the ARN of a Lambda function, an SQS queue"
            " or an SNS topic, e.g. 'arn:aws:sqs:us-east-1:123456789012:uploads'"
        )
    _, partition, service, region, account, resource = parts
    if service == "lambda":
        kind: TargetKind = "lambda"
        pieces = resource.split(":")
        if pieces[0] != "function" or len(pieces) not in (2, 3):
            raise TriggerError(f"target {arn!r} is not a Lambda function ARN ('...:function:NAME')")
        name = pieces[1]
    elif service in ("sqs", "sns"):
        kind = cast("TargetKind", service)
        name = resource
        if name.endswith(".fifo"):
            what = "queue" if kind == "sqs" else "topic"
            raise TriggerError(
                f"target {arn!r} is a FIFO {what}: S3 event notifications cannot go to FIFO"
                f" queues or topics; use a standard {what} (or EventBridge)"
            )
    else:
        raise TriggerError(
            f"target {arn[:200]!r} is a {service!r} ARN: S3 notifies Lambda functions, SQS"
            " queues and SNS topics only (use EventBridge for other targets)"
        )
    return Target(arn, kind, partition, region, account, name)


def rule_document(trigger: Trigger, target: Target) -> dict[str, Any]:
    """One rule of the document, as S3 returns it (Id, target ARN, Events, Filter)."""
    _, arn_key = SECTIONS[target.kind]
    rule: dict[str, Any] = {"Id": trigger.rule_id, arn_key: target.arn, "Events": [*trigger.events]}
    filter_rules: list[FilterRuleTypeDef] = []
    if trigger.prefix is not None:
        filter_rules.append({"Name": "prefix", "Value": trigger.prefix})
    if trigger.suffix is not None:
        filter_rules.append({"Name": "suffix", "Value": trigger.suffix})
    if filter_rules:
        key_filter: NotificationConfigurationFilterTypeDef = {"Key": {"FilterRules": filter_rules}}
        rule["Filter"] = key_filter
    return rule


def notification_configuration(
    triggers: Iterable[Trigger], target_arn: str
) -> NotificationConfigurationTypeDef:
    """The ``PutBucketNotificationConfiguration`` document sending these triggers to one target.

    Lambda function, SQS queue or SNS topic, by ARN (FIFO targets refused).
    The triggers must be of one bucket and must not overlap
    (:func:`check_triggers`). This document *replaces* a bucket's whole
    configuration: to add to one, use :func:`apply_triggers`.

    >>> notification_configuration([Trigger("b", suffix=".jpg", id="jpg")],
    ...                            "arn:aws:sqs:us-east-1:123456789012:uploads")
    {'QueueConfigurations': [{'Id': 'jpg', 'QueueArn': 'arn:aws:sqs:us-east-1:123456789012:uploads',
      'Events': ['s3:ObjectCreated:*'],
      'Filter': {'Key': {'FilterRules': [{'Name': 'suffix', 'Value': '.jpg'}]}}}]}
    """
    target = parse_target(target_arn)
    rules = tuple(triggers)
    one_bucket(rules)
    check_triggers(rules)
    section, _ = SECTIONS[target.kind]
    ids = [trigger.rule_id for trigger in rules]
    duplicates = sorted({rule_id for rule_id in ids if ids.count(rule_id) > 1})
    if duplicates:
        raise TriggerError(
            f"two triggers have the id {duplicates[0]!r}: ids name rules, give each its own"
        )
    document = {section: [rule_document(trigger, target) for trigger in rules]}
    return cast("NotificationConfigurationTypeDef", document)


def one_bucket(triggers: tuple[Trigger, ...]) -> str | None:
    """The one bucket these triggers name (None if none names one); TriggerError for several."""
    buckets = sorted({t.bucket for t in triggers if t.bucket is not None})
    if len(buckets) > 1:
        raise TriggerError(
            f"triggers name several buckets ({', '.join(map(repr, buckets))}): a notification"
            " configuration belongs to one bucket; make one per bucket"
        )
    return buckets[0] if buckets else None


def filter_values(rule: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """A document rule's prefix and suffix (S3 returns the names as ``Prefix``/``Suffix``)."""
    trigger = Trigger.from_rule({"Filter": rule.get("Filter"), "Events": []}, "-")
    return trigger.prefix, trigger.suffix


def rules_of(configuration: Mapping[str, Any], bucket: str) -> tuple[Trigger, ...]:
    """The rules of a bucket's notification configuration, as triggers (any target kind).

    For :func:`check_triggers` over ours and what the bucket already has.

    >>> rules_of({"TopicConfigurations": [{"Id": "t", "TopicArn": "arn:aws:sns:us-east-1:1:t",
    ...           "Events": ["s3:ObjectRemoved:*"]}]}, "b")
    (Trigger('b', events=['s3:ObjectRemoved:*'], id='t'),)
    """
    found: list[Trigger] = []
    for section, _ in SECTIONS.values():
        rules: list[Mapping[str, Any]] = list(configuration.get(section) or [])
        found.extend(Trigger.from_rule(rule, bucket) for rule in rules)
    return tuple(found)
