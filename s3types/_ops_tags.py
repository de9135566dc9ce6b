"""Object tags: S3's limits, and the query-string form the ``Tagging`` header takes."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["MAX_TAGS", "MAX_TAG_KEY_LENGTH", "MAX_TAG_VALUE_LENGTH", "encode_tags"]

MAX_TAGS = 10
MAX_TAG_KEY_LENGTH = 128
MAX_TAG_VALUE_LENGTH = 256


def encode_tags(tags: Mapping[str, str]) -> str:
    """Check ``tags`` against S3's limits and encode them for the ``Tagging`` header.

    Every character that is not unreserved is percent-encoded (a space as
    ``%20``, never ``+``), so spaces, ``+``, ``=``, ``&``, ``/`` and non-ASCII
    text come back from ``get_object_tagging`` as they were sent.

    >>> encode_tags({"team": "a&b", "note": "1+1=2 / ok"})
    'team=a%26b&note=1%2B1%3D2%20%2F%20ok'
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
    # urlencode hands quote() safe="", so "/" is encoded too.
    return urlencode(tags, quote_via=quote)
