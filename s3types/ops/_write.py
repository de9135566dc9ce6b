"""Typed writes: ``put_object``, ``copy_object``, ``delete_object``."""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

import io
from typing import IO, TYPE_CHECKING, overload

from s3types._values import version_id_or_none
from s3types.ops._body import upload_body
from s3types.ops._choices import check_acl, check_sse
from s3types.ops._metadata import check_metadata
from s3types.ops._names import check_bucket, check_key, object_of, record_object_size
from s3types.ops._results import CopyResult, DeleteResult, PutResult, unquote_etag
from s3types.ops._tags import encode_tags
from s3types.ops._transfer import (
    MULTIPART_COPY_THRESHOLD,
    MULTIPART_UPLOAD_THRESHOLD,
    checked_threshold,
    managed_upload,
    multipart_copy,
)
from s3types.triggers._guard import check_copy, check_write

if TYPE_CHECKING:
    from collections.abc import Mapping

    from _typeshed import SupportsRead
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.literals import ObjectCannedACLType, ServerSideEncryptionType
    from mypy_boto3_s3.type_defs import (
        CopyObjectRequestTypeDef,
        CopySourceTypeDef,
        DeleteObjectRequestTypeDef,
        HeadObjectRequestTypeDef,
        PutObjectRequestTypeDef,
    )

    from s3types import S3EventRecord

__all__ = ["check_target", "copy_object", "delete_object", "put_object", "put_options"]

_KMS = ("aws:kms", "aws:kms:dsse")


def put_object(
    client: S3Client,
    bucket: str,
    key: str,
    body: bytes | str | IO[bytes] | SupportsRead[bytes],
    *,
    tags: Mapping[str, str] | None = None,
    metadata: Mapping[str, str] | None = None,
    sse: ServerSideEncryptionType | None = None,
    kms_key_id: str | None = None,
    acl: ObjectCannedACLType | None = None,
    content_type: str | None = None,
    multipart_threshold: int | None = None,
    allow_retrigger: bool = False,
) -> PutResult:
    """Store an object: bytes, a str (sent as UTF-8) or a binary file object, of any size.

    ``tags`` are encoded so any text survives the trip; ``tags`` and
    ``metadata`` are checked against S3's rules first (``ValueError`` saying
    which entry is wrong). ``kms_key_id`` goes with ``sse="aws:kms"`` or
    ``"aws:kms:dsse"`` only; an ``acl`` or ``sse`` S3 does not know is a
    ``ValueError`` naming the allowed values. There is deliberately no form taking a record:
    writing back to the key that triggered the event would trigger it again.
    Inside an ``s3_record_handler`` call, a write where that handler's own
    trigger fires is refused (``ValueError`` naming the trigger) unless
    ``allow_retrigger=True``.

    A file object is sent from its current position. Above
    ``multipart_threshold`` bytes (default ``MULTIPART_UPLOAD_THRESHOLD``,
    8 MiB) it goes through boto3's managed transfer as a multipart upload,
    with every option above; so does a stream that cannot tell its size (a
    pipe, an object with only ``read()``). The result is S3's answer either
    way (a multipart ETag ends in ``-<parts>``). A text-mode file is refused:
    open it with ``"rb"``.

    >>> put_object(client, "my-bucket", "greetings/hello.txt", "hello",
    ...            tags={"team": "data/ml"}, metadata={"author": "ada"},
    ...            content_type="text/plain; charset=utf-8")
    PutResult(etag='5d41402abc4b2a76b9719d911017c592', version_id=None)
    >>> with open("report.csv", "rb") as report:
    ...     put_object(client, "my-bucket", "reports/2024.csv", report,
    ...                sse="aws:kms", kms_key_id="alias/reports").version_id is None
    True
    """
    check_target("put_object", bucket, key, allow_retrigger=allow_retrigger)
    threshold = checked_threshold(multipart_threshold, MULTIPART_UPLOAD_THRESHOLD)
    upload = upload_body(body)
    options = put_options(
        bucket,
        key,
        tags=tags,
        metadata=metadata,
        sse=sse,
        kms_key_id=kms_key_id,
        acl=acl,
        content_type=content_type,
    )
    if upload.data is not None and len(upload.data) <= threshold:
        options["Body"] = upload.data
    elif upload.file is not None and upload.remaining is not None and upload.remaining <= threshold:
        options["Body"] = upload.file
    else:
        file = upload.file if upload.file is not None else io.BytesIO(upload.data or b"")
        extra = {name: value for name, value in options.items() if name not in ("Bucket", "Key")}
        etag, version_id = managed_upload(client, file, bucket, key, extra, threshold=threshold)
        return PutResult(etag=etag, version_id=version_id)
    response = client.put_object(**options)
    return PutResult(
        etag=unquote_etag(response.get("ETag")),
        version_id=version_id_or_none(response.get("VersionId")),
    )


def check_target(operation: str, bucket: str, key: str, *, allow_retrigger: bool) -> None:
    """Refuse a write the loop guard forbids, or to a bucket or key S3 would refuse."""
    check_write(operation, bucket, key, allow_retrigger=allow_retrigger)
    check_bucket(bucket)
    check_key(key)


