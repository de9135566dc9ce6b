"""Triggers as infrastructure code: JSON, CloudFormation, SAM and Terraform."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from s3types.triggers._configuration import Target, notification_configuration, parse_target
from s3types.triggers._events import TriggerError
from s3types.triggers._logical_ids import cfn_stems, terraform_names
from s3types.triggers._overlap import check_triggers
from s3types.triggers._trigger import Trigger

if TYPE_CHECKING:
    from s3types.triggers._eventbridge.pattern import Via

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "existing_bucket_notice",
    "export_triggers",
    "sam_template",
]

ExportFormat = Literal["json", "cloudformation", "sam", "terraform"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "cloudformation", "sam", "terraform")
_CFN_SECTIONS = {
    "lambda": ("LambdaConfigurations", "Function"),
    "sqs": ("QueueConfigurations", "Queue"),
    "sns": ("TopicConfigurations", "Topic"),
}
_TF_BLOCKS = {
    "lambda": ("lambda_function", "lambda_function_arn"),
    "sqs": ("queue", "queue_arn"),
    "sns": ("topic", "topic_arn"),
}


def _by_bucket(triggers: Iterable[Trigger]) -> dict[str, list[Trigger]]:
    buckets: dict[str, list[Trigger]] = {}
    for trigger in triggers:
        if trigger.bucket is None:
            raise TriggerError(
                f"trigger {trigger} names no bucket: infrastructure code needs one"
                " (--bucket, or s3_record_handler(bucket=...))"
            )
        buckets.setdefault(trigger.bucket, []).append(trigger)
    if not buckets:
        raise TriggerError("no triggers to export")
    return buckets


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


def _bucket_resource(bucket: str, properties: dict[str, Any], existing: bool) -> dict[str, Any]:
    resource: dict[str, Any] = {"Type": "AWS::S3::Bucket"}
    if existing:
        resource["DeletionPolicy"] = "Retain"
        resource["UpdateReplacePolicy"] = "Retain"
        resource["Metadata"] = {"s3types": existing_bucket_notice(bucket)}
    resource["Properties"] = {"BucketName": bucket, **properties}
    return resource


def _cfn_rules(trigger: Trigger) -> list[dict[str, str]]:
    # URL-encoded, as in the API's document: CloudFormation and SAM pass them on.
    rules: list[dict[str, str]] = []
    if trigger.encoded_prefix is not None:
        rules.append({"Name": "prefix", "Value": trigger.encoded_prefix})
    if trigger.encoded_suffix is not None:
        rules.append({"Name": "suffix", "Value": trigger.encoded_suffix})
    return rules


def _cloudformation(
    buckets: Mapping[str, list[Trigger]], target: Target, existing: Collection[str]
) -> dict[str, Any]:
    section, arn_key = _CFN_SECTIONS[target.kind]
    stems = cfn_stems(buckets)
    resources: dict[str, Any] = {}
    for bucket, triggers in buckets.items():
        entries: list[dict[str, Any]] = []
        for trigger in triggers:
            for event in trigger.events:  # CloudFormation takes one event per entry
                entry: dict[str, Any] = {"Event": event, arn_key: target.arn}
                if _cfn_rules(trigger):
                    entry["Filter"] = {"S3Key": {"Rules": _cfn_rules(trigger)}}
                entries.append(entry)
        bucket_resource = _bucket_resource(
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
            bucket_resource["DependsOn"] = [permission_id]
        resources["Bucket" + stems[bucket]] = bucket_resource
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": "S3 event notifications exported by s3types",
        "Resources": resources,
    }


def recursive_loop(handler: str, allow_recursive_loop: Collection[str]) -> dict[str, str]:
    """The ``RecursiveLoop`` property of a declared function: ``Terminate`` unless allowed.

    Lambda's own loop detection covers S3 and stops a loop after about 16
    invocations; the exports set it explicitly rather than rely on the
    account's default. A function that writes where its trigger fires on
    purpose (its writes pass ``allow_retrigger=True`` to the loop guard, and
    it stops the loop itself) is named in ``allow_recursive_loop``.

    >>> recursive_loop("app.f", ()), recursive_loop("app.f", {"app.f"})
    ({'RecursiveLoop': 'Terminate'}, {'RecursiveLoop': 'Allow'})
    """
    return {"RecursiveLoop": "Allow" if handler in allow_recursive_loop else "Terminate"}


def sam_template(
    functions: Mapping[str, Sequence[Trigger]],
    *,
    runtime: str = "python3.12",
    code_uri: str = ".",
    existing_buckets: Collection[str] = (),
    allow_recursive_loop: Collection[str] = (),
) -> dict[str, Any]:
    """A SAM template: one ``AWS::Serverless::Function`` per handler, its triggers as S3 events.

    ``functions`` maps a Lambda handler string (``"app.on_upload"``) to its
    triggers. SAM's ``Type: S3`` event needs the bucket in the same template,
    so each bucket is a resource here; SAM adds the invoke permission. A
    bucket in ``existing_buckets`` is marked for import
    (:func:`existing_bucket_notice`). Logical ids are distinct whatever the
    names (``a.b`` and ``a-b`` get a hash suffix each). Each function's
    ``RecursiveLoop`` is ``Terminate``, or ``Allow`` for the handlers in
    ``allow_recursive_loop`` (see :func:`recursive_loop`).

    >>> sorted(sam_template({"app.f": [Trigger("bucket")]})["Resources"])
    ['BucketBucket', 'FunctionAppF']
    """
    unknown = sorted(set(allow_recursive_loop) - set(functions))
    if unknown:
        raise TriggerError(f"allow_recursive_loop names no exported function: {unknown}")
    resources: dict[str, Any] = {}
    function_stems = cfn_stems(functions)
    bucket_stems = cfn_stems(
        t.bucket for triggers in functions.values() for t in triggers if t.bucket is not None
    )
    for handler, triggers in functions.items():
        events: dict[str, Any] = {}
        for bucket, rules in _by_bucket(triggers).items():
            bucket_id = "Bucket" + bucket_stems[bucket]
            resources[bucket_id] = _bucket_resource(bucket, {}, bucket in existing_buckets)
            for trigger in rules:
                properties: dict[str, Any] = {
                    "Bucket": {"Ref": bucket_id},
                    "Events": list(trigger.events),
                }
                if _cfn_rules(trigger):
                    properties["Filter"] = {"S3Key": {"Rules": _cfn_rules(trigger)}}
                events[f"S3Rule{len(events) + 1}"] = {"Type": "S3", "Properties": properties}
        resources["Function" + function_stems[handler]] = {
            "Type": "AWS::Serverless::Function",
            "Properties": {
                "Handler": handler,
                "Runtime": runtime,
                "CodeUri": code_uri,
                "Events": events,
                **recursive_loop(handler, allow_recursive_loop),
            },
        }
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Transform": "AWS::Serverless-2016-10-31",
        "Description": "S3-triggered functions exported by s3types",
        "Resources": resources,
    }


def _hcl(value: str) -> str:
    # HCL strings are JSON strings, except that "${" and "%{" start templates.
    return json.dumps(value, ensure_ascii=False).replace("${", "$${").replace("%{", "%%{")


def _terraform(buckets: Mapping[str, list[Trigger]], target: Target) -> str:
    block, arn_key = _TF_BLOCKS[target.kind]
    names = terraform_names(buckets)
    out: list[str] = []
    for bucket, triggers in buckets.items():
        name = names[bucket]
        depends = ""
        if target.kind == "lambda":
            out += [
                f'resource "aws_lambda_permission" "s3_{name}" {{',
                f"  statement_id   = {_hcl('s3types-' + bucket)}",
                '  action         = "lambda:InvokeFunction"',
                f"  function_name  = {_hcl(target.arn)}",
                '  principal      = "s3.amazonaws.com"',
                f"  source_arn     = {_hcl(f'arn:{target.partition}:s3:::{bucket}')}",
                f"  source_account = {_hcl(target.account)}",
                "}",
                "",
            ]
            depends = f"  depends_on = [aws_lambda_permission.s3_{name}]"
        out += [f'resource "aws_s3_bucket_notification" "{name}" {{', f"  bucket = {_hcl(bucket)}"]
        for trigger in triggers:
            out += [
                f"  {block} {{",
                f"    id     = {_hcl(trigger.rule_id)}",
                f"    {arn_key} = {_hcl(target.arn)}",
                f"    events = [{', '.join(_hcl(event) for event in trigger.events)}]",
            ]
            # URL-encoded: the provider passes them to S3 as they are.
            if trigger.encoded_prefix is not None:
                out.append(f"    filter_prefix = {_hcl(trigger.encoded_prefix)}")
            if trigger.encoded_suffix is not None:
                out.append(f"    filter_suffix = {_hcl(trigger.encoded_suffix)}")
            out.append("  }")
        if depends:
            out.append(depends)
        out += ["}", ""]
    return "\n".join(out)


def export_triggers(
    triggers: Iterable[Trigger],
    format: ExportFormat,
    *,
    target_arn: str | None = None,
    handler: str | None = None,
    functions: Mapping[str, Sequence[Trigger]] | None = None,
    existing_buckets: Collection[str] = (),
    via: Via = "notification",
) -> str:
    """Triggers as text for another tool: ``json``, ``cloudformation``, ``sam`` or ``terraform``.

    ``json``: the notification configuration document (one bucket).
    ``cloudformation``: the bucket with its ``NotificationConfiguration`` and,
    for a Lambda target, an ``AWS::Lambda::Permission`` with SourceArn and
    SourceAccount. ``terraform``: ``aws_s3_bucket_notification`` (and
    ``aws_lambda_permission``). These three need ``target_arn``. ``sam``: a
    function (``handler``, e.g. ``"app.on_upload"``, or one per handler of
    ``functions``) with ``Type: S3`` events; its target is that function, so
    a queue or topic as ``target_arn`` is refused. CloudFormation and SAM
    create the buckets they declare: those in ``existing_buckets`` are
    marked for import instead (:func:`existing_bucket_notice`). Resource
    names are distinct and valid whatever the bucket and handler names.

    ``via="eventbridge"``: the same triggers as EventBridge rules, each
    bucket's EventBridge delivery on (``EventBridgeEnabled: true``,
    ``eventbridge = true``): ``json`` (the rules and buckets),
    ``cloudformation`` (``AWS::Events::Rule`` with the pattern and target,
    ``AWS::Lambda::Permission`` for events.amazonaws.com or one
    ``AWS::SQS::QueuePolicy``), ``sam`` (``EventBridgeRule`` events with the
    pattern), ``terraform`` (``aws_cloudwatch_event_rule``,
    ``aws_cloudwatch_event_target``, ``aws_lambda_permission`` or
    ``aws_sqs_queue_policy``, ``aws_s3_bucket_notification``).

    >>> print(export_triggers([Trigger("bkt", suffix=".jpg", id="jpg")], "terraform",
    ...                       target_arn="arn:aws:sqs:us-east-1:123456789012:q"))
    resource "aws_s3_bucket_notification" "bkt" {
      bucket = "bkt"
      queue {
        id     = "jpg"
        queue_arn = "arn:aws:sqs:us-east-1:123456789012:q"
        events = ["s3:ObjectCreated:*"]
        filter_suffix = ".jpg"
      }
    }
    <BLANKLINE>
    """
    from s3types.triggers._eventbridge.pattern import check_via

    if check_via(via, "export_triggers") == "eventbridge":
        from s3types.triggers._eventbridge.export import export_via_eventbridge

        return export_via_eventbridge(
            triggers,
            format,
            target_arn=target_arn,
            handler=handler,
            functions=functions,
            existing_buckets=existing_buckets,
        )
    rules = tuple(triggers)
    if format == "sam":
        return _sam(rules, target_arn, handler, functions, existing_buckets)
    if format not in EXPORT_FORMATS:
        raise TriggerError(f"unknown export format {format!r}: one of {', '.join(EXPORT_FORMATS)}")
    if target_arn is None:
        raise TriggerError(f"export to {format} needs target_arn (the function, queue or topic)")
    target = parse_target(target_arn)
    buckets = _by_bucket(rules)
    for bucket_rules in buckets.values():
        notification_configuration(bucket_rules, target.arn)  # checks overlap and ids
    if format == "json":
        if len(buckets) > 1:
            raise TriggerError("export to json: one bucket at a time (its configuration document)")
        document = notification_configuration(rules, target.arn)
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if format == "cloudformation":
        template = _cloudformation(buckets, target, existing_buckets)
        return json.dumps(template, indent=2, ensure_ascii=False) + "\n"
    return _terraform(buckets, target)


def _sam(
    rules: tuple[Trigger, ...],
    target_arn: str | None,
    handler: str | None,
    functions: Mapping[str, Sequence[Trigger]] | None,
    existing_buckets: Collection[str],
) -> str:
    if target_arn is not None and parse_target(target_arn).kind != "lambda":
        raise TriggerError(
            f"export to sam: the target {target_arn[:200]!r} is not a Lambda function; a SAM"
            " template's S3 events invoke the function it declares. For a queue or topic,"
            " export to cloudformation or terraform"
        )
    if functions is None:
        if handler is None:
            raise TriggerError("export to sam needs the function's handler, e.g. 'app.on_upload'")
        functions = {handler: rules}
    every = (trigger for triggers in functions.values() for trigger in triggers)
    for bucket_rules in _by_bucket(every).values():
        check_triggers(bucket_rules)  # S3 refuses overlapping rules, whoever's they are
    template = sam_template(functions, existing_buckets=existing_buckets)
    return json.dumps(template, indent=2, ensure_ascii=False) + "\n"
