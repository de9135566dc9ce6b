"""S3's rules for bucket names, in one place: a new bucket's name, and a name S3 can hold at all.

Used by the operations (``s3types.ops``: the bucket of a request, a bucket
to create) and by triggers (the bucket of a notification rule). Plain
``re``: a trigger checks its bucket at import time of a handler, on a cold start.
"""

from __future__ import annotations

import re

__all__ = [
    "BUCKET_CHARS",
    "DIRECTORY_BUCKET_SUFFIX",
    "LEGACY_BUCKET_CHARS",
    "MAX_LEGACY_BUCKET_LENGTH",
    "RESERVED_PREFIXES",
    "RESERVED_SUFFIXES",
    "broken_rule",
    "is_new_bucket_name",
]

MAX_LEGACY_BUCKET_LENGTH = 255
#: S3 Express One Zone: a directory bucket's name ends with this.
DIRECTORY_BUCKET_SUFFIX = "--x-s3"
#: Reserved by S3: punycode, access points, demo names; aliases, Object Lambda,
#: Multi-Region Access Points, directory buckets, S3 Tables.
RESERVED_PREFIXES = ("xn--", "sthree-", "amzn-s3-demo-")
RESERVED_SUFFIXES = ("-s3alias", "--ol-s3", ".mrap", DIRECTORY_BUCKET_SUFFIX, "--table-s3")
#: What a bucket created today may hold, and what legacy us-east-1 names may.
BUCKET_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
LEGACY_BUCKET_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")

# Every rule at once, for the common case of a good name; broken_rule() tells
# which one failed when this does not match. Patterns, not compiled ones: re
# compiles (and caches) them on first use, not when a handler module imports.
_VALID_BUCKET = (
    r"(?!xn--|sthree-|amzn-s3-demo-)"
    r"(?!.*(?:-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)\Z)"
    r"(?!.*\.\.)"
    r"(?!(?:[0-9]{1,3}\.){3}[0-9]{1,3}\Z)"
    r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"
)
_IPV4 = r"(?:[0-9]{1,3}\.){3}[0-9]{1,3}"


def is_new_bucket_name(name: str) -> bool:
    """Whether S3 lets a bucket be created with this name today.

    >>> is_new_bucket_name("photo-uploads"), is_new_bucket_name("ab")
    (True, False)
    """
    return re.fullmatch(_VALID_BUCKET, name, re.ASCII) is not None


def broken_rule(name: str) -> str:
    """The rule for new bucket names that ``name`` breaks, in words (for a name that breaks one).

    >>> print(broken_rule("Photo_Uploads"))
    it may contain only lowercase letters, ... (bucket names are all lowercase)
    """
    if not 3 <= len(name) <= 63:
        return f"it must be 3 to 63 characters long, and it has {len(name)}"
    bad = sorted(set(name) - BUCKET_CHARS)
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
    if re.fullmatch(_IPV4, name, re.ASCII):
        return "it must not be formatted as an IP address"
    for prefix in RESERVED_PREFIXES:
        if name.startswith(prefix):
            return f"the prefix {prefix!r} is reserved by AWS"
    for suffix in RESERVED_SUFFIXES:
        if name.endswith(suffix):
            return f"the suffix {suffix!r} is reserved by AWS (aliases, access points)"
    raise AssertionError(f"bucket name rules disagree on {name!r}")  # pragma: no cover
