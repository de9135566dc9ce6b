"""The role's policies, and the role exported for CloudFormation (cfn-lint), SAM and Terraform."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from cfnlint.api import ManualArgs, lint  # pyright: ignore[reportMissingTypeStubs]

from s3types.backfill import (
    BACKFILL_EXPORT_FORMATS,
    BackfillError,
    BackfillPlan,
    export_backfill,
    plan_backfill,
)
from s3types.triggers import Trigger
from tests.backfill.control_endpoint import FUNCTION_ARN, ROLE_ARN


def _plan() -> BackfillPlan:
    return plan_backfill(
        [Trigger("photos", prefix="raw/")],
        FUNCTION_ARN,
        role_arn=ROLE_ARN,
        report_uri="s3://reports/backfills",
        manifest_output_uri="s3://manifests/generated/",
        created_before=datetime(2026, 12, 1, tzinfo=timezone.utc),
    )


def test_the_trust_policy_lets_batch_operations_assume_the_role() -> None:
    assert _plan().trust_policy == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "batchoperations.s3.amazonaws.com"},
                "Action": "sts:AssumeRole",
            }
        ],
    }


def test_the_permissions_are_the_least_the_job_needs() -> None:
    statements = {s["Sid"]: s for s in _plan().permissions_policy["Statement"]}
    assert statements == {
        "InvokeFunction": {
            "Sid": "InvokeFunction",
            "Effect": "Allow",
            "Action": "lambda:InvokeFunction",
            "Resource": FUNCTION_ARN,
        },
        "ListSourceBucket": {
            "Sid": "ListSourceBucket",
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:::photos",
        },
        "WriteAndReadGeneratedManifest": {
            "Sid": "WriteAndReadGeneratedManifest",
            "Effect": "Allow",
            "Action": ["s3:PutObject", "s3:GetObject"],
            "Resource": "arn:aws:s3:::manifests/generated/*",
        },
        "WriteReport": {
            "Sid": "WriteReport",
            "Effect": "Allow",
            "Action": "s3:PutObject",
            "Resource": "arn:aws:s3:::reports/backfills/*",
        },
    }


def _cfn_lint(template: str) -> list[str]:
    matches = lint(template, config=ManualArgs(regions=["us-east-1"]))
    return [str(match) for match in matches]


def test_the_role_template_passes_cfn_lint() -> None:
    template = export_backfill(_plan(), "cloudformation")
    assert _cfn_lint(template) == []
    sam = json.loads(export_backfill(_plan(), "sam"))
    assert sam.pop("Transform") == "AWS::Serverless-2016-10-31"
    assert sam == json.loads(template)
    role = json.loads(template)["Resources"]["BackfillRole"]["Properties"]
    assert role["AssumeRolePolicyDocument"] == _plan().trust_policy
    assert role["Policies"][0]["PolicyDocument"] == _plan().permissions_policy


def test_terraform_holds_both_policies_as_json_strings() -> None:
    text = export_backfill(_plan(), "terraform")
    assert 'resource "aws_iam_role" "s3types_backfill"' in text
    assert 'resource "aws_iam_role_policy" "s3types_backfill"' in text
    policies = [
        json.loads(json.loads(line.split("=", 1)[1]))
        for line in text.splitlines()
        if line.strip().startswith(("assume_role_policy", "policy "))
    ]
    assert policies == [_plan().trust_policy, _plan().permissions_policy]


def test_json_is_the_whole_plan() -> None:
    document = json.loads(export_backfill(_plan(), "json"))
    assert document["CreateJob"] == json.loads(json.dumps(_plan().create_job_request))
    assert set(document) == {"CreateJob", "TrustPolicy", "PermissionsPolicy", "Notes"}


def test_an_unknown_format_is_refused() -> None:
    assert BACKFILL_EXPORT_FORMATS == ("json", "cloudformation", "sam", "terraform")
    with pytest.raises(BackfillError, match="unknown export format 'hcl'"):
        export_backfill(_plan(), "hcl")  # type: ignore[arg-type]
