"""mypy and pyright checks of s3types.ops: result types, and misuse both must reject.

Never run. Each expected error is a ``# type: ignore[code]`` on its line:
mypy reports one that suppresses nothing (``warn_unused_ignores``) and so
does pyright (``reportUnnecessaryTypeIgnoreComment``, set below), so a misuse
that stops being caught fails both checks.
"""

# pyright: strict, reportUnnecessaryTypeIgnoreComment=error
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from typing import IO, TYPE_CHECKING

from typing_extensions import assert_type

from s3types.ops import (
    MAX_EXPIRY,
    CopyResult,
    DeleteResult,
    ObjectContent,
    ObjectHead,
    ObjectStream,
    ObjectSummary,
    ObjectTooLargeError,
    PresignedRequest,
    PutResult,
    copy_object,
    delete_object,
    get_bucket_location,
    get_object,
    head_object,
    list_objects,
    open_object,
    presign_get,
    presign_put,
    put_object,
)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types import S3EventRecord


def return_types(client: S3Client, record: S3EventRecord, file: IO[bytes]) -> None:
    assert_type(list_objects(client, "b-1"), Iterator[ObjectSummary])
    assert_type(list_objects(client, "b-1", prefix="p/", max_results=10), Iterator[ObjectSummary])
    assert_type(put_object(client, "b-1", "k", b"bytes"), PutResult)
    assert_type(put_object(client, "b-1", "k", "text"), PutResult)
    assert_type(put_object(client, "b-1", "k", file), PutResult)
    assert_type(put_object(client, "b-1", "k", io.BytesIO(b"")), PutResult)
    assert_type(
        put_object(
            client,
            "b-1",
            "k",
            b"",
            tags={"a": "b"},
            metadata={"c": "d"},
            sse="aws:kms",
            kms_key_id="alias/k",
            acl="bucket-owner-full-control",
            content_type="text/plain",
        ),
        PutResult,
    )
    assert_type(get_object(client, "b-1", "k"), ObjectContent)
    assert_type(get_object(client, "b-1", "k", version_id="v"), ObjectContent)
    assert_type(get_object(client, record), ObjectContent)
    assert_type(get_object(client, record, version_id="v"), ObjectContent)
    assert_type(copy_object(client, "b-1", "k", "b-2"), CopyResult)
    assert_type(copy_object(client, "b-1", "k", "b-2", target_key="k2", version_id="v"), CopyResult)
    assert_type(copy_object(client, record, target_bucket="b-2"), CopyResult)
    assert_type(copy_object(client, record, target_bucket="b-2", target_key="k2"), CopyResult)
    assert_type(delete_object(client, "b-1", "k"), DeleteResult)
    assert_type(delete_object(client, "b-1", "k", version_id="v"), DeleteResult)
    assert_type(delete_object(client, record), DeleteResult)
    assert_type(get_bucket_location(client, "b-1"), str)


def result_fields(
    summary: ObjectSummary,
    put: PutResult,
    content: ObjectContent,
    copy: CopyResult,
    delete: DeleteResult,
) -> None:
    assert_type(summary.key, str)
    assert_type(summary.size, int)
    assert_type(summary.etag, str)
    assert_type(summary.last_modified, datetime)
    assert_type(summary.storage_class, str)
    assert_type(put.etag, str)
    assert_type(put.version_id, str | None)
    assert_type(content.body, bytes)
    assert_type(content.content_type, str)
    assert_type(content.etag, str)
    assert_type(content.version_id, str | None)
    assert_type(content.size, int)
    assert_type(content.last_modified, datetime)
    assert_type(content.metadata, Mapping[str, str])
    assert_type(copy.etag, str)
    assert_type(copy.version_id, str | None)
    assert_type(delete.delete_marker, bool)
    assert_type(delete.version_id, str | None)


