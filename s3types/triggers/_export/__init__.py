"""Triggers as infrastructure code: JSON, CloudFormation, SAM and Terraform."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from s3types.triggers._configuration import notification_configuration, parse_target
from s3types.triggers._events import TriggerError
from s3types.triggers._export.buckets import by_bucket
from s3types.triggers._export.cloudformation import (
    cloudformation_template,
    existing_bucket_notice,
)
from s3types.triggers._export.sam import recursive_loop, sam_export, sam_template
from s3types.triggers._export.terraform import terraform_config
from s3types.triggers._trigger import Trigger

if TYPE_CHECKING:
    from s3types.triggers._eventbridge.pattern import Via

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "existing_bucket_notice",
    "export_triggers",
    "recursive_loop",
    "sam_template",
]

ExportFormat = Literal["json", "cloudformation", "sam", "terraform"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "cloudformation", "sam", "terraform")


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
        return sam_export(rules, target_arn, handler, functions, existing_buckets)
    if format not in EXPORT_FORMATS:
        raise TriggerError(f"unknown export format {format!r}: one of {', '.join(EXPORT_FORMATS)}")
    if target_arn is None:
        raise TriggerError(f"export to {format} needs target_arn (the function, queue or topic)")
    target = parse_target(target_arn)
    buckets = by_bucket(rules)
    for bucket_rules in buckets.values():
        notification_configuration(bucket_rules, target.arn)  # checks overlap and ids
    if format == "json":
        if len(buckets) > 1:
            raise TriggerError("export to json: one bucket at a time (its configuration document)")
        document = notification_configuration(rules, target.arn)
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if format == "cloudformation":
        template = cloudformation_template(buckets, target, existing_buckets)
        return json.dumps(template, indent=2, ensure_ascii=False) + "\n"
    return terraform_config(buckets, target)
