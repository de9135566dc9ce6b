"""``apply_triggers(..., via="eventbridge")``: EventBridge delivery on, a rule per trigger.

Read (the bucket's notification configuration, our rules on the default
bus, the target's grants), plan, then write: the rules and their target, the
grant that lets each rule reach the target, the bucket's
``EventBridgeConfiguration`` merged into its notification configuration
(every other rule kept), and last the removal of our stale rules.

A rule's description records the trigger's id, which carries the owner
(``_owner.py``): an apply
removes a stale rule only when it sends to the same target and its trigger
id belongs to one of the apply's owners, as a notification apply does.
"""

from __future__ import annotations

import copy
import json
import random
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from s3types.triggers._apply import MAX_ATTEMPTS, SETTLE_SECONDS, read_configuration
from s3types.triggers._bucket import bucket_exists, check_new_bucket_name
from s3types.triggers._bucket import create_bucket as make_bucket
from s3types.triggers._configuration import Target, owned_on_one_bucket, parse_target
from s3types.triggers._eventbridge.access import (
    AccessState,
    merge_queue_policy,
    queue_statement,
    read_queue_policy,
    sync_lambda_permissions,
)
from s3types.triggers._eventbridge.pattern import event_pattern
from s3types.triggers._eventbridge.plan import (
    BUS,
    TARGET_ID,
    EventBridgePlan,
    EventBridgeSetting,
    rule_arn,
    rule_name,
)
from s3types.triggers._eventbridge.rules import (
    is_same_rule,
    our_rules,
    recorded_rule_id,
    rule_description,
    trigger_of_rule,
)
from s3types.triggers._events import TriggerError
from s3types.triggers._owner import may_remove
from s3types.triggers._trigger import Trigger

if TYPE_CHECKING:
    from mypy_boto3_events import EventBridgeClient
    from mypy_boto3_lambda import LambdaClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import NotificationConfigurationTypeDef
    from mypy_boto3_sqs import SQSClient

__all__ = ["apply_via_eventbridge"]


def _with_eventbridge(previous: dict[str, Any]) -> dict[str, Any]:
    configuration = copy.deepcopy(previous)
    configuration["EventBridgeConfiguration"] = previous.get("EventBridgeConfiguration") or {}
    return configuration


def _without_setting(configuration: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in configuration.items() if v and k != "EventBridgeConfiguration"}


def _write_bucket(s3_client: S3Client, bucket: str, previous: dict[str, Any]) -> EventBridgeSetting:
    """Write the setting merged into the configuration; read back; merge again if it was lost.

    As a notification apply does (``_apply.py``: the same jittered pause and
    number of writes), since PutBucketNotificationConfiguration has no
    conditional form. Done when the read shows the setting, or, where S3
    leaves it out of its answer (moto 5.2.6), when the read is what we
    wrote; a read that differs means another writer wrote after us, maybe
    without the setting, so it is merged into theirs and written again.
    """
    document = _with_eventbridge(previous)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        s3_client.put_bucket_notification_configuration(
            Bucket=bucket,
            NotificationConfiguration=cast("NotificationConfigurationTypeDef", document),
        )
        time.sleep(SETTLE_SECONDS * 2 ** (attempt - 1) * random.uniform(0.5, 1.5))
        now = read_configuration(s3_client, bucket)
        if "EventBridgeConfiguration" in now:
            return "turned on"
        if _without_setting(now) == _without_setting(document):
            return "written, not reported"
        document = _with_eventbridge(now)
    raise TriggerError(
        f"apply_triggers: bucket {bucket!r}'s notification configuration was changed by another"
        f" writer after each of {MAX_ATTEMPTS} writes of its EventBridge setting; find the other"
        " writer and apply again"
    )


