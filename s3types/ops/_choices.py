"""The values S3 knows for an object's canned ACL and server-side encryption, checked at run time.

Type checkers see ``mypy_boto3_s3``'s literals; a caller they do not see
(plain Python, values read from configuration) gets a ``ValueError`` naming
the value and the allowed ones before a request is sent. The values are
botocore's S3 model's (shapes ``ObjectCannedACL`` and
``ServerSideEncryption``); a test compares them with it.
"""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

__all__ = ["OBJECT_ACLS", "SERVER_SIDE_ENCRYPTIONS", "check_acl", "check_sse"]

OBJECT_ACLS: tuple[str, ...] = (
    "authenticated-read",
    "aws-exec-read",
    "bucket-owner-full-control",
    "bucket-owner-read",
    "private",
    "public-read",
    "public-read-write",
)
SERVER_SIDE_ENCRYPTIONS: tuple[str, ...] = (
    "AES256",
    "aws:backup",
    "aws:fsx",
    "aws:kms",
    "aws:kms:dsse",
)


def _check(value: object, allowed: tuple[str, ...], param: str, what: str) -> None:
    if value is not None and value not in allowed:
        shown = repr(value)[:100]
        raise ValueError(f"{param}={shown} is not {what} S3 knows: one of {', '.join(allowed)}")


def check_acl(acl: object, param: str = "acl") -> None:
    """Raise ValueError unless ``acl`` is None or a canned ACL S3 knows.

    >>> check_acl("public")
    Traceback (most recent call last):
    ...
    ValueError: acl='public' is not a canned ACL S3 knows: one of authenticated-read, ...
    """
    _check(acl, OBJECT_ACLS, param, "a canned ACL")


def check_sse(sse: object, param: str = "sse") -> None:
    """Raise ValueError unless ``sse`` is None or a server-side encryption S3 knows.

    >>> check_sse("kms")
    Traceback (most recent call last):
    ...
    ValueError: sse='kms' is not a server-side encryption S3 knows: one of AES256, ...
    """
    _check(sse, SERVER_SIDE_ENCRYPTIONS, param, "a server-side encryption")
