"""The IAM role a backfill job runs as: its trust policy and its least-privilege permissions.

From "Granting permissions for Batch Operations" and "Invoke AWS Lambda
function" in the Amazon S3 User Guide
(https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-iam-role-policies.html):
the role trusts ``batchoperations.s3.amazonaws.com``; it reads the
manifest (``s3:GetObject``, ``s3:GetObjectVersion``; an inventory report's
``manifest.json`` and its CSV data files), writes the completion report
(``s3:PutObject``), and invokes the function (``lambda:InvokeFunction``).
A generated manifest needs ``s3:ListBucket`` on the source bucket and
``s3:PutObject``/``s3:GetObject`` where the generated manifest is written
(S3 writes it there, then reads it back). The function's own access to
the objects is its execution role's business, not the job's.
"""

from __future__ import annotations

from typing import Any

from s3types.backfill._arns import S3Location, bucket_arn

__all__ = ["BATCH_OPERATIONS_PRINCIPAL", "permissions_policy", "trust_policy"]

#: The service principal that assumes a Batch Operations job's role.
BATCH_OPERATIONS_PRINCIPAL = "batchoperations.s3.amazonaws.com"

_VERSION = "2012-10-17"


def trust_policy() -> dict[str, Any]:
    """The role's trust policy: S3 Batch Operations may assume it.

    >>> trust_policy()["Statement"][0]["Principal"]
    {'Service': 'batchoperations.s3.amazonaws.com'}
    """
    return {
        "Version": _VERSION,
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": BATCH_OPERATIONS_PRINCIPAL},
                "Action": "sts:AssumeRole",
            }
        ],
    }


def _objects_under(location: S3Location, partition: str) -> str:
    return f"{bucket_arn(location.bucket, partition)}/{location.key}*"


def permissions_policy(
    *,
    function_arn: str,
    report: S3Location,
    partition: str = "aws",
    manifest_objects: S3Location | None = None,
    source_bucket: str | None = None,
    manifest_output: S3Location | None = None,
) -> dict[str, Any]:
    """What the job's role needs, and nothing more: one statement per thing it touches.

    ``manifest_objects`` is the manifest (or, for an inventory report, the
    prefix holding ``manifest.json`` and its data files) for a job over a
    manifest; ``source_bucket`` and ``manifest_output`` are for a job whose
    manifest S3 generates. Resources end in ``*`` only below a prefix.

    >>> policy = permissions_policy(
    ...     function_arn="arn:aws:lambda:us-east-1:123456789012:function:label",
    ...     report=S3Location("reports", "backfills/"),
    ...     source_bucket="photos", manifest_output=S3Location("reports", "manifests/"))
    >>> [s["Sid"] for s in policy["Statement"]]
    ['InvokeFunction', 'ListSourceBucket', 'WriteAndReadGeneratedManifest', 'WriteReport']
    """
    statements: list[dict[str, Any]] = [
        {
            "Sid": "InvokeFunction",
            "Effect": "Allow",
            "Action": "lambda:InvokeFunction",
            "Resource": function_arn,
        }
    ]
    if manifest_objects is not None:
        resource = (
            _objects_under(manifest_objects, partition)
            if manifest_objects.key.endswith("/") or not manifest_objects.key
            else f"{bucket_arn(manifest_objects.bucket, partition)}/{manifest_objects.key}"
        )
        statements.append(
            {
                "Sid": "ReadManifest",
                "Effect": "Allow",
                "Action": ["s3:GetObject", "s3:GetObjectVersion"],
                "Resource": resource,
            }
        )
    if source_bucket is not None:
        statements.append(
            {
                "Sid": "ListSourceBucket",
                "Effect": "Allow",
                "Action": "s3:ListBucket",
                "Resource": bucket_arn(source_bucket, partition),
            }
        )
    if manifest_output is not None:
        statements.append(
            {
                "Sid": "WriteAndReadGeneratedManifest",
                "Effect": "Allow",
                "Action": ["s3:PutObject", "s3:GetObject"],
                "Resource": _objects_under(manifest_output, partition),
            }
        )
    statements.append(
        {
            "Sid": "WriteReport",
            "Effect": "Allow",
            "Action": "s3:PutObject",
            "Resource": _objects_under(report, partition),
        }
    )
    return {"Version": _VERSION, "Statement": statements}
