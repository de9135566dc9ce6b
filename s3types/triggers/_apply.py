"""``apply_triggers``: read the configuration, merge ours, check, write, read back; the plan."""

from __future__ import annotations

import random
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from s3types.triggers._bucket import bucket_exists, check_new_bucket_name
from s3types.triggers._bucket import create_bucket as make_bucket
from s3types.triggers._configuration import owned_on_one_bucket, parse_target, rules_of
from s3types.triggers._events import TriggerError
from s3types.triggers._merge import Merge, merge_configuration
from s3types.triggers._overlap import check_triggers
from s3types.triggers._permission import (
    PermissionState,
    ensure_permission,
    has_permission,
)
from s3types.triggers._trigger import Trigger

if TYPE_CHECKING:
    from mypy_boto3_events import EventBridgeClient
    from mypy_boto3_lambda import LambdaClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import NotificationConfigurationTypeDef
    from mypy_boto3_sqs import SQSClient

    from s3types.triggers._eventbridge.pattern import Via

__all__ = ["MAX_ATTEMPTS", "SETTLE_SECONDS", "TriggerPlan", "apply_triggers"]

#: Writes one apply makes at most before it gives up on a configuration that
#: another writer keeps changing (S3 has no conditional write for it).
MAX_ATTEMPTS = 5
#: How long after a write the configuration is read back (jittered 0.5x to
#: 1.5x, doubled after each rewrite): a writer that read the configuration
#: before ours landed writes within this time, and the read-back sees it.
SETTLE_SECONDS = 0.2


@dataclass(frozen=True)
class TriggerPlan:
    """What :func:`apply_triggers` did (or, with ``dry_run``, would do) to a bucket.

    ``added``, ``replaced``, ``removed`` and ``kept`` are the rules, as
    triggers; ``kept`` includes every rule that is not ours. ``changed`` is
    false when the configuration already said what we want (nothing was
    written). ``previous`` and ``configuration`` are the documents before
    and after. ``attempts`` is how many times the configuration was written:
    more than one when another writer changed it between our write and the
    read-back, and ours was merged into theirs again. ``str(plan)`` is the
    readable plan the CLI prints.
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
    attempts: int = 0

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
        elif self.attempts > 1:
            lines.append(
                f"configuration written, {self.attempts} attempts: another writer changed it"
                " meanwhile, and ours was merged into theirs again"
            )
        else:
            lines.append("configuration written")
        return "\n".join(lines)


def read_configuration(s3_client: S3Client, bucket: str) -> dict[str, Any]:
    """The bucket's notification configuration as S3 returns it, without ResponseMetadata."""
    response: dict[str, Any] = dict(s3_client.get_bucket_notification_configuration(Bucket=bucket))
    response.pop("ResponseMetadata", None)
    return response


def _merged(current: dict[str, Any], ours: tuple[Trigger, ...], target_arn: str) -> Merge:
    target = parse_target(target_arn)
    bucket = cast("str", ours[0].bucket)
    merge = merge_configuration(current, ours, target, bucket)
    check_triggers(rules_of(merge.configuration, bucket))
    return merge


def _differs(merge: Merge) -> bool:
    return bool(merge.added or merge.replaced or merge.removed)


def _write_until_it_holds(
    s3_client: S3Client, ours: tuple[Trigger, ...], target_arn: str, first: Merge
) -> tuple[int, dict[str, Any]]:
    """Write, read back, merge again while another writer's write dropped ours.

    Returns the number of writes and the configuration read back last.

    PutBucketNotificationConfiguration has no conditional form: two writers
    that read the same configuration each write theirs, and the later one
    drops the rule of the earlier. Every s3types writer reads back after a
    jittered pause, so the one whose rule was dropped sees it and writes
    again, merged into what is there now.
    """
    bucket = cast("str", ours[0].bucket)
    merge = first
    for attempt in range(1, MAX_ATTEMPTS + 1):
        document = cast("NotificationConfigurationTypeDef", merge.configuration)
        s3_client.put_bucket_notification_configuration(
            Bucket=bucket, NotificationConfiguration=document
        )
        time.sleep(SETTLE_SECONDS * 2 ** (attempt - 1) * random.uniform(0.5, 1.5))
        current = read_configuration(s3_client, bucket)
        merge = _merged(current, ours, target_arn)
        if not _differs(merge):
            return attempt, current
    raise TriggerError(
        f"apply_triggers: bucket {bucket!r}'s notification configuration was changed by another"
        f" writer after each of {MAX_ATTEMPTS} writes, and ours is not in it; find the other"
        " writer (another deployment of the same triggers?) and apply again"
    )