def apply_via_eventbridge(
    s3_client: S3Client,
    triggers: Iterable[Trigger],
    target_arn: str,
    *,
    events_client: EventBridgeClient | None,
    lambda_client: LambdaClient | None = None,
    sqs_client: SQSClient | None = None,
    create_bucket: bool = False,
    dry_run: bool = False,
    owner: str | None = None,
) -> EventBridgePlan:
    """Deliver these triggers to ``target_arn`` through the bucket's EventBridge delivery.

    See :func:`s3types.triggers.apply_triggers` (``via="eventbridge"``).
    """
    if events_client is None:
        raise TriggerError("apply_triggers(via='eventbridge') needs events_client (boto3 'events')")
    target = parse_target(target_arn)
    if target.kind == "sns":
        raise TriggerError(
            f"apply_triggers(via='eventbridge'): target {target.arn!r} is an SNS topic; this"
            " release sends EventBridge rules to Lambda functions and SQS queues"
        )
    bucket, ours = owned_on_one_bucket(triggers, owner, "apply_triggers")
    owners = {trigger.owner for trigger in ours if trigger.owner is not None}
    ids = [trigger.rule_id for trigger in ours]
    duplicate = next((rule_id for rule_id in ids if ids.count(rule_id) > 1), None)
    if duplicate is not None:
        raise TriggerError(f"two triggers have the id {duplicate!r}: give each its own")
    names = {t.rule_id: rule_name(bucket, t.rule_id, target.arn) for t in ours}
    patterns = {names[t.rule_id]: event_pattern(t) for t in ours}
    created = not bucket_exists(s3_client, bucket)
    if created and not create_bucket:
        raise TriggerError(
            f"apply_triggers: bucket {bucket!r} does not exist; create it, or pass"
            " create_bucket=True"
        )
    if created:
        check_new_bucket_name(bucket)
    previous: dict[str, Any] = {} if created else read_configuration(s3_client, bucket)
    if not created:
        location = s3_client.get_bucket_location(Bucket=bucket).get("LocationConstraint")
        region = {None: "us-east-1", "": "us-east-1", "EU": "eu-west-1"}.get(location, location)
        if target.region != region:
            raise TriggerError(
                f"apply_triggers: target {target.arn!r} is in {target.region}, bucket"
                f" {bucket!r} in {region}: S3 sends to the default bus of its own region"
            )
    existing = our_rules(events_client, target, bucket)
    added: list[Trigger] = []
    replaced: list[Trigger] = []
    kept: list[Trigger] = []
    for trigger in ours:
        name = names[trigger.rule_id]
        if name not in existing:
            added.append(trigger)
        elif is_same_rule(
            existing[name], patterns[name], rule_description(trigger, target), target
        ):
            kept.append(trigger)
        else:
            replaced.append(trigger)
    undeclared = [rule for name, rule in existing.items() if name not in patterns]
    stale = [rule for rule in undeclared if may_remove(recorded_rule_id(rule), owners)]
    removed = [trigger_of_rule(rule, bucket) for rule in stale]
    others = [trigger_of_rule(rule, bucket) for rule in undeclared if rule not in stale]
    kept += others
    for rule in undeclared:
        names[trigger_of_rule(rule, bucket).rule_id] = rule.name
    setting: EventBridgeSetting = "on" if "EventBridgeConfiguration" in previous else "to turn on"
    # A rule that exists has its ARN (its bus may be another account's than the
    # target's); a new one gets put_rule's answer, or in a dry run the likely one.
    arns = {
        name: existing[name].arn
        if name in existing and existing[name].arn
        else rule_arn(name, target)
        for name in patterns
    }
    if not dry_run:
        if created:
            make_bucket(s3_client, bucket)
        for trigger in [*added, *replaced]:
            name = names[trigger.rule_id]
            response = events_client.put_rule(
                Name=name,
                EventPattern=json.dumps(patterns[name], ensure_ascii=False),
                State="ENABLED",
                Description=rule_description(trigger, target),
                EventBusName=BUS,
            )
            arns[name] = response.get("RuleArn", arns[name])
    access = _grant(
        target, arns, [rule.name for rule in stale], lambda_client, sqs_client, dry_run=dry_run
    )
    if not dry_run:
        for trigger in [*added, *replaced]:
            events_client.put_targets(
                Rule=names[trigger.rule_id],
                EventBusName=BUS,
                Targets=[{"Id": TARGET_ID, "Arn": target.arn}],
            )
        if setting != "on":
            setting = _write_bucket(s3_client, bucket, previous)
        for rule in stale:
            ids_of_ours = [t["Id"] for t in rule.targets if t.get("Arn") == target.arn]
            events_client.remove_targets(Rule=rule.name, EventBusName=BUS, Ids=ids_of_ours)
            if len(ids_of_ours) == len(rule.targets):  # no one else's target on it
                events_client.delete_rule(Name=rule.name, EventBusName=BUS)
    changed = (
        bool(added or replaced or removed)
        or created
        or setting in ("to turn on", "turned on")
        or any(state in ("added", "to add", "removed", "to remove") for state in access.values())
    )
    return EventBridgePlan(
        bucket=bucket,
        target_arn=target.arn,
        added=tuple(added),
        replaced=tuple(replaced),
        removed=tuple(removed),
        kept=tuple(kept),
        changed=changed,
        previous=previous,
        configuration=_with_eventbridge(previous),
        bucket_created=created,
        permission="not needed",
        dry_run=dry_run,
        rule_names=names,
        patterns=patterns,
        eventbridge=setting,
        access=access,
    )


def _grant(
    target: Target,
    arns: dict[str, str],
    stale: list[str],
    lambda_client: LambdaClient | None,
    sqs_client: SQSClient | None,
    *,
    dry_run: bool,
) -> dict[str, AccessState]:
    if target.kind == "lambda":
        if lambda_client is None:
            return {name: "not checked" for name in arns}
        return sync_lambda_permissions(lambda_client, target, arns, stale, dry_run=dry_run)
    if sqs_client is None:
        return {name: "not checked" for name in arns}
    url = sqs_client.get_queue_url(QueueName=target.name, QueueOwnerAWSAccountId=target.account)
    policy = read_queue_policy(sqs_client, url["QueueUrl"])
    wanted = {name: queue_statement(name, target.arn, arn) for name, arn in arns.items()}
    document, added, removed = merge_queue_policy(policy, wanted, stale)
    states: dict[str, AccessState] = {name: "present" for name in arns}
    states.update({name: "to add" if dry_run else "added" for name in added})
    states.update({name: "to remove" if dry_run else "removed" for name in removed})
    if (added or removed) and not dry_run:
        sqs_client.set_queue_attributes(
            QueueUrl=url["QueueUrl"], Attributes={"Policy": json.dumps(document)}
        )
    return states
