"""mypy-only checks of s3types.ops: result types, and misuse mypy --strict must reject.

Never run. Each expected error is a ``# type: ignore[code]`` on its line; with
``warn_unused_ignores`` a misuse that stops being caught fails the check.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import IO, TYPE_CHECKING

from typing_extensions import assert_type

from s3types.ops import (
    CopyResult,
    DeleteResult,
    ObjectContent,
    ObjectSummary,
    PutResult,
    copy_object,
    delete_object,
    get_bucket_location,
    get_object,
    list_objects,
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