def misuse(client: S3Client, record: S3EventRecord, put: PutResult) -> None:
    # A canned ACL and an SSE algorithm that do not exist.
    put_object(client, "b-1", "k", b"", acl="public")  # type: ignore[arg-type]
    put_object(client, "b-1", "k", b"", sse="AES128")  # type: ignore[arg-type]
    # Tags and metadata that are not str -> str.
    put_object(client, "b-1", "k", b"", tags={"n": 1})  # type: ignore[dict-item]
    put_object(client, "b-1", "k", b"", metadata={"n": None})  # type: ignore[dict-item]
    # A body that is text in a file, not bytes.
    put_object(client, "b-1", "k", io.StringIO("x"))  # type: ignore[arg-type]
    # Options are keyword-only.
    list(list_objects(client, "b-1", "prefix/"))  # type: ignore[call-arg]
    put_object(client, "b-1", "k", b"", {"a": "b"})  # type: ignore[call-arg]
    get_object(client, "b-1", "k", "version")  # type: ignore[call-overload]
    # A missing key, a missing target bucket.
    get_object(client, "b-1")  # type: ignore[call-overload]
    delete_object(client, "b-1")  # type: ignore[call-overload]
    copy_object(client, "b-1", "k")  # type: ignore[call-overload]
    copy_object(client, record)  # type: ignore[call-overload]
    # A record and a key; a record where a bucket name is expected.
    get_object(client, record, "k")  # type: ignore[call-overload]
    put_object(client, record, "k", b"")  # type: ignore[arg-type]
    list_objects(client, record)  # type: ignore[arg-type]
    get_bucket_location(client, record)  # type: ignore[arg-type]
    copy_object(client, "b-1", "k", record)  # type: ignore[call-overload]
    # An optional result used as str without a check.
    version: str = put.version_id  # type: ignore[assignment]
    put.version_id.upper()  # type: ignore[union-attr]
    # Results are frozen.
    put.etag = "x"  # type: ignore[misc]
    del version


def large_object_types(client: S3Client, record: S3EventRecord, file: IO[bytes]) -> None:
    with open_object(client, "b-1", "k") as stream:
        assert_type(stream, ObjectStream)
        assert_type(stream.read(10), bytes)
        assert_type(stream.readline(), bytes)
        assert_type(stream.iter_chunks(1024), Iterator[bytes])
        assert_type(stream.seek(0), int)
        assert_type(stream.head, ObjectHead)
        assert_type(stream.length, int)
        for line in stream:
            assert_type(line, bytes)
        zipfile.ZipFile(stream)  # an ObjectStream is a binary file
    assert_type(open_object(client, record, range=(0, 100)), ObjectStream)
    assert_type(open_object(client, "b-1", "k", version_id="v", range=(10, None)), ObjectStream)
    assert_type(get_object(client, record, max_size=10**8).body, bytes)
    assert_type(head_object(client, "b-1", "k"), ObjectHead)
    assert_type(head_object(client, record), ObjectHead)
    assert_type(put_object(client, "b-1", "k", file, multipart_threshold=16 * 2**20), PutResult)
    assert_type(presign_get(client, record, expires_in=timedelta(hours=1)), PresignedRequest)
    assert_type(presign_get(client, "b-1", "k", expires_in=MAX_EXPIRY), PresignedRequest)
    put = presign_put(
        client,
        "b-1",
        "k",
        content_type="text/csv",
        metadata={"a": "b"},
        tags={"c": "d"},
        sse="aws:kms",
        kms_key_id="alias/k",
        acl="bucket-owner-full-control",
        expires_in=900,
    )
    assert_type(put.url, str)
    assert_type(put.headers, Mapping[str, str])
    assert_type(put.expires_at, datetime)


def head_fields(head: ObjectHead, error: ObjectTooLargeError) -> None:
    assert_type(head.size, int)
    assert_type(head.etag, str)
    assert_type(head.version_id, str | None)
    assert_type(head.storage_class, str)
    assert_type(head.metadata, Mapping[str, str])
    assert_type(head.sse, str | None)
    assert_type(error.size, int)
    assert_type(error.max_size, int)


def large_object_misuse(client: S3Client, record: S3EventRecord, head: ObjectHead) -> None:
    # A presigned PUT with a canned ACL or an SSE value that does not exist.
    presign_put(client, "b-1", "k", acl="public")  # type: ignore[arg-type]
    presign_put(client, "b-1", "k", sse="AES128")  # type: ignore[arg-type]
    # Tags and metadata that are not str -> str.
    presign_put(client, "b-1", "k", tags={"n": 1})  # type: ignore[dict-item]
    presign_put(client, "b-1", "k", metadata={"n": None})  # type: ignore[dict-item]
    # An expiry that is neither seconds nor a timedelta.
    presign_get(client, "b-1", "k", expires_in="1h")  # type: ignore[call-overload]
    # No record form for a PUT: writing back to the key that triggered it loops.
    presign_put(client, record, "k")  # type: ignore[arg-type]
    # Options are keyword-only; a record takes no key.
    open_object(client, "b-1", "k", "version")  # type: ignore[call-overload]
    open_object(client, record, "k")  # type: ignore[call-overload]
    # A range is (start, stop), not a header string.
    open_object(client, "b-1", "k", range="bytes=0-99")  # type: ignore[call-overload]
    get_object(client, "b-1", "k", max_size="10MB")  # type: ignore[call-overload]
    # Results are frozen.
    head.size = 0  # type: ignore[misc]
