"""Managed transfers: multipart uploads and copies through boto3's transfer manager.

boto3's ``upload_fileobj`` and ``copy`` run s3transfer's ``TransferManager``
and return nothing, so the new object's ETag and version id would be lost,
and a HEAD afterwards could see another writer's version. Here the same
manager, with boto3's ``TransferConfig``, is handed the caller's client
behind a thin wrapper that keeps the answer of the request that creates the
object (``CompleteMultipartUpload``, or ``PutObject``/``CopyObject`` when the
manager sends one request): the result is S3's own answer for this upload.
"""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

import threading
from typing import IO, TYPE_CHECKING, Any, cast
from urllib.parse import quote, urlencode

from s3types._limits import MAX_PUT_SIZE, MIN_PART_SIZE
from s3types._values import version_id_or_none
from s3types.ops._results import CopyResult, unquote_etag

if TYPE_CHECKING:
    from collections.abc import Mapping

    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import (
        CopySourceTypeDef,
        GetObjectTaggingRequestTypeDef,
        HeadObjectOutputTypeDef,
    )
    from s3transfer.futures import TransferFuture

__all__ = [
    "MIN_PART_SIZE",
    "MULTIPART_COPY_THRESHOLD",
    "MULTIPART_UPLOAD_THRESHOLD",
    "checked_threshold",
    "managed_copy",
    "managed_upload",
    "multipart_copy",
]

MULTIPART_UPLOAD_THRESHOLD = 8 * 1024 * 1024  # boto3's default multipart_threshold
MULTIPART_COPY_THRESHOLD = MAX_PUT_SIZE  # the largest object one CopyObject copies
_COPY_PART_SIZE = 512 * 1024 * 1024  # 5 TB in fewer than S3's 10,000 parts

_CREATING_CALLS = frozenset({"put_object", "copy_object", "complete_multipart_upload"})


class _AnswerKeepingClient:
    """The caller's client, keeping the answer of the call that creates the object.

    ``tagging`` (the ``Tagging`` header's form) goes with CreateMultipartUpload:
    s3transfer would otherwise tag a copy only after completing it, leaving a
    moment when the new object exists without its tags.
    """

    def __init__(self, client: S3Client, tagging: str | None = None) -> None:
        self._client = client
        self._tagging = tagging
        self._lock = threading.Lock()
        self.answer: Mapping[str, Any] | None = None

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if name == "create_multipart_upload" and self._tagging:
            tagging = self._tagging

            def tagged_at_creation(**kwargs: Any) -> Any:
                return attribute(**kwargs, Tagging=tagging)

            return tagged_at_creation
        if name not in _CREATING_CALLS:
            return attribute

        def keeping_answer(**kwargs: Any) -> Any:
            answer = attribute(**kwargs)
            with self._lock:
                self.answer = answer
            return answer

        return keeping_answer


def _transfer_manager(client: _AnswerKeepingClient, threshold: int, part_size: int) -> Any:
    try:
        from boto3.s3.transfer import TransferConfig
        from s3transfer.manager import TransferManager
    except ImportError as err:  # pragma: no cover - boto3 is how a client exists at all
        raise ImportError("large transfers need boto3: pip install 's3types[boto3]'") from err
    # "classic": the CRT manager would make its own client, which the caller
    # did not configure (endpoint, credentials, retries).
    config = TransferConfig(
        multipart_threshold=threshold,
        multipart_chunksize=part_size,
        preferred_transfer_client="classic",
    )
    return TransferManager(cast("Any", client), config)


def _etag_and_version(answer: Mapping[str, Any] | None) -> tuple[str, str | None]:
    if answer is None:  # pragma: no cover - the manager always creates the object
        raise RuntimeError("the transfer ended without S3's answer for the new object")
    etag = answer.get("ETag") or answer.get("CopyObjectResult", {}).get("ETag")
    return unquote_etag(etag), version_id_or_none(answer.get("VersionId"))


def managed_upload(
    client: S3Client,
    file: IO[bytes],
    bucket: str,
    key: str,
    extra_args: Mapping[str, Any],
    *,
    threshold: int,
) -> tuple[str, str | None]:
    """Upload ``file`` from its position (multipart above ``threshold``); S3's ETag and version.

    Seekable files are read part by part as the parts are sent; streams that
    cannot seek (pipes, sockets, objects with only ``read()``) are read into
    parts of the same size, so memory stays near the part size times the
    transfer's concurrency (10).
    """
    keeping = _AnswerKeepingClient(client)
    with _transfer_manager(keeping, threshold, max(threshold, MIN_PART_SIZE)) as manager:
        future = manager.upload(file, bucket, key, extra_args=dict(extra_args))
        future.result()
    return _etag_and_version(keeping.answer)


