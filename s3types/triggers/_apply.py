"""``apply_triggers``: read a bucket's configuration, merge ours, check, write; return the plan."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, cast

from s3types.triggers._bucket import create_bucket as make_bucket
from s3types.triggers._configuration import Target, one_bucket, parse_target, rules_of
from s3types.triggers._events import TriggerError
from s3types.triggers._merge import merge_configuration
from s3types.triggers._overlap import check_triggers
from s3types.triggers._trigger import Trigger

if TYPE_CHECKING:
    from mypy_boto3_events import EventBridgeClient
    from mypy_boto3_lambda import LambdaClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import NotificationConfigurationTypeDef
    from mypy_boto3_sqs import SQSClient

    from s3types.triggers._eventbridge import Via

__all__ = ["TriggerPlan", "apply_triggers"]

PermissionState = Literal["added", "present", "not needed", "not checked", "to add"]


@dataclass(frozen=True)
class TriggerPlan:
    """What :func:`apply_triggers` did (or, with ``dry_run``, would do) to a bucket.

    ``added``, ``replaced``, ``removed`` and ``kept`` are the rules, as
    triggers; ``kept`` includes every rule that is not ours. ``changed`` is
    false when the configuration already said what we want (nothing was
    written). ``previous`` and ``configuration`` are the documents before
    and after. ``str(plan)`` is the readable plan the CLI prints.
    """

    bucket: str
    target_arn: str
    added: tuple[Trigger, ...]
    replaced: tuple[Trigger, ...]
    removed: tuple[Trigger, ...]
    kept: tuple[Trigger, ...]
    changed: bool
    previous: dict[str, Any] = field(repr=False)
    configuration: dict[str, Any] = field(repr=False)
    bucket_created: bool = False
    permission: PermissionState = "not needed"
    dry_run: bool = False

    def __str__(self) -> str:
        lines = [f"bucket {self.bucket} -> {self.target_arn}"]
        if self.bucket_created:
            lines.append(f"  bucket: {'to create' if self.dry_run else 'created'}")
        for sign, label, rules in (
            ("+", "added", self.added),
            ("~", "changed", self.replaced),
            ("-", "removed", self.removed),
            ("=", "kept", self.kept),
        ):
            lines += [f"  {sign} {label:8} {rule}" for rule in rules]
        if self.permission != "not needed":
            lines.append(f"  invoke permission for s3.amazonaws.com: {self.permission}")
        if not self.changed:
            lines.append("no changes: the bucket's configuration already says this")
        elif self.dry_run:
            lines.append("dry run: nothing written")
        else:
            lines.append("configuration written")
        return "\n".join(lines)


def read_configuration(s3_client: S3Client, bucket: str) -> dict[str, Any]:
    """The bucket's notification configuration as S3 returns it, without ResponseMetadata."""
    response: dict[str, Any] = dict(s3_client.get_bucket_notification_configuration(Bucket=bucket))
    response.pop("ResponseMetadata", None)
    return response


def _error_code(err: Exception) -> str | None:
    # botocore's ClientError, told by its response: botocore is imported only by the caller.
    response: object = getattr(err, "response", None)
    if not isinstance(response, dict):
        return None
    error: Any = cast("dict[str, Any]", response).get("Error") or {}
    return str(error.get("Code"))


def _bucket_exists(s3_client: S3Client, bucket: str) -> bool:
    try:
        s3_client.head_bucket(Bucket=bucket)
    except Exception as err:
        code = _error_code(err)
        if code in ("404", "NoSuchBucket", "NotFound"):
            return False
        raise
    return True


