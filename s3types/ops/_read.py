"""Typed reads: ``list_objects``, ``get_object``, ``head_object``, ``get_bucket_location``."""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

import sys
from itertools import islice
from typing import TYPE_CHECKING, overload

from s3types.ops._errors import ObjectTooLargeError
from s3types.ops._names import check_bucket, object_of, record_object_size
from s3types.ops._results import (
    ObjectContent,
    ObjectHead,
    ObjectSummary,
    object_content,
    object_head,
    unquote_etag,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import (
        GetObjectRequestTypeDef,
        HeadObjectRequestTypeDef,
        ListObjectsV2RequestPaginateTypeDef,
    )

    from s3types import S3EventRecord

__all__ = ["get_bucket_location", "get_object", "head_object", "list_objects"]

_PAGE_SIZE = 1000  # the most S3 returns per ListObjectsV2 page
_LEGACY_REGIONS = {"": "us-east-1", "EU": "eu-west-1"}


def list_objects(
    client: S3Client,
    bucket: str,
    *,
    prefix: str | None = None,
    max_results: int | None = None,
) -> Iterator[ObjectSummary]:
    """Iterate the objects of a bucket, in key order, across as many pages as needed.

    Uses boto3's ``list_objects_v2`` paginator; never yields more than
    ``max_results`` objects (None: all of them). Arguments are checked at the
    call; pages are fetched as the iterator is consumed.

    >>> for obj in list_objects(client, "my-bucket", prefix="photos/", max_results=10):
    ...     print(obj.key, obj.size)
    photos/red flower.jpg 1024
    """
    check_bucket(bucket)
    if prefix is not None and not isinstance(prefix, str):
        raise TypeError(f"prefix must be a str, got {type(prefix).__name__}")
    if max_results is not None:
        if isinstance(max_results, bool) or not isinstance(max_results, int):
            raise TypeError(f"max_results must be an int, got {type(max_results).__name__}")
        if max_results < 0:
            raise ValueError(f"max_results={max_results} is negative: pass 0 or more, or None")
        if max_results > sys.maxsize:
            # islice() takes no more than sys.maxsize, and no bucket holds that many.
            raise ValueError(
                f"max_results={max_results} is larger than any listing can be (at most "
                f"{sys.maxsize}): pass None to list every object"
            )
    if max_results == 0:
        return iter(())
    request: ListObjectsV2RequestPaginateTypeDef = {"Bucket": bucket}
    if prefix:
        request["Prefix"] = prefix
    if max_results is not None:
        request["PaginationConfig"] = {
            "MaxItems": max_results,
            "PageSize": min(max_results, _PAGE_SIZE),
        }
    summaries = _summaries(client, request)
    return summaries if max_results is None else islice(summaries, max_results)


def _summaries(
    client: S3Client, request: ListObjectsV2RequestPaginateTypeDef
) -> Iterator[ObjectSummary]:
    for page in client.get_paginator("list_objects_v2").paginate(**request):
        for obj in page.get("Contents", ()):
            yield ObjectSummary(
                key=obj["Key"],  # pyright: ignore[reportTypedDictNotRequiredAccess]  # always sent
                size=obj.get("Size", 0),
                etag=unquote_etag(obj.get("ETag")),
                last_modified=obj["LastModified"],  # pyright: ignore[reportTypedDictNotRequiredAccess]
                storage_class=obj.get("StorageClass", "STANDARD"),
            )


@overload
def get_object(
    client: S3Client,
    bucket: str,
    key: str,
    *,
    version_id: str | None = None,
    max_size: int | None = None,
) -> ObjectContent: ...
@overload
def get_object(
    client: S3Client,
    record: S3EventRecord,
    /,
    *,
    version_id: str | None = None,
    max_size: int | None = None,
) -> ObjectContent: ...
def get_object(
    client: S3Client,
    bucket: str | S3EventRecord,
    key: str | None = None,
    *,
    version_id: str | None = None,
    max_size: int | None = None,
) -> ObjectContent:
    """Read an object whole: its bytes, content type, ETag, version id, size and metadata.

    Takes a bucket and key, or a record (its decoded key and its version id;
    ``version_id=`` overrides). The body is read and closed before returning.
    S3's errors (``NoSuchKey``, ...) come as botocore's ``ClientError``.

    With ``max_size``, an object larger than that many bytes is refused with
    ``ObjectTooLargeError`` before its body is read: a record's size is checked
    before any request, S3's ``Content-Length`` before the first body byte
    (the connection is then closed). Objects too large to hold in memory are
    for ``open_object``, which streams them.

    >>> content = get_object(client, "my-bucket", "notes/today.txt")
    >>> content.body.decode(), content.metadata.get("author")
    ('hello', 'ada')
    >>> get_object(client, record).version_id == record.version_id  # the event's version
    True
    """
    record_size = record_object_size(bucket, version_id)
    bucket, key, version_id = object_of("get_object", bucket, key, version_id)
    if max_size is not None:
        if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 0:
            raise ValueError(f"max_size={max_size!r}: give a number of bytes (0 or more), or None")
        if record_size is not None and record_size > max_size:
            raise ObjectTooLargeError(bucket, key, record_size, max_size, "record")
    request: GetObjectRequestTypeDef = {"Bucket": bucket, "Key": key}
    if version_id is not None:
        request["VersionId"] = version_id
    response = client.get_object(**request)
    stream = response["Body"]
    try:
        length = response.get("ContentLength")
        if max_size is not None and length is not None and length > max_size:
            raise ObjectTooLargeError(bucket, key, length, max_size, "Content-Length S3 sent")
        # Without a Content-Length (a store that streams its answers), one byte
        # past the limit is enough to know.
        body = stream.read() if max_size is None else stream.read(max_size + 1)
        if max_size is not None and len(body) > max_size:
            raise ObjectTooLargeError(bucket, key, len(body), max_size, "bytes read", at_least=True)
    finally:
        stream.close()
    return object_content(response, body)


@overload
def head_object(
    client: S3Client, bucket: str, key: str, *, version_id: str | None = None
) -> ObjectHead: ...
@overload
def head_object(
    client: S3Client, record: S3EventRecord, /, *, version_id: str | None = None
) -> ObjectHead: ...
def head_object(
    client: S3Client,
    bucket: str | S3EventRecord,
    key: str | None = None,
    *,
    version_id: str | None = None,
) -> ObjectHead:
    """What S3 keeps about an object, without its body: size, ETag, version, metadata, class.

    Takes a bucket and key, or a record (its decoded key and version id). A
    missing object is botocore's ``ClientError`` with code ``404`` (HEAD
    answers carry no error body, so not ``NoSuchKey``).

    >>> head = head_object(client, "my-bucket", "notes/today.txt")
    >>> head.size, head.metadata["author"], head.storage_class
    (5, 'ada', 'STANDARD')
    """
    bucket, key, version_id = object_of("head_object", bucket, key, version_id)
    request: HeadObjectRequestTypeDef = {"Bucket": bucket, "Key": key}
    if version_id is not None:
        request["VersionId"] = version_id
    response = client.head_object(**request)
    return object_head(response, response.get("ContentLength", 0))


def get_bucket_location(client: S3Client, bucket: str) -> str:
    """The name of the region a bucket is in, e.g. ``"eu-central-1"``.

    S3 reports buckets in us-east-1 with no location and old buckets in
    Ireland as ``"EU"``; both come back as region names (``"us-east-1"``,
    ``"eu-west-1"``).

    >>> get_bucket_location(client, "my-bucket")
    'us-east-1'
    """
    check_bucket(bucket)
    location = client.get_bucket_location(Bucket=bucket).get("LocationConstraint")
    if location is None:
        return "us-east-1"
    return _LEGACY_REGIONS.get(location, location)
