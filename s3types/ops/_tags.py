"""Object tags: S3's limits, and the query-string form the ``Tagging`` header takes."""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["MAX_TAGS", "MAX_TAG_KEY_LENGTH", "MAX_TAG_VALUE_LENGTH", "encode_tags"]

MAX_TAGS = 10
MAX_TAG_KEY_LENGTH = 128
MAX_TAG_VALUE_LENGTH = 256

# AWS's tag pattern, ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$: letters and numbers of any
# script, spaces, and these marks. S3 answers anything else with InvalidTag.
_TAG_MARKS = frozenset("_.:/=+-@")
_TAG_CATEGORIES = frozenset("LZN")


def _bad_tag_characters(text: str) -> list[str]:
    if text.isascii() and (text.isalnum() or not text):
        return []
    return sorted(
        {
            c
            for c in text
            if c not in _TAG_MARKS and unicodedata.category(c)[0] not in _TAG_CATEGORIES
        }
    )


def encode_tags(tags: Mapping[str, str]) -> str:
    """Check ``tags`` against S3's limits and encode them for the ``Tagging`` header.

    S3 allows in tags letters and numbers of any script, spaces and
    ``_ . : / = + - @``. Every character that is not unreserved is
    percent-encoded (a space as ``%20``, never ``+``), so spaces, ``+``,
    ``=``, ``/`` and non-ASCII letters come back from ``get_object_tagging``
    as they were sent.

    >>> encode_tags({"team": "data/ml", "note": "1+1=2 für alle"})
    'team=data%2Fml&note=1%2B1%3D2%20f%C3%BCr%20alle'
    """
    if len(tags) > MAX_TAGS:
        raise ValueError(
            f"tags has {len(tags)} entries; S3 allows at most {MAX_TAGS} tags per object: "
            "merge some, or keep the rest in metadata"
        )
    for name, value in tags.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise TypeError(
                f"tags must map str to str; got {name!r}: {value!r} "
                f"({type(name).__name__} -> {type(value).__name__}): convert with str()"
            )
        if not name:
            raise ValueError("tags has an empty tag key; S3 tag keys are 1 to 128 characters")
        if len(name) > MAX_TAG_KEY_LENGTH:
            raise ValueError(
                f"tag key {name[:40]!r}... is {len(name)} characters long; "
                f"S3 allows at most {MAX_TAG_KEY_LENGTH}"
            )
        if len(value) > MAX_TAG_VALUE_LENGTH:
            raise ValueError(
                f"the value of tag {name!r} is {len(value)} characters long; "
                f"S3 allows at most {MAX_TAG_VALUE_LENGTH}"
            )
        if name.lower().startswith("aws:"):
            raise ValueError(f"tag key {name!r}: the prefix 'aws:' is reserved for AWS's own tags")
        for what, text in (("key", name), ("value", value)):
            bad = _bad_tag_characters(text)
            if bad:
                raise ValueError(
                    f"tag {what} {text!r} contains {', '.join(map(repr, bad))}, which S3 does "
                    "not allow in tags (it answers InvalidTag); use letters, numbers, spaces "
                    "and _ . : / = + - @ only"
                )
    # urlencode hands quote() safe="", so "/" is encoded too.
    return urlencode(tags, quote_via=quote)
