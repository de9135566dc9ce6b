"""The checks of a trigger's bucket, prefix and suffix (event types: ``_events``)."""

from __future__ import annotations

from s3types.triggers._events import TriggerError

__all__ = ["check_bucket", "check_filter"]

_MAX_FILTER_BYTES = 1024


def check_filter(value: object, field: str, where: str) -> str | None:
    """A prefix or suffix S3 can use (literal, at most 1,024 bytes), ``""`` as None."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise TypeError(f"{where}: {field} must be a string or None, got {type(value).__name__}")
    if "*" in value:
        raise TriggerError(
            f"{where}: {field} {value[:100]!r} contains '*', but S3 has no globs: a {field}"
            f" is literal text the key must {'start' if field == 'prefix' else 'end'} with;"
            f" write {field}={value.replace('*', '')[:100]!r}"
        )
    if len(value.encode("utf-8", "surrogatepass")) > _MAX_FILTER_BYTES:
        raise TriggerError(
            f"{where}: {field} is {len(value.encode('utf-8', 'surrogatepass')):,} bytes of UTF-8,"
            f" longer than any S3 key (1,024 bytes): it could never match"
        )
    return value


def check_bucket(bucket: object, where: str) -> str | None:
    """A bucket name as a trigger names it (None: any bucket); not a URL, not a key."""
    if bucket is None:
        return None
    if not isinstance(bucket, str):
        raise TypeError(f"{where}: bucket must be a string or None, got {type(bucket).__name__}")
    if not bucket or len(bucket) > 255 or "/" in bucket or bucket != bucket.strip():
        raise TriggerError(
            f"{where}: {bucket[:100]!r} is not a bucket name (give the name alone,"
            " no 's3://' and no key)"
        )
    return bucket