class _KnownSource:
    """Tells the transfer the source's size and ETag, so it does not HEAD it again.

    With the ETag, every part copy is sent with ``CopySourceIfMatch``: a
    source overwritten mid-copy fails the copy instead of mixing versions.
    """

    def __init__(self, size: int, etag: str) -> None:
        self._size = size
        self._etag = etag

    def on_queued(self, future: TransferFuture, **kwargs: object) -> None:
        future.meta.provide_transfer_size(self._size)
        future.meta.provide_object_etag(self._etag)


def managed_copy(
    client: S3Client,
    source: Mapping[str, str],
    size: int,
    source_etag: str,
    bucket: str,
    key: str,
    extra_args: Mapping[str, Any],
    *,
    tagging: str | None,
    threshold: int,
) -> tuple[str, str | None]:
    """Copy ``source`` with UploadPartCopy parts (above ``threshold``); S3's ETag and version.

    ``extra_args`` is passed on as given: the caller sets the metadata and
    content type (with ``MetadataDirective="REPLACE"``) and ``tagging``, as
    multipart copies take nothing from the source but its bytes.
    """
    keeping = _AnswerKeepingClient(client, tagging)
    part_size = max(MIN_PART_SIZE, min(threshold, _COPY_PART_SIZE))
    with _transfer_manager(keeping, threshold, part_size) as manager:
        future = manager.copy(
            dict(source),
            bucket,
            key,
            extra_args=dict(extra_args),
            subscribers=[_KnownSource(size, f'"{source_etag}"')],
        )
        future.result()
    return _etag_and_version(keeping.answer)


def checked_threshold(given: int | None, default: int) -> int:
    """``given`` if it is a usable multipart threshold (at least one part), else ``default``."""
    if given is None:
        return default
    if isinstance(given, bool) or not isinstance(given, int) or given < MIN_PART_SIZE:
        raise ValueError(
            f"multipart_threshold={given!r}: give a number of bytes of at least "
            f"{MIN_PART_SIZE} (S3's smallest part, 5 MiB), or None for the default"
        )
    return given


# What CopyObject carries from the source besides the bytes (with its default
# MetadataDirective=COPY), and so what a multipart copy must be given.
_CARRIED_FIELDS = (
    "CacheControl",
    "ContentDisposition",
    "ContentEncoding",
    "ContentLanguage",
    "ContentType",
    "Metadata",
    "WebsiteRedirectLocation",
)


def multipart_copy(
    client: S3Client,
    source: CopySourceTypeDef,
    head: HeadObjectOutputTypeDef,
    target_bucket: str,
    target_key: str,
    threshold: int,
) -> CopyResult:
    """Copy the object HEAD described with a managed multipart copy, as CopyObject would.

    The source's metadata, content type and tags are given to the new object
    at creation; its version is pinned to the one HEAD saw.
    """
    # Pin the version HEAD saw: later parts must not come from a newer one.
    pinned: dict[str, str] = {"Bucket": source["Bucket"], "Key": source["Key"]}
    version_id = version_id_or_none(head.get("VersionId"))
    if version_id is not None:
        pinned["VersionId"] = version_id
    extra: dict[str, object] = {"MetadataDirective": "REPLACE"}
    fields = cast("Mapping[str, object]", head)  # read by name: the names are HEAD's own
    extra.update({name: fields[name] for name in _CARRIED_FIELDS if name in fields})
    tagging_request: GetObjectTaggingRequestTypeDef = {
        "Bucket": source["Bucket"],
        "Key": source["Key"],
    }
    if version_id is not None:
        tagging_request["VersionId"] = version_id
    tag_set = client.get_object_tagging(**tagging_request).get("TagSet", [])
    tagging = urlencode([(tag["Key"], tag["Value"]) for tag in tag_set], quote_via=quote)
    etag, new_version_id = managed_copy(
        client,
        pinned,
        head.get("ContentLength", 0),
        unquote_etag(head.get("ETag")),
        target_bucket,
        target_key,
        extra,
        tagging=tagging or None,
        threshold=threshold,
    )
    return CopyResult(etag=etag, version_id=new_version_id)
