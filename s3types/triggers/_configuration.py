"""The notification configuration document: built from triggers, and read back into rules."""

from __future__ import annotations

import re
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


# The parts of an ARN as S3 checks a destination: botocore's Lambda model gives
# the region and function patterns; SQS queue names are 1-80 and SNS topic
# names 1-256 letters, digits, "-" and "_" (".fifo" at the end for FIFO ones).
_PARTITION = re.compile(r"aws(?:-[a-z]+)*", re.ASCII)
_REGION = re.compile(r"(?:eusc-)?[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d", re.ASCII)
_ACCOUNT = re.compile(r"\d{12}", re.ASCII)
_FUNCTION = re.compile(
    r"function:(?P<name>[A-Za-z0-9_-]{1,64})(?::(?P<qualifier>\$LATEST|[A-Za-z0-9_-]{1,128}))?",
    re.ASCII,
)
_NAMES = {
    "sqs": re.compile(r"[A-Za-z0-9_-]{1,80}(?:\.fifo)?", re.ASCII),
    "sns": re.compile(r"[A-Za-z0-9_-]{1,256}(?:\.fifo)?", re.ASCII),
}
_EXAMPLE = "e.g. 'arn:aws:sqs:us-east-1:123456789012:uploads'"


def _wrong(arn: str, part: str) -> TriggerError:
    return TriggerError(f"target {arn[:200]!r}: {part}")


def parse_target(arn: object) -> Target:
    """Read a target ARN as S3 checks it, refusing what S3 cannot notify (FIFO, other services).

    Partition, service, region, a 12-digit account and a valid name must be
    there; a Lambda function may carry a version or alias qualifier.

    >>> parse_target("arn:aws:lambda:us-east-1:123456789012:function:thumbnails:live").name
    'thumbnails'
    >>> parse_target("arn:aws:sqs:us-east-1:123456789012:jobs.fifo")
    Traceback (most recent call last):
    ...
    s3types.triggers.TriggerError: target '...:jobs.fifo' is a FIFO queue: S3 event ...
    >>> parse_target("arn:aws:sqs:::q")
    Traceback (most recent call last):
    ...
    s3types.triggers.TriggerError: target 'arn:aws:sqs:::q': the region is missing ...
    """
    if not isinstance(arn, str):
        raise TypeError(f"target_arn must be an ARN string, got {type(arn).__name__}")
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn":
        raise TriggerError(
            f"target {arn[:200]!r} is not an ARN: give the ARN of a Lambda function, an SQS queue"
            f" or an SNS topic, {_EXAMPLE}"
        )
    _, partition, service, region, account, resource = parts
    if service not in ("lambda", "sqs", "sns"):
        raise TriggerError(
            f"target {arn[:200]!r} is a {service[:50]!r} ARN: S3 notifies Lambda functions, SQS"
            " queues and SNS topics only (use EventBridge for other targets)"
        )
    kind: TargetKind = "lambda" if service == "lambda" else "sqs" if service == "sqs" else "sns"
    if not _PARTITION.fullmatch(partition):
        raise _wrong(
            arn, f"the partition {partition[:50]!r} is not one of AWS's (aws, aws-cn, ...)"
        )
    if not _REGION.fullmatch(region):
        what = "is missing" if not region else f"{region[:50]!r} is not a region"
        raise _wrong(arn, f"the region {what} (e.g. us-east-1): S3 notifies targets in its region")
    if not _ACCOUNT.fullmatch(account):
        what = "is missing" if not account else f"{account[:50]!r} is not 12 digits"
        raise _wrong(arn, f"the account {what}: give the 12-digit account id")
    if kind == "lambda":
        function = _FUNCTION.fullmatch(resource)
        if function is None:
            raise _wrong(
                arn,
                f"not a Lambda function ARN: {resource[:100]!r} is not 'function:NAME' or"
                " 'function:NAME:VERSION_OR_ALIAS' (NAME: 1-64 letters, digits, '-' and '_')",
            )
        name = function.group("name")
    else:
        name = resource
        if not _NAMES[kind].fullmatch(name):
            what = "queue" if kind == "sqs" else "topic"
            raise _wrong(
                arn,
                f"{name[:100]!r} is not an {kind.upper()} {what} name (letters, digits, '-' and"
                f" '_', up to {80 if kind == 'sqs' else 256})",
            )
        if name.endswith(".fifo"):
            what = "queue" if kind == "sqs" else "topic"
            raise TriggerError(
                f"target {arn!r} is a FIFO {what}: S3 event notifications cannot go to FIFO"
                f" queues or topics; use a standard {what} (or EventBridge)"
            )
    return Target(arn, kind, partition, region, account, name)


def rule_document(trigger: Trigger, target: Target) -> dict[str, Any]:
    """One rule of the document, as S3 returns it (Id, target ARN, Events, Filter)."""
    _, arn_key = SECTIONS[target.kind]
    rule: dict[str, Any] = {"Id": trigger.rule_id, arn_key: target.arn, "Events": [*trigger.events]}
    filter_rules: list[FilterRuleTypeDef] = []
    # URL-encoded: S3 compares the values with the encoded key.
    if trigger.encoded_prefix is not None:
        filter_rules.append({"Name": "prefix", "Value": trigger.encoded_prefix})
    if trigger.encoded_suffix is not None:
        filter_rules.append({"Name": "suffix", "Value": trigger.encoded_suffix})
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


def owned_on_one_bucket(
    triggers: Iterable[Trigger], owner: str | None, operation: str
) -> tuple[str, tuple[Trigger, ...]]:
    """The bucket an apply writes to, and its triggers with that bucket and their owner.

    A trigger without an owner takes ``owner``; TriggerError when no trigger
    names a bucket, or several do.
    """
    ours = tuple(triggers)
    bucket = one_bucket(ours)
    if bucket is None:
        raise TriggerError(
            f"{operation}: no trigger names a bucket; give Trigger(bucket, ...) or"
            " s3_record_handler(bucket=...)"
        )
    return bucket, tuple(
        trigger.with_bucket(bucket)
        if owner is None or trigger.owner is not None
        else trigger.with_bucket(bucket).replace(owner=owner)
        for trigger in ours
    )


def filter_values(rule: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """A document rule's prefix and suffix as written: URL-encoded, the strings S3 compares.

    S3 returns the names as ``Prefix``/``Suffix``; an empty value is none.
    Not decoded: ``my%20photos/`` and ``my+photos/`` decode alike, but only
    the second matches the key ``my photos/x`` (encoded ``my+photos/x``).

    >>> filter_values({"Filter": {"Key": {"FilterRules": [{"Name": "Prefix", "Value": "a+b/"}]}}})
    ('a+b/', None)
    """
    found: dict[str, str | None] = {"prefix": None, "suffix": None}
    filters: Any = rule.get("Filter") or {}
    for entry in filters.get("Key", {}).get("FilterRules", []):
        name = str(entry.get("Name", "")).lower()
        if name in found:
            found[name] = entry.get("Value") or None
    return found["prefix"], found["suffix"]


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
