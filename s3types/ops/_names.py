"""Bucket names and object keys, checked before any request leaves the process."""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from s3types._bucket_names import (
    LEGACY_BUCKET_CHARS,
    MAX_LEGACY_BUCKET_LENGTH,
    broken_rule,
    is_new_bucket_name,
)

if TYPE_CHECKING:
    from s3types import S3EventRecord

__all__ = [
    "MAX_KEY_BYTES",
    "check_bucket",
    "check_bucket_name",
    "check_key",
    "object_of",
    "record_object_size",
]

MAX_KEY_BYTES = 1024

# What S3 accepts where a request names an existing bucket: legacy us-east-1
# names (uppercase, "_", up to 255 characters), directory buckets
# ("...--x-s3"), access point and Object Lambda aliases ("-s3alias",
# "--ol-s3"), and access point ARNs (S3, Object Lambda, Multi-Region, Outposts).
# These are botocore's own patterns, so nothing botocore sends is refused here.
_BUCKET_REFERENCE = re.compile(r"[A-Za-z0-9._-]{3,255}", re.ASCII)
_ACCESS_POINT_ARN = re.compile(
    r"arn:aws[a-z-]*:(?:s3|s3-object-lambda):[a-z0-9-]*:[0-9]{12}:accesspoint[/:][A-Za-z0-9.-]{1,63}"
    r"|arn:aws[a-z-]*:s3-outposts:[a-z0-9-]+:[0-9]{12}:outpost[/:][A-Za-z0-9-]{1,63}"
    r"[/:]accesspoint[/:][A-Za-z0-9-]{1,63}",
    re.ASCII,
)


def check_bucket(name: object, param: str = "bucket") -> str:
    """Return ``name`` if S3 accepts it as the bucket of a request, else raise ``ValueError``.

    This is the check for buckets that exist already: besides names that follow
    today's rules it lets through what S3 accepts in their place, i.e. legacy
    us-east-1 names (uppercase letters, underscores, up to 255 characters),
    directory buckets (``name--usw2-az1--x-s3``), access point and Object Lambda
    access point aliases (``...-s3alias``, ``...--ol-s3``) and access point ARNs
    (S3, Object Lambda, Multi-Region, Outposts). Creating a bucket takes the
    strict rules of ``check_bucket_name``.

    >>> check_bucket("My_Legacy.Bucket")
    'My_Legacy.Bucket'
    >>> check_bucket("arn:aws:s3:eu-west-1:123456789012:accesspoint/uploads")
    'arn:aws:s3:eu-west-1:123456789012:accesspoint/uploads'
    """
    if type(name) is str and (
        _BUCKET_REFERENCE.fullmatch(name) or _ACCESS_POINT_ARN.fullmatch(name)
    ):
        return name
    if not isinstance(name, str):
        raise TypeError(f"{param} must be a bucket name (str), got {type(name).__name__}")
    raise ValueError(f"{param}={name[:300]!r} names no S3 bucket: {_unusable(name)}")


def _unusable(name: str) -> str:
    if name.startswith("arn:"):
        return (
            "an ARN in place of a bucket must be an access point ARN, "
            "arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME (or s3-object-lambda, or "
            "arn:aws:s3-outposts:REGION:ACCOUNT:outpost/ID/accesspoint/NAME); "
            "for a bucket ARN pass the bucket's name"
        )
    if name.startswith("s3://"):
        return "pass the bucket's name without 's3://' and the key separately"
    if "/" in name:
        return "a bucket name has no '/': pass the bucket's name and the key separately"
    if not 3 <= len(name) <= MAX_LEGACY_BUCKET_LENGTH:
        return (
            f"it is {len(name)} characters long, and bucket names (legacy ones included) "
            f"are 3 to {MAX_LEGACY_BUCKET_LENGTH}"
        )
    shown = ", ".join(repr(c) for c in sorted(set(name) - LEGACY_BUCKET_CHARS)[:10])
    return (
        f"it contains {shown}; bucket names, aliases and legacy names use only letters, "
        "digits, dots (.), hyphens (-) and underscores (_). Use the bucket's exact name, "
        "as S3 lists it"
    )


def check_bucket_name(name: object, param: str = "bucket") -> str:
    """Return ``name`` if it follows S3's rules for a new bucket, else raise ``ValueError``.

    These are the rules S3 applies where a bucket is being created (3 to 63
    lowercase letters, digits, dots and hyphens, no reserved prefix or suffix).
    To name an existing bucket, an alias or an access point, ``check_bucket``
    is the check. ``param`` names the argument in the message.

    >>> check_bucket_name("my-bucket")
    'my-bucket'
    """
    if type(name) is str and is_new_bucket_name(name):
        return name
    if not isinstance(name, str):
        raise TypeError(f"{param} must be a bucket name (str), got {type(name).__name__}")
    raise ValueError(
        f"{param}={name[:300]!r} is not a valid S3 bucket name: {broken_rule(name)}. "
        "Use the bucket's exact name, as S3 lists it."
    )


def check_key(key: object, param: str = "key") -> str:
    """Return ``key`` if S3 can store it (non-empty, at most 1024 bytes in UTF-8).

    >>> check_key("photos/2024/red flower.jpg")
    'photos/2024/red flower.jpg'
    """
    if not isinstance(key, str):
        raise TypeError(f"{param} must be an object key (str), got {type(key).__name__}")
    if not key:
        raise ValueError(f"{param} is empty: S3 object keys are at least one character long")
    try:
        size = len(key.encode("utf-8"))
    except UnicodeEncodeError as err:
        raise ValueError(
            f"{param}={key!r} cannot be encoded as UTF-8 ({err.reason} at position "
            f"{err.start}); S3 keys are UTF-8: remove the unpaired surrogate"
        ) from None
    if size > MAX_KEY_BYTES:
        raise ValueError(
            f"{param} is {size} bytes long in UTF-8 ({len(key)} characters, starting "
            f"{key[:40]!r}); S3 allows at most {MAX_KEY_BYTES} bytes: shorten it"
        )
    return key


def object_of(
    function: str,
    bucket: str | S3EventRecord,
    key: str | None,
    version_id: str | None,
) -> tuple[str, str, str | None]:
    """The checked ``(bucket, key, version_id)`` named by a bucket and key or by a record.

    With a record, its decoded key and its version id are used; an explicit
    ``version_id`` wins over the record's.
    """
    if isinstance(bucket, str):
        if key is None:
            raise TypeError(f"{function}() needs a key after the bucket name {bucket!r}")
        return check_bucket(bucket), check_key(key), version_id
    try:
        bucket_name, record_key, record_version = bucket.bucket_name, bucket.key, bucket.version_id
    except AttributeError:
        raise TypeError(
            f"{function}() takes a bucket name (str) and a key, or an S3EventRecord; "
            f"got {type(bucket).__name__}"
        ) from None
    if key is not None:
        raise TypeError(
            f"{function}() got a record and a key: the record already names the object; "
            "pass other options by keyword"
        )
    return (
        check_bucket(bucket_name, "record.bucket_name"),
        check_key(record_key, "record.key"),
        record_version if version_id is None else version_id,
    )


def record_object_size(bucket: str | S3EventRecord, version_id: str | None) -> int | None:
    """The size a record gives for the object named, or None (no record, or another version).

    A record's size is the size of the version it is about; ``version_id=``
    naming another version may have any size.
    """
    if isinstance(bucket, str):
        return None
    if version_id is not None and version_id != getattr(bucket, "version_id", None):
        return None
    size = getattr(bucket, "size", None)
    return size if isinstance(size, int) and not isinstance(size, bool) else None