def put_options(
    bucket: str,
    key: str,
    *,
    tags: Mapping[str, str] | None,
    metadata: Mapping[str, str] | None,
    sse: ServerSideEncryptionType | None,
    kms_key_id: str | None,
    acl: ObjectCannedACLType | None,
    content_type: str | None,
) -> PutObjectRequestTypeDef:
    """The PutObject request (without a body) for ``put_object``'s options, checked.

    The same fields make a CreateMultipartUpload request: a multipart object
    gets what one PutObject would have given it.
    """
    check_acl(acl)
    check_sse(sse)
    options: PutObjectRequestTypeDef = {"Bucket": bucket, "Key": key}
    if tags:
        options["Tagging"] = encode_tags(tags)
    if metadata:
        options["Metadata"] = check_metadata(metadata)
    if kms_key_id is not None:
        if sse not in _KMS:
            raise ValueError(
                f"kms_key_id is given but sse={sse!r}: a KMS key is used only with "
                "sse='aws:kms' or sse='aws:kms:dsse'; pass one of those, or drop kms_key_id"
            )
        options["SSEKMSKeyId"] = kms_key_id
    if sse is not None:
        options["ServerSideEncryption"] = sse
    if acl is not None:
        options["ACL"] = acl
    if content_type is not None:
        options["ContentType"] = content_type
    return options


@overload
def copy_object(
    client: S3Client,
    bucket: str,
    key: str,
    target_bucket: str,
    *,
    target_key: str | None = None,
    version_id: str | None = None,
    multipart_threshold: int | None = None,
    allow_retrigger: bool = False,
) -> CopyResult: ...
@overload
def copy_object(
    client: S3Client,
    record: S3EventRecord,
    /,
    *,
    target_bucket: str,
    target_key: str | None = None,
    version_id: str | None = None,
    multipart_threshold: int | None = None,
    allow_retrigger: bool = False,
) -> CopyResult: ...
def copy_object(
    client: S3Client,
    bucket: str | S3EventRecord,
    key: str | None = None,
    target_bucket: str | None = None,
    *,
    target_key: str | None = None,
    version_id: str | None = None,
    multipart_threshold: int | None = None,
    allow_retrigger: bool = False,
) -> CopyResult:
    """Copy an object (a given version of it, if asked) to a bucket, under the same key or another.

    Takes a bucket and key, or a record and ``target_bucket=``. Metadata,
    content type and tags are copied with the object, and its encryption is
    the target bucket's default, as CopyObject does it.

    Objects of any size: above ``multipart_threshold`` (default
    ``MULTIPART_COPY_THRESHOLD``, 5 GiB, the most one CopyObject copies) the
    copy is a managed multipart copy (UploadPartCopy parts of the pinned
    source version, each sent with ``CopySourceIfMatch``), given the source's
    metadata, content type and tags at creation. The size is the record's,
    or a HEAD's.
    Inside an ``s3_record_handler`` call, a copy to where that handler's own
    trigger fires is refused unless ``allow_retrigger=True``.

    >>> copy_object(client, "my-bucket", "greetings/hello.txt", "archive",
    ...             target_key="2024/hello.txt")
    CopyResult(etag='5d41402abc4b2a76b9719d911017c592', version_id=None)
    >>> copy_object(client, record, target_bucket="archive").etag
    '5d41402abc4b2a76b9719d911017c592'
    """
    check_copy(bucket, key, target_bucket, target_key, allow_retrigger=allow_retrigger)
    record_size = record_object_size(bucket, version_id)
    bucket, key, version_id = object_of("copy_object", bucket, key, version_id)
    if target_bucket is None:
        raise TypeError("copy_object() needs target_bucket, the bucket to copy into")
    check_bucket(target_bucket, "target_bucket")
    target_key = key if target_key is None else check_key(target_key, "target_key")
    if (target_bucket, target_key, version_id) == (bucket, key, None):
        raise ValueError(
            f"copy_object() would copy s3://{bucket}/{key} onto itself, which S3 refuses: "
            "give another target_key or target_bucket"
        )
    threshold = checked_threshold(multipart_threshold, MULTIPART_COPY_THRESHOLD)
    source: CopySourceTypeDef = {"Bucket": bucket, "Key": key}
    if version_id is not None:
        source["VersionId"] = version_id
    if record_size is None or record_size > threshold:
        head_request: HeadObjectRequestTypeDef = {"Bucket": bucket, "Key": key}
        if version_id is not None:
            head_request["VersionId"] = version_id
        head = client.head_object(**head_request)
        if head.get("ContentLength", 0) > threshold:
            return multipart_copy(client, source, head, target_bucket, target_key, threshold)
    request: CopyObjectRequestTypeDef = {
        "Bucket": target_bucket,
        "Key": target_key,
        "CopySource": source,
    }
    response = client.copy_object(**request)
    return CopyResult(
        etag=unquote_etag(response.get("CopyObjectResult", {}).get("ETag")),
        version_id=version_id_or_none(response.get("VersionId")),
    )


@overload
def delete_object(
    client: S3Client, bucket: str, key: str, *, version_id: str | None = None
) -> DeleteResult: ...
@overload
def delete_object(
    client: S3Client, record: S3EventRecord, /, *, version_id: str | None = None
) -> DeleteResult: ...
def delete_object(
    client: S3Client,
    bucket: str | S3EventRecord,
    key: str | None = None,
    *,
    version_id: str | None = None,
) -> DeleteResult:
    """Delete an object, or one version of it.

    In a versioned bucket, without a version id S3 adds a delete marker
    (``delete_marker`` True); with one, that version is removed for good.
    A record passes its version id: to add a delete marker instead, pass
    ``record.bucket_name, record.key``.

    >>> delete_object(client, "my-bucket", "tmp/upload.part")
    DeleteResult(delete_marker=False, version_id=None)
    """
    bucket, key, version_id = object_of("delete_object", bucket, key, version_id)
    request: DeleteObjectRequestTypeDef = {"Bucket": bucket, "Key": key}
    if version_id is not None:
        request["VersionId"] = version_id
    response = client.delete_object(**request)
    return DeleteResult(
        delete_marker=bool(response.get("DeleteMarker", False)),
        version_id=version_id_or_none(response.get("VersionId")),
    )
