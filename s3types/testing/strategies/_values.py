"""Strategies for single wire values: object keys, bucket names, event names, sequencers, times."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, TypeGuard

from hypothesis import strategies as st

from s3types import EventName

__all__ = [
    "JSON_VALUES",
    "bucket_names",
    "event_names",
    "is_array",
    "is_object",
    "s3_keys",
    "sequencers",
    "time_texts",
    "version_ids",
]

# Pieces that have broken key handling somewhere: URL syntax, escapes that
# look already encoded, path tricks, multi-code-point emoji, odd spaces.
_KEY_PIECES = (
    " ", "  ", "+", "%", "%%", "%2B", "%41", "%zz", "%C3%A4", "=", "&", ":", "@", "$", ",",
    ";", "?", "#", "[", "]", "{", "}", "^", "`", "|", "\\", '"', "'", "<", ">", "~", "!", "*",
    "(", ")", "/", "//", "./", "../", "a/b/c", "photos/", "ä", "ß", "İ", "日本語", "😀",
    "👩\u200d💻", "🇩🇪", "\u00a0", "\u3000", "\t", "\n", "\x7f", "\u200b", "\ufeff", "\x00",
)  # fmt: skip
_HEX = "0123456789ABCDEFabcdef"


def _fit_utf8(key: str, max_bytes: int) -> str:
    data = key.encode("utf-8")
    if len(data) <= max_bytes:
        return key
    return data[:max_bytes].decode("utf-8", "ignore")


def s3_keys(*, max_bytes: int = 1024) -> st.SearchStrategy[str]:
    """Object keys S3 accepts: 1 to ``max_bytes`` (1024) bytes of UTF-8, decoded.

    Any character but a lone surrogate (which UTF-8 cannot carry), with a bias
    towards what breaks naive code: spaces (leading too), ``+``, ``%`` and
    already-encoded-looking ``%41``, ``= & : @ $``, ``/`` paths, unicode,
    emoji, control characters, and keys of exactly ``max_bytes`` bytes.

    >>> from hypothesis import given, settings
    >>> from s3types import parse_event
    >>> from s3types.testing import make_event
    >>> @settings(max_examples=5)
    ... @given(s3_keys())
    ... def test_key_round_trip(key: str) -> None:
    ...     event = parse_event(make_event(bucket="b", key=key))
    ...     assert event.records[0].key == key
    >>> test_key_round_trip()
    """
    if max_bytes < 4:
        raise ValueError(f"max_bytes must be at least 4 (one UTF-8 character), got {max_bytes}")
    text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)
    piece = st.one_of(st.sampled_from(_KEY_PIECES), text)
    mixed = st.lists(piece, min_size=1, max_size=24).map("".join)
    longest = st.tuples(piece, piece).map(lambda pair: (pair[0] + pair[1]) * max_bytes)
    return st.one_of(mixed, mixed, mixed, longest).map(lambda k: _fit_utf8(k, max_bytes))


# S3's rules for a new bucket's name beyond its shape (the general purpose
# bucket naming rules of the S3 user guide): no IP-address form, and the
# prefixes and suffixes AWS reserves for other kinds of names.
_RESERVED_PREFIXES = ("xn--", "sthree-", "amzn-s3-demo-")
_RESERVED_SUFFIXES = ("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3")
_IPV4 = re.compile(r"(?:[0-9]{1,3}\.){3}[0-9]{1,3}", re.ASCII)


def _follows_bucket_rules(name: str) -> bool:
    return not (
        ".." in name
        or _IPV4.fullmatch(name)
        or name.startswith(_RESERVED_PREFIXES)
        or name.endswith(_RESERVED_SUFFIXES)
    )


def bucket_names() -> st.SearchStrategy[str]:
    """Bucket names that follow S3's naming rules (3-63 lowercase letters, digits, ``-``, ``.``).

    The rules for creating a general purpose bucket today: start and end
    with a letter or digit, no ``..``, not an IP address, none of the
    prefixes (``xn--``, ...) and suffixes (``-s3alias``, ``--x-s3``, ...)
    AWS reserves. Every name passes the checks of the typed operations
    (``s3types.ops``).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5)
    ... @given(bucket_names())
    ... def test_bucket(name: str) -> None:
    ...     assert 3 <= len(name) <= 63
    >>> test_bucket()
    """
    shaped = st.from_regex(
        r"[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])|\.(?=[a-z0-9])){2,62}", fullmatch=True
    )
    return shaped.filter(_follows_bucket_rules)


_NEW_NAME = r"[A-Za-z]{1,24}(?::[A-Za-z]{1,24})?"


def event_names(*, new: bool = True, prefixed: bool = False) -> st.SearchStrategy[str]:
    """Wire ``eventName`` values: every :class:`~s3types.EventName`, and new well-formed ones.

    ``new=True`` adds names AWS may add later ("Category" or
    "Category:Action", letters only), which must still parse.
    ``prefixed=True`` sometimes adds the ``s3:`` prefix MinIO and Ceph send.

    >>> from hypothesis import given, settings
    >>> from s3types import EventName
    >>> @settings(max_examples=5)
    ... @given(event_names(prefixed=True))
    ... def test_name(name: str) -> None:
    ...     assert EventName(name) == name.removeprefix("s3:")
    >>> test_name()
    """
    names: st.SearchStrategy[str] = st.sampled_from([member.value for member in EventName])
    if new:
        names = st.one_of(names, st.from_regex(_NEW_NAME, fullmatch=True))
    if prefixed:
        names = st.one_of(names, names.map(lambda name: "s3:" + name))
    return names


def sequencers() -> st.SearchStrategy[str]:
    """Wire ``sequencer`` values: hex of varying length, upper, lower or mixed case.

    S3 sends uppercase hex of 16-18 digits, EventBridge lowercase; lengths vary,
    which is why S3's rule pads the shorter one with zeros before comparing.

    >>> from hypothesis import given, settings
    >>> from s3types import Sequencer
    >>> @settings(max_examples=5)
    ... @given(sequencers())
    ... def test_same_as_padded(text: str) -> None:
    ...     assert Sequencer(text) == Sequencer(text.lower() + "00")
    >>> test_same_as_padded()
    """
    return st.text(st.sampled_from(_HEX), min_size=1, max_size=40)


def _time_text(moment: datetime, form: str) -> str:
    if form == "milliseconds":  # what AWS writes
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    return moment.strftime(form)


_TIME_FORMS = [
    "milliseconds",
    "%Y-%m-%dT%H:%M:%S.%fZ",  # MinIO, Ceph
    "%Y-%m-%d %H:%M:%S.%fZ",  # Ceph, with a space
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%dT%H:%M:%S+00:00",
]


def time_texts() -> st.SearchStrategy[str]:
    """``eventTime`` texts in the forms AWS, MinIO and Ceph write (all UTC)."""
    moments = st.datetimes(
        min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.just(None)
    )
    return st.builds(_time_text, moments, st.sampled_from(_TIME_FORMS))


def version_ids() -> st.SearchStrategy[str | None]:
    """``versionId`` values: real ids, and the null, ``""`` and ``"null"`` producers send."""
    return st.one_of(
        st.sampled_from([None, "", "null"]), st.from_regex(r"[A-Za-z0-9._]{1,32}", fullmatch=True)
    )


_JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**64),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=16),
)


def _json_containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    )


#: Any JSON value, kept small: what an unknown extra field may hold.
JSON_VALUES: st.SearchStrategy[Any] = st.recursive(_JSON_SCALARS, _json_containers, max_leaves=6)


def is_object(value: object) -> TypeGuard[dict[Any, Any]]:
    """True for a JSON object (a dict), typed for both checkers."""
    return isinstance(value, dict)


def is_array(value: object) -> TypeGuard[list[Any]]:
    """True for a JSON array (a list), typed for both checkers."""
    return isinstance(value, list)
