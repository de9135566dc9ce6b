"""The small frozen results the typed S3 operations return instead of response dicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime

__all__ = [
    "CopyResult",
    "DeleteResult",
    "ObjectContent",
    "ObjectSummary",
    "PutResult",
    "unquote_etag",
]


def unquote_etag(etag: str | None) -> str:
    """An ETag without the double quotes S3 wraps it in (``""`` when S3 sent none).

    >>> unquote_etag('"9b2cf535f27731c974343645a3985328"')
    '9b2cf535f27731c974343645a3985328'
    """
    if not etag:
        return ""
    if len(etag) >= 2 and etag[0] == '"' and etag[-1] == '"':
        return etag[1:-1]
    return etag


@dataclass(frozen=True, slots=True)
class ObjectSummary:
    """One object of a listing, as ``list_objects`` yields it.

    ``etag`` has no surrounding quotes; ``storage_class`` is ``"STANDARD"``
    when the store leaves it out, as S3 means it.

    >>> from datetime import datetime, timezone
    >>> ObjectSummary("a.txt", 3, "acbd18db", datetime(2024, 1, 1, tzinfo=timezone.utc),
    ...               "STANDARD").size
    3
    """

    key: str
    size: int
    etag: str
    last_modified: datetime
    storage_class: str


@dataclass(frozen=True, slots=True)
class PutResult:
    """What S3 answered to ``put_object``.

    ``version_id`` is None unless the bucket is versioned.

    >>> PutResult(etag="acbd18db", version_id=None).version_id is None
    True
    """

    etag: str
    version_id: str | None


@dataclass(frozen=True, slots=True)
class ObjectContent:
    """An object read whole by ``get_object``: its bytes and what S3 keeps about it.

    ``metadata`` is the user metadata (names lowercased by S3) as a read-only
    mapping; ``version_id`` is None for unversioned objects.

    >>> from datetime import datetime, timezone
    >>> content = ObjectContent(b"hi", "text/plain", "49f68a5c", None, 2,
    ...                         datetime(2024, 1, 1, tzinfo=timezone.utc), {})
    >>> content.body.decode()
    'hi'
    """

    body: bytes = field(repr=False)
    content_type: str
    etag: str
    version_id: str | None
    size: int
    last_modified: datetime
    metadata: Mapping[str, str] = field(hash=False)


@dataclass(frozen=True, slots=True)
class CopyResult:
    """What S3 answered to ``copy_object``: the new object's ETag and version id.

    >>> CopyResult(etag="acbd18db", version_id="3HL4kqtJlcpXroDTDmJ").etag
    'acbd18db'
    """

    etag: str
    version_id: str | None


@dataclass(frozen=True, slots=True)
class DeleteResult:
    """What S3 answered to ``delete_object``.

    In a versioned bucket a delete without a version id adds a delete marker:
    ``delete_marker`` is True and ``version_id`` is the marker's.

    >>> DeleteResult(delete_marker=False, version_id=None).delete_marker
    False
    """

    delete_marker: bool
    version_id: str | None
