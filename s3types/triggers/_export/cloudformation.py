"""Triggers as a CloudFormation template: buckets with their notifications, invoke permissions."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from s3types.triggers._configuration import Target
from s3types.triggers._logical_ids import cfn_stems
from s3types.triggers._trigger import Trigger

__all__ = ["bucket_resource", "cfn_rules", "cloudformation_template", "existing_bucket_notice"]

_CFN_SECTIONS = {
    "lambda": ("LambdaConfigurations", "Function"),
    "sqs": ("QueueConfigurations", "Queue"),
    "sns": ("TopicConfigurations", "Topic"),
}


def existing_bucket_notice(bucket: str) -> str:
    """What to do with a template that declares a bucket that exists already.

    >>> existing_bucket_notice("photos")
    "bucket 'photos' exists: CloudFormation cannot create it; import it into the stack ..."
    """
    return (
        f"bucket {bucket!r} exists: CloudFormation cannot create it; import it into the stack"
        " (a change set of type IMPORT; the template keeps it with DeletionPolicy Retain, as"
        " an import needs), or use --format terraform or `s3types trigger apply`, which"
        " change an existing bucket's configuration"
    )


def bucket_resource(bucket: str, properties: dict[str, Any], existing: bool) -> dict[str, Any]:
    """An ``AWS::S3::Bucket`` with these properties; an ``existing`` one is kept for import.

    >>> bucket_resource("photos", {}, existing=True)["DeletionPolicy"]
    'Retain'
    """
    resource: dict[str, Any] = {"Type": "AWS::S3::Bucket"}
    if existing:
        resource["DeletionPolicy"] = "Retain"
        resource["UpdateReplacePolicy"] = "Retain"
        resource["Metadata"] = {"s3types": existing_bucket_notice(bucket)}
    resource["Properties"] = {"BucketName": bucket, **properties}
    return resource


def cfn_rules(trigger: Trigger) -> list[dict[str, str]]:
    """A trigger's ``S3Key`` filter rules, URL-encoded as in the API's document.

    >>> cfn_rules(Trigger("b", prefix="my photos/"))
    [{'Name': 'prefix', 'Value': 'my+photos/'}]
    """
    # URL-encoded, as in the API's document: CloudFormation and SAM pass them on.
    rules: list[dict[str, str]] = []
    if trigger.encoded_prefix is not None:
        rules.append({"Name": "prefix", "Value": trigger.encoded_prefix})
    if trigger.encoded_suffix is not None:
        rules.append({"Name": "suffix", "Value": trigger.encoded_suffix})
    return rules


def cloudformation_template(
    buckets: Mapping[str, list[Trigger]], target: Target, existing: Collection[str]
) -> dict[str, Any]:
    """The template: each bucket with its notifications, and a Lambda target's invoke permissions.

    Buckets in ``existing`` are marked for import (:func:`existing_bucket_notice`).

    >>> from s3types.triggers._configuration import parse_target
    >>> queue = parse_target("arn:aws:sqs:us-east-1:123456789012:q")
    >>> sorted(cloudformation_template({"b": [Trigger("b")]}, queue, ())["Resources"])
    ['BucketB']
    """
    section, arn_key = _CFN_SECTIONS[target.kind]
    stems = cfn_stems(buckets)
    resources: dict[str, Any] = {}
    for bucket, triggers in buckets.items():
        entries: list[dict[str, Any]] = []
        for trigger in triggers:
            for event in trigger.events:  # CloudFormation takes one event per entry
                entry: dict[str, Any] = {"Event": event, arn_key: target.arn}
                if cfn_rules(trigger):
                    entry["Filter"] = {"S3Key": {"Rules": cfn_rules(trigger)}}
                entries.append(entry)
        declared = bucket_resource(
            bucket, {"NotificationConfiguration": {section: entries}}, bucket in existing
        )
        if target.kind == "lambda":
            permission_id = "InvokePermission" + stems[bucket]
            resources[permission_id] = {
                "Type": "AWS::Lambda::Permission",
                "Properties": {
                    "FunctionName": target.arn,
                    "Action": "lambda:InvokeFunction",
                    "Principal": "s3.amazonaws.com",
                    "SourceArn": f"arn:{target.partition}:s3:::{bucket}",
                    "SourceAccount": target.account,
                },
            }
            # S3 checks the permission when the notification is written.
            declared["DependsOn"] = [permission_id]
        resources["Bucket" + stems[bucket]] = declared
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "S3 event notifications exported by s3types",
        "Resources": resources,
    }
