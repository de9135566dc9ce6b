"""Value types and the normalizations applied once, at validation."""

from __future__ import annotations

import codecs
import re
from datetime import datetime, timezone
from typing import NamedTuple
from urllib.parse import quote_plus, unquote_plus

from pydantic_core import TzInfo

__all__ = [
    "EventVersion",
    "Sequencer",
    "MAX_KEY_BYTES",
    "check_bucket_name",
    "decode_key",
    "encode_key",
    "parse_event_version",
    "parse_size",
    "to_utc",
    "version_id_or_none",
]

# Compiled on first use (``re`` caches it): only uncommon versions need it,
# and compiling at import would slow every cold start.
_VERSION = r"([0-9]{1,6})(?:\.([0-9]{1,6}))?"


class EventVersion(NamedTuple):
    """An ``eventVersion`` such as ``"2.1"``: ints, ordered, ``str()`` gives ``"2.1"``.

    AWS's rule for consumers is "same major, minor at least what you need":
    :meth:`is_compatible`.

    >>> v = EventVersion(2, 3)
    >>> str(v), v > EventVersion(2, 1), v.is_compatible(EventVersion(2, 1))
    ('2.3', True, True)
    >>> EventVersion(3, 0).is_compatible(EventVersion(2, 1))
    False
    """

    major: int
    minor: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"

    def is_compatible(self, required: EventVersion) -> bool:
        """True if this version has the same major and at least the required minor.

        >>> EventVersion(2, 6).is_compatible(EventVersion(2, 2))
        True
        """
        return self.major == required.major and self.minor >= required.minor

    @classmethod
    def parse(cls, text: str) -> EventVersion:
        """Parse ``"N.M"`` (or ``"N"``, which means ``N.0``); ValueError otherwise.

        >>> EventVersion.parse("2.2"), EventVersion.parse("0")
        (EventVersion(major=2, minor=2), EventVersion(major=0, minor=0))
        """
        found = re.fullmatch(_VERSION, text)
        if found is None:
            raise ValueError(
                f"{text!r} is not an event version: expected 'MAJOR.MINOR' such as '2.1'"
            )
        return cls(int(found[1]), int(found[2] or 0))


_COMMON_VERSIONS = {
    "0": EventVersion(0, 0),
    "1.0": EventVersion(1, 0),
    **{f"2.{minor}": EventVersion(2, minor) for minor in range(10)},
    "3.0": EventVersion(3, 0),
}


def parse_event_version(value: object) -> EventVersion:
    """Validate a wire ``eventVersion`` (a str) into an :class:`EventVersion`."""
    if type(value) is str:
        common = _COMMON_VERSIONS.get(value)
        return common if common is not None else EventVersion.parse(value)
    if isinstance(value, EventVersion):
        return value
    raise ValueError(f"expected an event version string such as '2.1', got {type(value).__name__}")


class Sequencer(str):
    """An S3 ``sequencer``: orders events for the same key.

    S3's rule: right-pad the shorter value with zeros, then compare. The
    comparison is case-insensitive (EventBridge sends lowercase hex). The
    text of a Sequencer is its canonical form (upper case, trailing zeros
    dropped), so equal sequencers are equal strings and hash alike, in sets
    and dicts too; the wire text stays in the record's ``raw_sequencer``.

    >>> Sequencer("0055AED6DC") < Sequencer("0055AED6DD00")
    True
    >>> Sequencer("0A") == Sequencer("0a00"), len({Sequencer("0A"), Sequencer("0a00")})
    (True, 1)
    >>> Sequencer("0a00"), hash(Sequencer("0a00")) == hash(Sequencer("0A"))
    ('0A', True)
    """

    __slots__ = ()

    def __new__(cls, value: str) -> Sequencer:
        """Make the canonical sequencer of ``value`` (case and trailing zeros do not count)."""
        return super().__new__(cls, value.upper().rstrip("0") or "0")

    def _padded_pair(self, other: object) -> tuple[str, str] | None:
        if not isinstance(other, str):
            return None
        mine, theirs = str(self), other.upper()
        width = max(len(mine), len(theirs))
        return mine.ljust(width, "0"), theirs.ljust(width, "0")

    def __lt__(self, other: object) -> bool:
        pair = self._padded_pair(other)
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other: object) -> bool:
        pair = self._padded_pair(other)
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other: object) -> bool:
        pair = self._padded_pair(other)
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other: object) -> bool:
        pair = self._padded_pair(other)
        return NotImplemented if pair is None else pair[0] >= pair[1]


