"""What lets an EventBridge rule reach its target: a Lambda permission, or a queue policy statement.

Each rule gets its own grant, scoped to the rule's ARN and named after the
rule (the Lambda permission's StatementId, the queue policy statement's
Sid), so one rule's grant is added and removed without touching another's
or anything else in the function's or queue's policy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, cast

from s3types.triggers._configuration import Target
from s3types.triggers._permission import policy_statements

if TYPE_CHECKING:
    from mypy_boto3_lambda import LambdaClient
    from mypy_boto3_sqs import SQSClient

__all__ = [
    "AccessState",
    "merge_queue_policy",
    "queue_statement",
    "queue_url",
    "read_queue_policy",
    "sync_lambda_permissions",
]

AccessState = Literal["present", "added", "to add", "not checked", "removed", "to remove"]
EVENTS_PRINCIPAL = "events.amazonaws.com"


def queue_url(target: Target) -> str:
    """The queue's URL on AWS, from its ARN (CloudFormation's QueuePolicy names queues by URL)."""
    return f"https://sqs.{target.region}.amazonaws.com/{target.account}/{target.name}"


def queue_statement(sid: str, queue_arn: str, rule_arn: object) -> dict[str, Any]:
    """The queue policy statement letting one EventBridge rule send to the queue."""
    return {
        "Sid": sid,
        "Effect": "Allow",
        "Principal": {"Service": EVENTS_PRINCIPAL},
        "Action": "sqs:SendMessage",
        "Resource": queue_arn,
        "Condition": {"ArnEquals": {"aws:SourceArn": rule_arn}},
    }


def merge_queue_policy(
    policy: Mapping[str, Any] | None,
    wanted: Mapping[str, dict[str, Any]],
    stale: Iterable[str],
) -> tuple[dict[str, Any], list[str], list[str]]:
    """The queue policy with ``wanted`` statements (by Sid) put in and ``stale`` Sids taken out.

    Every other statement, and every other key of the document, is kept as
    it was. Returns the document, the Sids added or changed, and the Sids
    removed.

    >>> policy = {"Version": "2012-10-17", "Statement": [{"Sid": "theirs"}]}
    >>> document, added, removed = merge_queue_policy(policy, {"mine": {"Sid": "mine"}}, [])
    >>> [s["Sid"] for s in document["Statement"]], added, removed
    (['theirs', 'mine'], ['mine'], [])
    """
    document: dict[str, Any] = dict(policy or {"Version": "2012-10-17"})
    statements: list[Any] = list(document.get("Statement") or [])
    if isinstance(document.get("Statement"), dict):
        statements = [document["Statement"]]  # IAM allows a single statement object
    stale_sids = set(stale) - set(wanted)
    kept: list[Any] = []
    removed: list[str] = []
    placed: set[str] = set()
    added: list[str] = []
    for statement in statements:
        sid: object = (
            cast("dict[str, Any]", statement).get("Sid") if isinstance(statement, dict) else None
        )
        if isinstance(sid, str) and sid in stale_sids:
            removed.append(sid)
            continue
        if isinstance(sid, str) and sid in wanted:
            placed.add(sid)
            if statement != wanted[sid]:
                added.append(sid)
            kept.append(wanted[sid])
            continue
        kept.append(statement)
    for sid, statement in wanted.items():
        if sid not in placed:
            kept.append(statement)
            added.append(sid)
    document["Statement"] = kept
    return document, added, removed


def read_queue_policy(sqs_client: SQSClient, url: str) -> dict[str, Any] | None:
    """The queue's policy document, or None when it has none."""
    attributes = sqs_client.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])
    text = attributes.get("Attributes", {}).get("Policy")
    if not text:
        return None
    loaded: object = json.loads(text)
    return cast("dict[str, Any]", loaded) if isinstance(loaded, dict) else None


def _grants(statement: Mapping[str, Any], rule_arn: str) -> bool:
    principal: Any = statement.get("Principal")
    service: object = principal
    if isinstance(principal, dict):
        service = cast("dict[str, Any]", principal).get("Service")
    condition: Any = statement.get("Condition") or {}
    arn_like: Any = condition.get("ArnLike") or condition.get("ArnEquals") or {}
    return (
        statement.get("Effect", "Allow") == "Allow"
        and service == EVENTS_PRINCIPAL
        and statement.get("Action") in ("lambda:InvokeFunction", "lambda:*")
        and arn_like.get("AWS:SourceArn", arn_like.get("aws:SourceArn")) == rule_arn
    )


def sync_lambda_permissions(
    lambda_client: LambdaClient,
    target: Target,
    wanted: Mapping[str, str],
    stale: Iterable[str],
    *,
    dry_run: bool,
) -> dict[str, AccessState]:
    """Give each wanted rule (StatementId -> rule ARN) permission to invoke; drop stale ones.

    A statement already granting events.amazonaws.com with that rule as
    SourceArn counts as present, whatever its id. Stale statements are
    removed only by the ids this module gave them.
    """
    statements = policy_statements(lambda_client, target.arn)
    states: dict[str, AccessState] = {}
    for sid, rule_arn in wanted.items():
        if any(_grants(statement, rule_arn) for statement in statements):
            states[sid] = "present"
            continue
        states[sid] = "to add" if dry_run else "added"
        if not dry_run:
            if any(statement.get("Sid") == sid for statement in statements):
                # Same id, other scope (the rule moved): replace it.
                lambda_client.remove_permission(FunctionName=target.arn, StatementId=sid)
            lambda_client.add_permission(
                FunctionName=target.arn,
                StatementId=sid,
                Action="lambda:InvokeFunction",
                Principal=EVENTS_PRINCIPAL,
                SourceArn=rule_arn,
            )
    present = {statement.get("Sid") for statement in statements}
    for sid in stale:
        if sid in present and sid not in wanted:
            states[sid] = "to remove" if dry_run else "removed"
            if not dry_run:
                lambda_client.remove_permission(FunctionName=target.arn, StatementId=sid)
    return states
