"""User metadata (``x-amz-meta-*`` headers), checked before it is sent."""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["MAX_METADATA_BYTES", "check_metadata"]

MAX_METADATA_BYTES = 2048

# An HTTP header name (RFC 9110 "token"), and a value of printable ASCII that
# HTTP will not trim: S3 sends both back as headers.
_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+", re.ASCII)
_VALUE = re.compile(r"(?:[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?)?", re.ASCII)


def check_metadata(metadata: Mapping[str, str]) -> dict[str, str]:
    """Return ``metadata`` as a dict if S3 will store it as given, else raise ``ValueError``.

    S3 sends user metadata as HTTP headers: names must be header tokens and
    unique ignoring case (S3 returns them lowercased), values printable ASCII
    without leading or trailing blanks, and names plus values at most 2 KB in
    all.

    >>> check_metadata({"author": "Ada", "source-file": "scan 1.tif"})
    {'author': 'Ada', 'source-file': 'scan 1.tif'}
    """
    checked: dict[str, str] = {}
    seen: dict[str, str] = {}
    total = 0
    for name, value in metadata.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise TypeError(
                f"metadata must map str to str; got {name!r}: {value!r} "
                f"({type(name).__name__} -> {type(value).__name__}): convert with str()"
            )
        if name.lower().startswith("x-amz-meta-"):
            raise ValueError(
                f"metadata name {name!r}: leave out the 'x-amz-meta-' prefix, boto3 adds it"
            )
        if not _NAME.fullmatch(name):
            raise ValueError(
                f"metadata name {name!r} is not a valid header name: use ASCII letters, "
                "digits and -_. only (no spaces, colons or non-ASCII characters)"
            )
        if not _VALUE.fullmatch(value):
            raise ValueError(
                f"metadata[{name!r}] = {value!r}: S3 user metadata must be printable ASCII "
                "with no leading or trailing blanks; percent-encode it first "
                "(urllib.parse.quote) or keep such text in the object or its tags"
            )
        folded = name.lower()
        if folded in seen:
            raise ValueError(
                f"metadata names {seen[folded]!r} and {name!r} differ only in case; "
                "S3 lowercases names, so one would overwrite the other"
            )
        seen[folded] = name
        total += len(name) + len(value)
        checked[name] = value
    if total > MAX_METADATA_BYTES:
        raise ValueError(
            f"metadata is {total} bytes (names plus values); S3 allows at most "
            f"{MAX_METADATA_BYTES}: store large values in the object or a sidecar object"
        )
    return checked