def apply_triggers(
    s3_client: S3Client,
    triggers: Iterable[Trigger],
    target_arn: str,
    *,
    lambda_client: LambdaClient | None = None,
    create_bucket: bool = False,
    dry_run: bool = False,
    via: Via = "notification",
    events_client: EventBridgeClient | None = None,
    sqs_client: SQSClient | None = None,
) -> TriggerPlan:
    """Make a bucket's notification configuration send these triggers to ``target_arn``.

    Reads the bucket's configuration, merges ours in by id (ours replaced,
    every other rule, the EventBridge setting and other target kinds kept
    exactly), checks the result with S3's overlap rule and the target
    (FIFO refused) before anything is written, then writes it, once, only if
    it changed: a second identical apply writes nothing and says so. For a
    Lambda target with ``lambda_client`` given, the invoke permission for
    s3.amazonaws.com (SourceArn and SourceAccount) is added first when
    missing. ``create_bucket`` makes a missing bucket (S3's naming rules, the
    client's region). ``dry_run`` computes the plan and writes nothing.

    ``via="eventbridge"`` delivers the same triggers through the bucket's
    EventBridge delivery instead (``events_client`` needed): an EventBridge
    rule per trigger (:func:`event_pattern`) on the default bus, sending to
    the Lambda function (its permission for events.amazonaws.com, with the
    rule as SourceArn, added with ``lambda_client``) or the SQS queue (a
    policy statement for the rule merged into the queue's policy, with
    ``sqs_client``); ``EventBridgeConfiguration`` merged into the bucket's
    notification configuration, every other rule kept; our stale rules
    removed. The plan is an :class:`EventBridgePlan`.

    >>> plan = apply_triggers(s3, [Trigger("photos", prefix="uploads/")],  # doctest: +SKIP
    ...                       "arn:aws:sqs:us-east-1:123456789012:uploads")
    >>> plan.changed  # doctest: +SKIP
    True
    """
    from s3types.triggers._eventbridge import check_via

    if check_via(via, "apply_triggers") == "eventbridge":
        from s3types.triggers._eventbridge_apply import apply_via_eventbridge

        return apply_via_eventbridge(
            s3_client,
            triggers,
            target_arn,
            events_client=events_client,
            lambda_client=lambda_client,
            sqs_client=sqs_client,
            create_bucket=create_bucket,
            dry_run=dry_run,
        )
    target = parse_target(target_arn)
    ours = tuple(triggers)
    bucket = one_bucket(ours)
    if bucket is None:
        raise TriggerError(
            "apply_triggers: no trigger names a bucket; give Trigger(bucket, ...) or"
            " s3_record_handler(bucket=...)"
        )
    ours = tuple(trigger.with_bucket(bucket) for trigger in ours)
    created = False
    if not _bucket_exists(s3_client, bucket):
        if not create_bucket:
            raise TriggerError(
                f"apply_triggers: bucket {bucket!r} does not exist; create it, or pass"
                " create_bucket=True"
            )
        created = True
        previous: dict[str, Any] = {}
        region = s3_client.meta.region_name or "us-east-1"
    else:
        previous = read_configuration(s3_client, bucket)
        location = s3_client.get_bucket_location(Bucket=bucket).get("LocationConstraint")
        region = {None: "us-east-1", "": "us-east-1", "EU": "eu-west-1"}.get(location, location)
    if target.region != region:
        raise TriggerError(
            f"apply_triggers: target {target.arn!r} is in {target.region}, bucket {bucket!r} in"
            f" {region}: S3 notifies only targets in the bucket's own region"
        )
    merge = merge_configuration(previous, ours, target, bucket)
    check_triggers(rules_of(merge.configuration, bucket))
    changed = bool(merge.added or merge.replaced or merge.removed) or created
    permission: PermissionState = "not needed"
    if target.kind == "lambda":
        permission = "not checked" if lambda_client is None else "present"
    if not dry_run:
        if created:
            make_bucket(s3_client, bucket)
        if lambda_client is not None and target.kind == "lambda":
            permission = _ensure_permission(lambda_client, target, bucket)
        if changed:
            document = cast("NotificationConfigurationTypeDef", merge.configuration)
            s3_client.put_bucket_notification_configuration(
                Bucket=bucket, NotificationConfiguration=document
            )
    elif lambda_client is not None and target.kind == "lambda":
        permission = "present" if _has_permission(lambda_client, target, bucket) else "to add"
    return TriggerPlan(
        bucket=bucket,
        target_arn=target.arn,
        added=merge.added,
        replaced=merge.replaced,
        removed=merge.removed,
        kept=merge.kept,
        changed=changed,
        previous=previous,
        configuration=merge.configuration,
        bucket_created=created,
        permission=permission,
        dry_run=dry_run,
    )


def _statement_id(bucket: str) -> str:
    # Lambda's StatementId is [a-zA-Z0-9-_.]{1,100}; bucket names fit.
    return f"s3types-{bucket}"[:100]


def _has_permission(lambda_client: LambdaClient, target: Target, bucket: str) -> bool:
    try:
        policy: Any = json.loads(lambda_client.get_policy(FunctionName=target.arn)["Policy"])
    except Exception as err:
        if _error_code(err) == "ResourceNotFoundException":
            return False  # no policy yet (or no function: add_permission will say which)
        raise
    source_arn = f"arn:{target.partition}:s3:::{bucket}"
    statement: Any
    for statement in policy.get("Statement", []):
        principal: Any = statement.get("Principal")
        service: Any = principal
        if isinstance(principal, dict):
            service = cast("dict[str, Any]", principal).get("Service")
        condition: Any = statement.get("Condition") or {}
        arn_like: Any = condition.get("ArnLike") or {}
        if (
            statement.get("Effect", "Allow") == "Allow"
            and service == "s3.amazonaws.com"
            and statement.get("Action") in ("lambda:InvokeFunction", "lambda:*")
            and arn_like.get("AWS:SourceArn") == source_arn
        ):
            return True
    return False


def _ensure_permission(lambda_client: LambdaClient, target: Target, bucket: str) -> PermissionState:
    if _has_permission(lambda_client, target, bucket):
        return "present"
    lambda_client.add_permission(
        FunctionName=target.arn,
        StatementId=_statement_id(bucket),
        Action="lambda:InvokeFunction",
        Principal="s3.amazonaws.com",
        SourceArn=f"arn:{target.partition}:s3:::{bucket}",
        SourceAccount=target.account,
    )
    return "added"
