"""ARNs, S3 URIs and the account of a Batch Operations job, and the error for unusable input.

``BackfillError`` is the one error the planning and submitting code raises
for input it cannot use; its message says what was wrong and what to do.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from s3types._bucket_names import DIRECTORY_BUCKET_SUFFIX

__all__ = [
    "DIRECTORY_BUCKET_SUFFIX",
    "BackfillError",
    "S3Location",
    "account_of",
    "bucket_arn",
    "is_directory_bucket",
    "object_arn",
    "parse_s3_uri",
]


_ACCOUNT = re.compile(r"^\d{12}$")
_ROLE_ARN = re.compile(r"^arn:(?P<partition>aws[a-z-]*):iam::(?P<account>\d{12}):role/.+$")


class BackfillError(ValueError):
    """A backfill that cannot be planned or submitted as asked; the message says why and what to do.

    >>> raise BackfillError("plan_backfill: no triggers")
    Traceback (most recent call last):
    ...
    s3types.backfill.BackfillError: plan_backfill: no triggers
    """

    __module__ = "s3types.backfill"


class S3Location(NamedTuple):
    """A bucket and a key or prefix, from ``s3://bucket/key``.

    >>> parse_s3_uri("s3://reports/backfills/", "report_uri")
    S3Location(bucket='reports', key='backfills/')
    """

    bucket: str
    key: str

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.key}"


def parse_s3_uri(uri: str, what: str, *, error: type[BackfillError] = BackfillError) -> S3Location:
    """``s3://bucket/key`` split in two; anything else is ``error`` naming ``what``."""
    if not isinstance(uri, str) or not uri.startswith("s3://"):
        raise error(f"{what} must be an s3://bucket/key URI, got {uri!r}")
    bucket, _, key = uri.removeprefix("s3://").partition("/")
    if not bucket:
        raise error(f"{what} {uri!r} names no bucket: write s3://bucket/key")
    return S3Location(bucket, key)


def is_directory_bucket(bucket: str) -> bool:
    """Whether ``bucket`` is a directory bucket (S3 Express One Zone): its name ends ``--x-s3``.

    >>> is_directory_bucket("logs--use1-az4--x-s3"), is_directory_bucket("logs")
    (True, False)
    """
    return bucket.endswith(DIRECTORY_BUCKET_SUFFIX)


def bucket_arn(bucket: str, partition: str = "aws") -> str:
    """A general purpose bucket's ARN, as S3 Control's ``Bucket`` fields want it.

    >>> bucket_arn("photos")
    'arn:aws:s3:::photos'
    """
    return f"arn:{partition}:s3:::{bucket}"


def object_arn(location: S3Location, partition: str = "aws") -> str:
    """An object's ARN (``arn:aws:s3:::bucket/key``), as a manifest's ``ObjectArn``."""
    return f"arn:{partition}:s3:::{location.bucket}/{location.key}"


def account_of(role_arn: str, account_id: str | None) -> tuple[str, str]:
    """The job's account and partition: ``account_id`` if given, else the role ARN's.

    >>> account_of("arn:aws:iam::123456789012:role/backfill", None)
    ('123456789012', 'aws')
    """
    match = _ROLE_ARN.match(role_arn) if isinstance(role_arn, str) else None
    if match is None:
        raise BackfillError(
            f"role_arn {role_arn!r} is not an IAM role ARN"
            " (arn:aws:iam::123456789012:role/NAME): the job runs as this role"
        )
    if account_id is None:
        return match["account"], match["partition"]
    if not _ACCOUNT.match(account_id):
        raise BackfillError(f"account_id must be 12 digits, got {account_id!r}")
    return account_id, match["partition"]
