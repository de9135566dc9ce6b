"""The checks of a trigger's inputs: bucket, event types, prefix, suffix, id and owner."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from s3types._bucket_names import DIRECTORY_BUCKET_SUFFIX, LEGACY_BUCKET_CHARS
from s3types._values import check_bucket_name
from s3types.triggers._events import TriggerError, check_event_type

__all__ = ["check_bucket", "check_events", "check_filter", "check_id", "check_owner"]

_MAX_FILTER_BYTES = 1024
_NONCHARS = (0xFFFE, 0xFFFF)


def _first_not_xml(value: str) -> int | None:
    """Where ``value`` first holds a character XML 1.0 cannot carry (None: nowhere).

    Those are the C0 controls but tab, LF and CR; surrogates (in a str,
    always unpaired); U+FFFE and U+FFFF. A loop, not a regular expression:
    compiling the class that says this costs about 5 ms, at the import of
    every handler module.
    """
    if value.isascii() and value.isprintable():
        return None
    for position, char in enumerate(value):
        code = ord(char)
        if (code < 0x20 and char not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code in _NONCHARS:
            return position
    return None


def check_filter(value: object, field: str, where: str) -> str | None:
    """A prefix or suffix S3 can use (literal, XML characters, at most 1,024 bytes), ``""`` as None.

    >>> check_filter("in/" + chr(0), "prefix", "Trigger")
    Traceback (most recent call last):
    ...
    s3types.triggers.TriggerError: Trigger: prefix holds U+0000 at position 3, a character S3's ...
    """
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
    bad = _first_not_xml(value)
    if bad is not None:
        raise TriggerError(
            f"{where}: {field} holds U+{ord(value[bad]):04X} at position {bad}, a"
            " character S3's XML configuration cannot carry (S3 answers 500): remove it"
        )
    if len(value.encode("utf-8", "surrogatepass")) > _MAX_FILTER_BYTES:
        raise TriggerError(
            f"{where}: {field} is {len(value.encode('utf-8', 'surrogatepass')):,} bytes of UTF-8,"
            f" longer than any S3 key (1,024 bytes): it could never match"
        )
    return value


_BUCKET_ARN = re.compile(r"arn:aws[a-z-]*:s3:::([^/]+)(/.*)?", re.ASCII | re.DOTALL)


def check_bucket(bucket: object, where: str) -> str | None:
    """A bucket name as a trigger names it (None: any bucket): one S3 can hold, with notifications.

    Not a URL, an ARN or a key; S3's characters (legacy names' uppercase and
    ``_`` included); not a directory bucket, which sends no notifications.

    >>> check_bucket("arn:aws:s3:::photos", "Trigger")
    Traceback (most recent call last):
    ...
    s3types.triggers.TriggerError: Trigger: 'arn:aws:s3:::photos' is an ARN: ... write 'photos'
    """
    if bucket is None:
        return None
    if not isinstance(bucket, str):
        raise TypeError(f"{where}: bucket must be a string or None, got {type(bucket).__name__}")
    arn = _BUCKET_ARN.fullmatch(bucket)
    if arn is not None:
        raise TriggerError(
            f"{where}: {bucket[:200]!r} is an ARN: a trigger names its bucket by name;"
            f" write {arn.group(1)[:200]!r}"
        )
    if not bucket or "/" in bucket or bucket.startswith("arn:"):
        raise TriggerError(
            f"{where}: {bucket[:100]!r} is not a bucket name (give the name alone,"
            " no 's3://', no ARN and no key)"
        )
    try:
        check_bucket_name(bucket)
    except ValueError:
        bad = ", ".join(repr(c) for c in sorted(set(bucket) - LEGACY_BUCKET_CHARS)[:10])
        raise TriggerError(
            f"{where}: {bucket[:100]!r} is not a bucket name: "
            + (f"it contains {bad}; " if bad else f"it is {len(bucket)} characters long; ")
            + "bucket names (legacy ones included) are at most 255 letters, digits, '.', '-'"
            " and '_'. Give the bucket's exact name, as S3 lists it"
        ) from None
    if bucket.endswith(DIRECTORY_BUCKET_SUFFIX):
        raise TriggerError(
            f"{where}: {bucket[:100]!r} is a directory bucket (S3 Express One Zone), and directory"
            " buckets send no event notifications; to run a function over its objects use"
            " S3 Batch Operations (`s3types backfill`)"
        )
    return bucket


def check_events(events: object, where: str) -> tuple[str, ...]:
    """A trigger's event types: a non-empty list of names S3 accepts, ``s3:`` added, no repeats.

    >>> check_events(["ObjectCreated:*", "s3:ObjectCreated:*"], "Trigger")
    ('s3:ObjectCreated:*',)
    """
    if isinstance(events, str):
        raise TypeError(
            f"{where}: events must be a list of event types, not a string:"
            f" write events=[{events[:100]!r}]"
        )
    if not isinstance(events, Iterable):
        raise TypeError(
            f"{where}: events must be a list of event types, got {type(events).__name__}"
        )
    given: tuple[object, ...] = tuple(cast("Iterable[object]", events))
    checked = tuple(dict.fromkeys(check_event_type(name, where) for name in given))
    if not checked:
        raise TriggerError(
            f"{where}: events is empty, so the trigger would never fire;"
            " give at least one event type, e.g. 's3:ObjectCreated:*'"
        )
    return checked


def check_id(id: object, where: str) -> str | None:
    """A rule id as S3 takes it (None: derived), a non-empty string of at most 255 characters.

    >>> check_id("", "Trigger")
    Traceback (most recent call last):
    ...
    s3types.triggers.TriggerError: Trigger: id must be a non-empty string of at most 255 characters
    """
    if id is not None and (not isinstance(id, str) or not id or len(id) > 255):
        raise TriggerError(f"{where}: id must be a non-empty string of at most 255 characters")
    return id


def check_owner(owner: object, where: str) -> str | None:
    """A trigger's owner (None: no owner), a non-empty string such as ``module:qualname``.

    >>> check_owner("app:on_upload", "Trigger")
    'app:on_upload'
    """
    if owner is not None and (not isinstance(owner, str) or not owner):
        raise TriggerError(
            f"{where}: owner must be a non-empty string (e.g. the handler's module:qualname)"
        )
    return owner
