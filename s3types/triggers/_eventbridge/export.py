"""``export_triggers(..., via="eventbridge")``: the rules for CloudFormation, SAM, Terraform.

Each bucket turns its EventBridge delivery on; each trigger is an
EventBridge rule on the default bus (:func:`event_pattern`) sending to the
target, with the grant that lets it: an ``AWS::Lambda::Permission`` for
events.amazonaws.com with the rule as SourceArn, or one queue policy
statement per rule. CloudFormation's ``AWS::SQS::QueuePolicy`` and
Terraform's ``aws_sqs_queue_policy`` set a queue's whole policy, and
Terraform's ``aws_s3_bucket_notification`` a bucket's whole notification
configuration: keep every other statement or rule of that queue or bucket
in the same resource (what CDK issue #29653 is about).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, cast

from s3types.triggers._configuration import Target, parse_target
from s3types.triggers._eventbridge.access import EVENTS_PRINCIPAL, queue_statement, queue_url
from s3types.triggers._eventbridge.pattern import event_pattern
from s3types.triggers._eventbridge.plan import BUS, TARGET_ID, rule_name
from s3types.triggers._events import TriggerError
from s3types.triggers._export.buckets import by_bucket
from s3types.triggers._export.cloudformation import bucket_resource
from s3types.triggers._export.sam import sam_function, serverless_template
from s3types.triggers._export.terraform import hcl
from s3types.triggers._logical_ids import cfn_stems, terraform_names
from s3types.triggers._trigger import Trigger

__all__ = ["eventbridge_sam_template", "export_via_eventbridge"]


def _rules(
    triggers: Iterable[Trigger], target_arn: str
) -> list[tuple[str, Trigger, dict[str, Any]]]:
    rules: list[tuple[str, Trigger, dict[str, Any]]] = []
    for bucket, members in by_bucket(triggers).items():
        ids = [trigger.rule_id for trigger in members]
        duplicate = next((rule_id for rule_id in ids if ids.count(rule_id) > 1), None)
        if duplicate is not None:
            raise TriggerError(
                f"two triggers on bucket {bucket!r} have the id {duplicate!r}: give each its own"
            )
        for trigger in members:
            name = rule_name(bucket, trigger.rule_id, target_arn)
            rules.append((name, trigger, event_pattern(trigger)))
    return rules


def _rule_id(name: str) -> str:
    # Logical ids from the rule name's digest: distinct per (bucket, id, target).
    return "EventRule" + name.rpartition("-")[2]


def _buckets(
    rules: Sequence[tuple[str, Trigger, dict[str, Any]]], existing: Collection[str]
) -> dict[str, Any]:
    resources: dict[str, Any] = {}
    stems = cfn_stems(str(trigger.bucket) for _, trigger, _ in rules)
    setting = {
        "NotificationConfiguration": {"EventBridgeConfiguration": {"EventBridgeEnabled": True}}
    }
    for bucket in stems:
        resources["Bucket" + stems[bucket]] = bucket_resource(bucket, setting, bucket in existing)
    return resources


def _cloudformation(
    rules: Sequence[tuple[str, Trigger, dict[str, Any]]], target: Target, existing: Collection[str]
) -> str:
    resources = _buckets(rules, existing)
    statements: list[dict[str, Any]] = []
    for name, trigger, pattern in rules:
        logical = _rule_id(name)
        resources[logical] = {
            "Type": "AWS::Events::Rule",
            "Properties": {
                "Description": f"s3types trigger {trigger}"[:512],
                "EventBusName": BUS,
                "EventPattern": pattern,
                "State": "ENABLED",
                "Targets": [{"Id": TARGET_ID, "Arn": target.arn}],
            },
        }
        source_arn = {"Fn::GetAtt": [logical, "Arn"]}
        if target.kind == "lambda":
            resources[logical + "Permission"] = {
                "Type": "AWS::Lambda::Permission",
                "Properties": {
                    "FunctionName": target.arn,
                    "Action": "lambda:InvokeFunction",
                    "Principal": EVENTS_PRINCIPAL,
                    "SourceArn": source_arn,
                },
            }
        else:
            statements.append(queue_statement(logical, target.arn, source_arn))
    if statements:
        resources["QueuePolicy" + cfn_stems([target.name])[target.name]] = {
            "Type": "AWS::SQS::QueuePolicy",
            "Properties": {
                "Queues": [queue_url(target)],
                "PolicyDocument": {"Version": "2012-10-17", "Statement": statements},
            },
        }
    template = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "S3 triggers delivered through EventBridge, exported by s3types",
        "Resources": resources,
    }
    return json.dumps(template, indent=2, ensure_ascii=False) + "\n"


def eventbridge_sam_template(
    functions: Mapping[str, Sequence[Trigger]],
    *,
    runtime: str = "python3.12",
    code_uri: str = ".",
    existing_buckets: Collection[str] = (),
) -> dict[str, Any]:
    """A SAM template: one function per handler, each trigger an ``EventBridgeRule`` event.

    Each bucket is a resource with EventBridge delivery on; SAM makes the
    rule on the default bus and the function's permission.

    >>> template = eventbridge_sam_template({"app.f": [Trigger("b", suffix=".jpg")]})
    >>> sorted(template["Resources"]), template["Resources"]["BucketB"]["Properties"][
    ...     "NotificationConfiguration"]
    (['BucketB', 'FunctionAppF'], {'EventBridgeConfiguration': {'EventBridgeEnabled': True}})
    """
    resources: dict[str, Any] = {}
    function_stems = cfn_stems(functions)
    for handler, triggers in functions.items():
        rules = _rules(triggers, f"sam:{handler}")
        resources.update(_buckets(rules, existing_buckets))
        events = {
            _rule_id(name): {"Type": "EventBridgeRule", "Properties": {"Pattern": pattern}}
            for name, _, pattern in rules
        }
        resources["Function" + function_stems[handler]] = sam_function(
            handler, runtime, code_uri, events
        )
    return serverless_template(
        "S3-triggered functions, delivered through EventBridge, exported by s3types", resources
    )


class _Ref(str):
    """An HCL expression written as it is (a reference), not as a string."""


def _hcl_value(value: Any, indent: str) -> str:
    if isinstance(value, _Ref):
        return str(value)
    if isinstance(value, str):
        return hcl(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    inner = indent + "  "
    if isinstance(value, list):
        items = [f"{inner}{_hcl_value(item, inner)}," for item in cast("list[object]", value)]
        return "[\n" + "\n".join(items) + f"\n{indent}]"
    assert isinstance(value, dict)
    entries = cast("dict[str, Any]", value).items()
    fields = [f"{inner}{hcl(k)} = {_hcl_value(v, inner)}" for k, v in entries]
    return "{\n" + "\n".join(fields) + f"\n{indent}}}"


def _terraform(rules: Sequence[tuple[str, Trigger, dict[str, Any]]], target: Target) -> str:
    out: list[str] = []
    buckets = list(dict.fromkeys(str(trigger.bucket) for _, trigger, _ in rules))
    names = terraform_names(buckets)
    for bucket in buckets:
        out += [
            "# The bucket's whole notification configuration: other rules of this bucket",
            "# managed in Terraform belong in this resource too.",
            f'resource "aws_s3_bucket_notification" "{names[bucket]}" {{',
            f"  bucket      = {hcl(bucket)}",
            "  eventbridge = true",
            "}",
            "",
        ]
    statements: list[dict[str, Any]] = []
    for name, trigger, pattern in rules:
        resource = name.replace("-", "_")
        out += [
            f'resource "aws_cloudwatch_event_rule" "{resource}" {{',
            f"  name           = {hcl(name)}",
            f"  description    = {hcl(f's3types trigger {trigger}'[:512])}",
            f"  event_bus_name = {hcl(BUS)}",
            f"  event_pattern  = {hcl(json.dumps(pattern, ensure_ascii=False))}",
            "}",
            "",
            f'resource "aws_cloudwatch_event_target" "{resource}" {{',
            f"  rule           = aws_cloudwatch_event_rule.{resource}.name",
            f"  event_bus_name = {hcl(BUS)}",
            f"  target_id      = {hcl(TARGET_ID)}",
            f"  arn            = {hcl(target.arn)}",
            "}",
            "",
        ]
        source_arn = _Ref(f"aws_cloudwatch_event_rule.{resource}.arn")
        if target.kind == "lambda":
            out += [
                f'resource "aws_lambda_permission" "{resource}" {{',
                f"  statement_id  = {hcl(name)}",
                '  action        = "lambda:InvokeFunction"',
                f"  function_name = {hcl(target.arn)}",
                f"  principal     = {hcl(EVENTS_PRINCIPAL)}",
                f"  source_arn    = {source_arn}",
                "}",
                "",
            ]
        else:
            statements.append(queue_statement(name, target.arn, source_arn))
    if statements:
        document = {"Version": "2012-10-17", "Statement": statements}
        out += [
            "# The queue's whole policy: keep its other statements in this document.",
            f'resource "aws_sqs_queue_policy" "{terraform_names([target.name])[target.name]}" {{',
            f"  queue_url = {hcl(queue_url(target))}",
            f"  policy    = jsonencode({_hcl_value(document, '  ')})",
            "}",
            "",
        ]
    return "\n".join(out)


def export_via_eventbridge(
    triggers: Iterable[Trigger],
    format: str,
    *,
    target_arn: str | None,
    handler: str | None,
    functions: Mapping[str, Sequence[Trigger]] | None = None,
    existing_buckets: Collection[str] = (),
) -> str:
    """See :func:`s3types.triggers.export_triggers` (``via="eventbridge"``)."""
    rules_in = tuple(triggers)
    if format == "sam":
        if functions is None:
            if handler is None:
                raise TriggerError(
                    "export to sam needs the function's handler, e.g. 'app.on_upload'"
                )
            functions = {handler: rules_in}
        template = eventbridge_sam_template(functions, existing_buckets=existing_buckets)
        return json.dumps(template, indent=2) + "\n"
    if target_arn is None:
        raise TriggerError(f"export to {format} needs target_arn (the function or queue)")
    target = parse_target(target_arn)
    if target.kind == "sns":
        raise TriggerError(
            f"export via eventbridge: target {target.arn!r} is an SNS topic; this release sends"
            " EventBridge rules to Lambda functions and SQS queues"
        )
    rules = _rules(rules_in, target.arn)
    if format == "json":
        document: dict[str, Any] = {
            "buckets": {
                str(trigger.bucket): {"EventBridgeConfiguration": {}} for _, trigger, _ in rules
            },
            "rules": [
                {
                    "Name": name,
                    "EventBusName": BUS,
                    "EventPattern": pattern,
                    "Targets": [{"Id": TARGET_ID, "Arn": target.arn}],
                }
                for name, _, pattern in rules
            ],
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if format == "cloudformation":
        return _cloudformation(rules, target, existing_buckets)
    if format == "terraform":
        return _terraform(rules, target)
    raise TriggerError(
        f"unknown export format {format!r}: one of json, cloudformation, sam, terraform"
    )
