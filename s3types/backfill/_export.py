"""A backfill's IAM role for other tools: JSON, CloudFormation, SAM or Terraform.

CloudFormation, SAM and Terraform have no resource for an S3 Batch
Operations job (a job is a run, not infrastructure), so what is
exported is the role it runs as; ``s3types backfill submit`` (or
:func:`~s3types.backfill.submit_backfill`) creates the job. ``json`` is
the whole plan: the ``CreateJob`` request and both policy documents.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal

from s3types.backfill._arns import BackfillError

if TYPE_CHECKING:
    from s3types.backfill._backfill_plan import BackfillPlan

__all__ = ["BACKFILL_EXPORT_FORMATS", "BackfillExportFormat", "export_backfill", "plan_document"]

BackfillExportFormat = Literal["json", "cloudformation", "sam", "terraform"]
BACKFILL_EXPORT_FORMATS: tuple[BackfillExportFormat, ...] = (
    "json",
    "cloudformation",
    "sam",
    "terraform",
)

_ROLE_ID = "BackfillRole"
_POLICY_NAME = "s3types-backfill"


def plan_document(plan: BackfillPlan) -> dict[str, Any]:
    """The plan as one JSON document: the request, the role's two policies and the notes.

    Keys ``CreateJob``, ``TrustPolicy``, ``PermissionsPolicy``, ``Notes``;
    ``s3types backfill submit PLAN.json`` sends its ``CreateJob`` as it is.
    """
    return {
        "CreateJob": dict(plan.create_job_request),
        "TrustPolicy": plan.trust_policy,
        "PermissionsPolicy": plan.permissions_policy,
        "Notes": list(plan.notes),
    }


def _role_template(plan: BackfillPlan, *, sam: bool) -> dict[str, Any]:
    template: dict[str, Any] = {"AWSTemplateFormatVersion": "2010-09-09"}
    if sam:
        template["Transform"] = "AWS::Serverless-2016-10-31"
    template["Description"] = (
        f"The IAM role an S3 Batch Operations backfill of {plan.bucket or 'a manifest'}"
        " runs as (exported by s3types)"
    )
    template["Resources"] = {
        _ROLE_ID: {
            "Type": "AWS::IAM::Role",
            "Properties": {
                "AssumeRolePolicyDocument": plan.trust_policy,
                "Policies": [
                    {"PolicyName": _POLICY_NAME, "PolicyDocument": plan.permissions_policy}
                ],
            },
        }
    }
    template["Outputs"] = {
        "BackfillRoleArn": {
            "Description": "Pass it as --role-arn to s3types backfill plan",
            "Value": {"Fn::GetAtt": [_ROLE_ID, "Arn"]},
        }
    }
    return template


def _hcl(value: str) -> str:
    # HCL strings are JSON strings, except that "${" and "%{" start templates.
    return json.dumps(value, ensure_ascii=False).replace("${", "$${").replace("%{", "%%{")


def _terraform(plan: BackfillPlan) -> str:
    return "\n".join(
        [
            'resource "aws_iam_role" "s3types_backfill" {',
            '  name_prefix        = "s3types-backfill-"',
            f"  assume_role_policy = {_hcl(json.dumps(plan.trust_policy))}",
            "}",
            "",
            'resource "aws_iam_role_policy" "s3types_backfill" {',
            f"  name   = {_hcl(_POLICY_NAME)}",
            "  role   = aws_iam_role.s3types_backfill.id",
            f"  policy = {_hcl(json.dumps(plan.permissions_policy))}",
            "}",
            "",
            'output "backfill_role_arn" {',
            "  value = aws_iam_role.s3types_backfill.arn",
            "}",
            "",
        ]
    )


def export_backfill(plan: BackfillPlan, format: BackfillExportFormat = "json") -> str:
    """The plan as text for another tool: its role, or (``json``) all of it.

    ``cloudformation``, ``sam`` and ``terraform`` give the role with its
    two policies and an output of its ARN; ``json`` is :func:`plan_document`.

    >>> from datetime import datetime, timezone
    >>> from s3types.backfill import plan_backfill
    >>> from s3types.triggers import Trigger
    >>> plan = plan_backfill([Trigger("photos")],
    ...     "arn:aws:lambda:us-east-1:123456789012:function:label",
    ...     role_arn="arn:aws:iam::123456789012:role/backfill",
    ...     report_uri="s3://reports/backfills/")
    >>> print(export_backfill(plan, "terraform").splitlines()[0])
    resource "aws_iam_role" "s3types_backfill" {
    """
    if format == "json":
        return json.dumps(plan_document(plan), indent=2, ensure_ascii=False) + "\n"
    if format in ("cloudformation", "sam"):
        template = _role_template(plan, sam=format == "sam")
        return json.dumps(template, indent=2, ensure_ascii=False) + "\n"
    if format == "terraform":
        return _terraform(plan)
    raise BackfillError(
        f"unknown export format {format!r}: one of {', '.join(BACKFILL_EXPORT_FORMATS)}"
    )