#: S3 keys are at most 1024 bytes of UTF-8; URL-encoded, at most three characters a byte.
MAX_WIRE_KEY_LENGTH = 3 * 1024


#: The longest key S3 stores, in bytes of UTF-8.
MAX_KEY_BYTES = 1024


def encode_key(key: str) -> str:
    """Encode an object key (or a filter) the way S3 writes it: form encoding, "/" kept.

    The form of a key in a notification, and the form S3 compares a rule's
    prefix and suffix with (so filters are written in it too).

    >>> encode_key("photos/red flower+1.jpg")
    'photos/red+flower%2B1.jpg'
    """
    return quote_plus(key, safe="/")


def decode_key(raw_key: str) -> str:
    """URL-decode an object key the way S3 encoded it (``unquote_plus``).

    An empty key, a key over S3's 1,024 bytes, and an escape that is not
    UTF-8 (``%C3%28``, a cut ``%C3``, an encoded surrogate ``%ED%A0%80``)
    or a lone surrogate in the text itself are errors: each would name no
    object. A wire key longer than any S3 key
    can be encoded (3072 characters) is refused before decoding.

    >>> decode_key("red+flower.jpg"), decode_key("%C3%A4"), decode_key("a%2Bb")
    ('red flower.jpg', 'ä', 'a+b')
    """
    if not raw_key:
        raise ValueError("the key is empty; every S3 object has a key of at least one character")
    if len(raw_key) > MAX_WIRE_KEY_LENGTH:
        raise ValueError(
            f"the key is {len(raw_key)} characters long; S3 keys are at most 1024 bytes,"
            f" {MAX_WIRE_KEY_LENGTH} characters URL-encoded"
        )
    if "%" not in raw_key:
        key = raw_key.replace("+", " ") if "+" in raw_key else raw_key
    else:
        key = _unescape(raw_key)
    if not key.isascii():
        _check_no_surrogate(key)
    if len(key) > MAX_KEY_BYTES // 4 and len(key.encode("utf-8", "surrogatepass")) > MAX_KEY_BYTES:
        raise ValueError(
            f"the key is {len(key.encode('utf-8', 'surrogatepass'))} bytes of UTF-8 once"
            f" decoded; S3 keys are at most {MAX_KEY_BYTES} bytes"
        )
    return key


def _check_no_surrogate(key: str) -> None:
    # A lone surrogate has no UTF-8 form, so it names no S3 object; JSON text
    # with one is refused when it is read, and a dict must be refused alike.
    try:
        key.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ValueError(
            f"the key holds a lone surrogate (U+{ord(key[err.start]):04X} at character"
            f" {err.start}), which has no UTF-8 form: no S3 key can hold it"
        ) from None


def _unescape(raw_key: str) -> str:
    data: bytes | None = None
    if "\\" not in raw_key:
        # S3 sends ASCII keys; as "%XX" -> "\\xXX", the C escape decoder turns
        # them into bytes ~3x faster than unquote_plus. Input it refuses (a
        # "%" not followed by two hex digits, non-ASCII text) takes
        # unquote_plus, which gives the same result for everything else.
        try:
            escaped = raw_key.replace("+", " ").replace("%", "\\x").encode("ascii")
            data = codecs.escape_decode(escaped)[0]
        except ValueError:
            data = None
    try:
        if data is not None:
            return data.decode("utf-8")
        return unquote_plus(raw_key, errors="strict")
    except UnicodeDecodeError as err:
        raise ValueError(
            f"the key's escapes are not UTF-8 (byte {err.start} of the decoded key:"
            f" {err.reason}); S3 encodes keys as UTF-8, so this key names no object"
        ) from None


