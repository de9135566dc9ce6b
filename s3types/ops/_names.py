"""Bucket names and object keys, checked before any request leaves the process."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from s3types import S3EventRecord

__all__ = ["MAX_KEY_BYTES", "check_bucket_name", "check_key", "object_of"]

MAX_KEY_BYTES = 1024

_RESERVED_PREFIXES = ("xn--", "sthree-", "amzn-s3-demo-")
_RESERVED_SUFFIXES = ("-s3alias", "--ol-s3", ".mrap", "--x-s3")

# Every rule at once, for the common case of a good name; _broken_rule() tells
# which one failed when this does not match.
_VALID_BUCKET = re.compile(
    r"(?!xn--|sthree-|amzn-s3-demo-)"
    r"(?!.*(?:-s3alias|--ol-s3|\.mrap|--x-s3)\Z)"
    r"(?!.*\.\.)"
    r"(?!(?:[0-9]{1,3}\.){3}[0-9]{1,3}\Z)"
    r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
    re.ASCII,
)
_IPV4 = re.compile(r"(?:[0-9]{1,3}\.){3}[0-9]{1,3}", re.ASCII)
_BUCKET_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")


def check_bucket_name(name: object, param: str = "bucket") -> str:
    """Return ``name`` if it follows S3's bucket naming rules, else raise ``ValueError``.

    ``param`` names the argument in the message (``bucket``, ``target_bucket``).

    >>> check_bucket_name("my-bucket")
    'my-bucket'
    """
    if type(name) is str and _VALID_BUCKET.fullmatch(name):
        return name
    if not isinstance(name, str):
        raise TypeError(f"{param} must be a bucket name (str), got {type(name).__name__}")
    raise ValueError(
        f"{param}={name!r} is not a valid S3 bucket name: {_broken_rule(name)}. "
        "Use the bucket's exact name, as S3 lists it."
    )


def _broken_rule(name: str) -> str:
    if not 3 <= len(name) <= 63:
        return f"it must be 3 to 63 characters long, and it has {len(name)}"
    bad = sorted(set(name) - _BUCKET_CHARS)
    if bad:
        shown = ", ".join(repr(c) for c in bad)
        hint = " (bucket names are all lowercase)" if any(c.isupper() for c in bad) else ""
        return (
            "it may contain only lowercase letters, digits, dots (.) and hyphens (-), "
            f"and it contains {shown}{hint}"
        )
    if not (name[0].isalnum() and name[-1].isalnum()):
        return "it must start and end with a lowercase letter or a digit"
    if ".." in name:
        return "it must not contain two adjacent dots (..)"
    if _IPV4.fullmatch(name):
        return "it must not be formatted as an IP address"
    for prefix in _RESERVED_PREFIXES:
        if name.startswith(prefix):
            return f"the prefix {prefix!r} is reserved by AWS"
    for suffix in _RESERVED_SUFFIXES:
        if name.endswith(suffix):
            return f"the suffix {suffix!r} is reserved by AWS (aliases, access points)"
    raise AssertionError(f"bucket name rules disagree on {name!r}")  # pragma: no cover


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
        return check_bucket_name(bucket), check_key(key), version_id
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
        check_bucket_name(bucket_name, "record.bucket_name"),
        check_key(record_key, "record.key"),
        record_version if version_id is None else version_id,
    )