def apply_triggers(
    s3_client: S3Client,
    triggers: Iterable[Trigger],
    target_arn: str,
    *,
    lambda_client: LambdaClient | None = None,
    create_bucket: bool = False,
    dry_run: bool = False,
    owner: str | None = None,
    via: Via = "notification",
    events_client: EventBridgeClient | None = None,
    sqs_client: SQSClient | None = None,
) -> TriggerPlan:
    """Make a bucket's notification configuration send these triggers to ``target_arn``.

    Reads the bucket's configuration, merges ours in by id (ours replaced,
    every other rule, the EventBridge setting and other target kinds kept
    exactly), checks the result with S3's overlap rule and the target
    (FIFO refused) before anything is written, then writes it only if it
    changed: a second identical apply writes nothing and says so. After the
    write it reads the configuration back, and merges and writes again
    (at most :data:`MAX_ATTEMPTS` times, jittered backoff) if another
    writer's write dropped ours (``plan.attempts``).

    ``owner`` (e.g. the handler's ``module:qualname``, see
    :func:`~s3types.triggers.owner_of`) is given to every trigger that has
    none: their derived rule ids carry it, and the rules of that owner sent
    to this target that are no longer declared are removed. Without an
    owner nothing is removed; rules of other owners never are.

    For a Lambda target with ``lambda_client`` given, the invoke permission
    for s3.amazonaws.com (SourceArn and SourceAccount) is added first when
    missing. ``create_bucket`` makes a missing bucket (S3's naming rules,
    the client's region). ``dry_run`` computes the plan and writes nothing.

    ``via="eventbridge"`` delivers the same triggers through the bucket's
    EventBridge delivery instead (``events_client`` needed): an EventBridge
    rule per trigger (:func:`event_pattern`) on the default bus, sending to
    the Lambda function (its permission for events.amazonaws.com, with the
    rule as SourceArn, added with ``lambda_client``) or the SQS queue (a
    policy statement for the rule merged into the queue's policy, with
    ``sqs_client``); ``EventBridgeConfiguration`` merged into the bucket's
    notification configuration, every other rule kept; the stale rules of
    the same owners sent to this target removed. The plan is an
    :class:`EventBridgePlan`.

    >>> plan = apply_triggers(s3, [Trigger("photos", prefix="uploads/")],  # doctest: +SKIP
    ...                       "arn:aws:sqs:us-east-1:123456789012:uploads", owner="app:on_upload")
    >>> plan.changed  # doctest: +SKIP
    True
    """
    from s3types.triggers._eventbridge.pattern import check_via

    if check_via(via, "apply_triggers") == "eventbridge":
        from s3types.triggers._eventbridge.apply import apply_via_eventbridge

        return apply_via_eventbridge(
            s3_client,
            triggers,
            target_arn,
            events_client=events_client,
            lambda_client=lambda_client,
            sqs_client=sqs_client,
            create_bucket=create_bucket,
            dry_run=dry_run,
            owner=owner,
        )
    target = parse_target(target_arn)
    bucket, ours = owned_on_one_bucket(triggers, owner, "apply_triggers")
    created = False
    if not bucket_exists(s3_client, bucket):
        if not create_bucket:
            raise TriggerError(
                f"apply_triggers: bucket {bucket!r} does not exist; create it, or pass"
                " create_bucket=True (--create-bucket)"
            )
        check_new_bucket_name(bucket)
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
    merge = _merged(previous, ours, target.arn)
    changed = _differs(merge) or created
    permission: PermissionState = "not needed"
    if target.kind == "lambda":
        permission = "not checked" if lambda_client is None else "present"
    attempts = 0
    configuration = merge.configuration
    if not dry_run:
        if created:
            make_bucket(s3_client, bucket)
        if lambda_client is not None and target.kind == "lambda":
            permission = ensure_permission(lambda_client, target, bucket)
        if _differs(merge):
            attempts, configuration = _write_until_it_holds(s3_client, ours, target.arn, merge)
    elif lambda_client is not None and target.kind == "lambda":
        permission = "present" if has_permission(lambda_client, target, bucket) else "to add"
    return TriggerPlan(
        bucket=bucket,
        target_arn=target.arn,
        added=merge.added,
        replaced=merge.replaced,
        removed=merge.removed,
        kept=merge.kept,
        changed=changed,
        previous=previous,
        configuration=configuration,
        bucket_created=created,
        permission=permission,
        dry_run=dry_run,
        attempts=attempts,
    )