def version_id_or_none(value: str | None) -> str | None:
    """``versionId``: absent, null, ``""`` and ``"null"`` all mean "no version".

    >>> version_id_or_none("null"), version_id_or_none(""), version_id_or_none("3HL4k")
    (None, None, '3HL4k')
    """
    if value is None or value == "" or value == "null":
        return None
    return value


def parse_size(value: object) -> int | None:
    """``size`` in bytes: int, a numeric string (Ceph), or absent.

    Negative, fractional and boolean sizes are errors.

    >>> parse_size(1024), parse_size("1024"), parse_size(None)
    (1024, 1024, None)
    """
    kind = type(value)
    if kind is int:
        if value >= 0:  # type: ignore[operator]
            return value  # type: ignore[return-value]
        raise ValueError(f"size must not be negative, got {value}")
    if value is None:
        return None
    if kind is str:
        text: str = value  # type: ignore[assignment]
        if text.isascii() and text.isdigit() and len(text) <= 20:
            return int(text)
        raise ValueError(f"size must be a whole number of bytes, got the string {text!r}")
    if kind is float:
        number: float = value  # type: ignore[assignment]
        if number.is_integer() and number >= 0:
            return int(number)
        raise ValueError(f"size must be a whole, non-negative number of bytes, got {number!r}")
    raise ValueError(f"size must be a whole number of bytes, got {kind.__name__} {value!r}")


# pydantic-core gives every time it parses with "Z" or "+00:00" this one shared
# TzInfo(0) (``TzInfo(0)`` returns it too). Checking for it by identity skips
# ``utcoffset()``, which costs more than the rest of this hot-path function;
# if a pydantic-core release stops sharing it, the general path below still
# gives the same result.
_PARSED_UTC = TzInfo(0)


def to_utc(value: datetime) -> datetime:
    """Make a timestamp timezone-aware with offset 0 (naive ones are UTC).

    >>> to_utc(datetime(2024, 1, 2, 3, 4, 5)).isoformat()
    '2024-01-02T03:04:05+00:00'
    """
    if value.tzinfo is _PARSED_UTC:
        return value
    offset = value.utcoffset()
    if offset is None:
        return value.replace(tzinfo=timezone.utc)
    if offset:
        try:
            return value.astimezone(timezone.utc)
        except OverflowError:
            raise ValueError(
                f"{value.isoformat()} is outside the datetime range once converted to UTC"
            ) from None
    return value


def check_bucket_name(name: str) -> str:
    """A notification's bucket name: 1 to 255 of the characters S3 ever allowed.

    Today's rules are stricter (3-63 lowercase), but legacy us-east-1
    buckets have upper case and ``_``, and access point aliases
    (``-s3alias``), directory buckets (``--x-s3``) and Object Lambda aliases
    (``--ol-s3``) arrive as S3 sends them: all stay valid.

    >>> check_bucket_name("Legacy_Bucket"), check_bucket_name("data--usw2-az1--x-s3")
    ('Legacy_Bucket', 'data--usw2-az1--x-s3')
    """
    if not name:
        raise ValueError("the bucket name is empty")
    # strip() removes every allowed character from both ends, in C: what
    # is left is a character S3 never allowed (a regex costs ~3x more).
    if len(name) > 255 or name.strip(_BUCKET_NAME_CHARS):
        raise ValueError(
            "not a bucket name: S3 bucket names are 1-255 letters, digits, '.', '-' and '_'"
        )
    return name


# Every character a bucket name may hold.
_BUCKET_NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"
