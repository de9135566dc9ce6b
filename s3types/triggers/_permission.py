"""The invoke permission S3 needs on a Lambda target: looked up, and added when missing."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal, cast

from s3types.triggers._bucket import error_code
from s3types.triggers._configuration import Target

if TYPE_CHECKING:
    from mypy_boto3_lambda import LambdaClient

__all__ = ["PermissionState", "ensure_permission", "has_permission", "policy_statements"]

PermissionState = Literal["added", "present", "not needed", "not checked", "to add"]


def _statement_id(bucket: str) -> str:
    # Lambda's StatementId is [a-zA-Z0-9-_.]{1,100}; bucket names fit.
    return f"s3types-{bucket}"[:100]


def policy_statements(lambda_client: LambdaClient, function_arn: str) -> list[dict[str, Any]]:
    """The statements of a function's resource policy; none when it has no policy yet."""
    try:
        policy: Any = json.loads(lambda_client.get_policy(FunctionName=function_arn)["Policy"])
    except Exception as err:
        if error_code(err) == "ResourceNotFoundException":
            return []  # no policy yet (or no function: add_permission will say which)
        raise
    statements: Any = policy.get("Statement", [])
    return [s for s in statements if isinstance(s, dict)]


def has_permission(lambda_client: LambdaClient, target: Target, bucket: str) -> bool:
    """Whether the function's policy lets s3.amazonaws.com invoke it for this bucket."""
    source_arn = f"arn:{target.partition}:s3:::{bucket}"
    statement: Any
    for statement in policy_statements(lambda_client, target.arn):
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


def ensure_permission(lambda_client: LambdaClient, target: Target, bucket: str) -> PermissionState:
    """Add the invoke permission for this bucket unless the policy has it: "added" or "present"."""
    if has_permission(lambda_client, target, bucket):
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
