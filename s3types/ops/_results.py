"""The small frozen results the typed S3 operations return instead of response dicts."""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from s3types._values import version_id_or_none

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime

    from mypy_boto3_s3.type_defs import GetObjectOutputTypeDef, HeadObjectOutputTypeDef

__all__ = [
    "CopyResult",
    "DeleteResult",
    "ObjectContent",
    "ObjectHead",
    "ObjectSummary",
    "PresignedRequest",
    "PutResult",
    "object_content",
    "object_head",
    "unquote_etag",
]

DEFAULT_CONTENT_TYPE = "binary/octet-stream"  # what S3 stores when none was given


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


@dataclass(frozen=True, slots=True, repr=False)
class PutResult:
    """What S3 answered to ``put_object`` or ``create_object``.

    ``version_id`` is None unless the bucket is versioned. ``checksum`` is
    the object's checksum in S3's form when the write sent one
    (``create_object`` does): base64, and for a multipart object the
    composite checksum, ending in ``-<parts>``. It is shown only when set.

    >>> PutResult(etag="acbd18db", version_id=None).version_id is None
    True
    >>> PutResult(etag="9b2cf535f2-2", version_id=None, checksum="otMqCw==-2")
    PutResult(etag='9b2cf535f2-2', version_id=None, checksum='otMqCw==-2')
    """

    etag: str
    version_id: str | None
    checksum: str | None = None

    def __repr__(self) -> str:
        shown = f"etag={self.etag!r}, version_id={self.version_id!r}"
        if self.checksum is not None:
            shown += f", checksum={self.checksum!r}"
        return f"PutResult({shown})"


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


@dataclass(frozen=True, slots=True)
class ObjectHead:
    """What S3 keeps about an object, without its body: ``head_object``'s answer.

    ``size`` is the whole object's size in bytes, ``storage_class`` is
    ``"STANDARD"`` when S3 leaves it out (as S3 means it), ``sse`` the
    server-side encryption S3 reports (``"AES256"``, ``"aws:kms"``, ...) or None.

    >>> from datetime import datetime, timezone
    >>> head = ObjectHead(5, "5d41402a", None, "text/plain",
    ...                   datetime(2024, 1, 1, tzinfo=timezone.utc), {}, "STANDARD", None)
    >>> head.size, head.storage_class
    (5, 'STANDARD')
    """

    size: int
    etag: str
    version_id: str | None
    content_type: str
    last_modified: datetime
    metadata: Mapping[str, str] = field(hash=False)
    storage_class: str
    sse: str | None


def object_head(
    response: GetObjectOutputTypeDef | HeadObjectOutputTypeDef, size: int
) -> ObjectHead:
    """The ``ObjectHead`` in a GetObject or HeadObject answer; ``size`` is the whole object's."""
    return ObjectHead(
        size=size,
        etag=unquote_etag(response.get("ETag")),
        version_id=version_id_or_none(response.get("VersionId")),
        content_type=response.get("ContentType") or DEFAULT_CONTENT_TYPE,
        last_modified=response["LastModified"],
        metadata=MappingProxyType(dict(response.get("Metadata", {}))),
        storage_class=response.get("StorageClass", "STANDARD"),
        sse=response.get("ServerSideEncryption"),
    )


def object_content(response: GetObjectOutputTypeDef, body: bytes) -> ObjectContent:
    """The ``ObjectContent`` of a GetObject answer whose body was read as ``body``."""
    head = object_head(response, response.get("ContentLength", len(body)))
    return ObjectContent(
        body=body,
        content_type=head.content_type,
        etag=head.etag,
        version_id=head.version_id,
        size=head.size,
        last_modified=head.last_modified,
        metadata=head.metadata,
    )


@dataclass(frozen=True, slots=True)
class PresignedRequest:
    """A presigned URL and what whoever uses it must send with it.

    ``headers`` are the headers the signature covers besides ``host``: send
    each with exactly this value, or S3 answers 403 SignatureDoesNotMatch.
    ``expires_at`` is when S3 stops accepting the URL (earlier if the
    credentials that signed it expire first, as a Lambda role's session does).

    >>> from datetime import datetime, timezone
    >>> request = PresignedRequest("PUT", "https://b.s3.amazonaws.com/k?X-Amz-Signature=...",
    ...                            {"Content-Type": "text/csv"},
    ...                            datetime(2024, 1, 1, tzinfo=timezone.utc))
    >>> request.headers["Content-Type"]
    'text/csv'
    """

    method: str
    url: str
    headers: Mapping[str, str] = field(hash=False)
    expires_at: datetime
