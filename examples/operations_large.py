"""Large objects in an S3-triggered function: stream, refuse, copy, presign.

``index_archive`` handles the upload of a zip archive of any size: it reads
the archive's table of contents through ``open_object`` (ranged GETs, so a
5 GB archive costs a few megabytes of memory), writes the index next to it,
copies the archive to cold storage (a multipart copy above 5 GB, metadata and
tags kept), and returns a download link that lives one day.
``read_manifest`` reads a small JSON manifest whole, refusing one too large
for memory before reading it. ``upload_form`` hands a browser a presigned PUT
that can store only a PDF with the metadata chosen here.

Run it (needs ``pip install 's3types[server]'``) to see it work on a local S3:

    python examples/operations_large.py
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from s3types.ops import (
    PresignedRequest,
    copy_object,
    get_object,
    open_object,
    presign_get,
    presign_put,
    put_object,
)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types import S3EventRecord

INDEX_PREFIX = "indexes/"
MANIFEST_LIMIT = 1024 * 1024  # a manifest larger than this is a mistake, not a manifest


@dataclass(frozen=True)
class IndexedArchive:
    """What ``index_archive`` did with one uploaded archive."""

    members: tuple[str, ...]
    index_key: str
    cold_etag: str
    download: PresignedRequest


def index_archive(client: S3Client, record: S3EventRecord, cold_bucket: str) -> IndexedArchive:
    """List the members of an uploaded zip archive, index them, archive it, link it.

    The index goes under ``indexes/``: configure the notification with a
    suffix filter (``.zip``) so writing it does not trigger the function.
    """
    # --8<-- [start:stream]
    # zipfile seeks to the end for the table of contents: each seek is a
    # ranged GET of the version the event is about, never the whole object.
    with open_object(client, record) as stream, zipfile.ZipFile(stream) as archive:
        members = tuple(archive.namelist())
    # --8<-- [end:stream]

    index_key = f"{INDEX_PREFIX}{record.key}.json"
    put_object(
        client,
        record.bucket_name,
        index_key,
        json.dumps({"archive": record.key, "members": members}),
        content_type="application/json",
    )

    # --8<-- [start:copy]
    # One CopyObject up to 5 GB; above, a managed multipart copy that keeps
    # the metadata, content type and tags, as CopyObject would.
    cold = copy_object(client, record, target_bucket=cold_bucket)
    # --8<-- [end:copy]

    # --8<-- [start:presign-get]
    download = presign_get(
        client,
        record,
        expires_in=timedelta(days=1),
        response_content_disposition='attachment; filename="archive.zip"',
    )
    # --8<-- [end:presign-get]
    return IndexedArchive(members, index_key, cold.etag, download)


def read_manifest(client: S3Client, record: S3EventRecord) -> dict[str, object]:
    """Read a JSON manifest whole; refuse one over 1 MiB before downloading it."""
    # --8<-- [start:max-size]
    # Raises ObjectTooLargeError from the record's size, before any request.
    manifest = get_object(client, record, max_size=MANIFEST_LIMIT)
    # --8<-- [end:max-size]
    parsed: dict[str, object] = json.loads(manifest.body)
    return parsed


def upload_form(client: S3Client, bucket: str, user: str) -> PresignedRequest:
    """A presigned PUT a browser can use, for 15 minutes, to upload one PDF."""
    # --8<-- [start:presign-put]
    upload = presign_put(
        client,
        bucket,
        f"incoming/{user}/scan.pdf",
        content_type="application/pdf",
        metadata={"uploaded-by": user},
        sse="AES256",
        expires_in=15 * 60,
    )
    # The uploader must send upload.headers with the PUT, or S3 answers 403:
    # Content-Type, x-amz-meta-uploaded-by, x-amz-server-side-encryption.
    # --8<-- [end:presign-put]
    return upload


def _demo() -> None:  # pragma: no cover - run by hand
    from s3types import parse_event
    from s3types.testing import make_event
    from s3types.testing._server import LocalS3Server

    with LocalS3Server() as server:
        client = server.s3_client()
        for name in ("uploads", "cold-storage"):
            client.create_bucket(Bucket=name)
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as writer:
            writer.writestr("photos/red flower.jpg", b"\xff\xd8 a jpeg")
            writer.writestr("notes.txt", "hello")
        client.put_object(Bucket="uploads", Key="batch 1.zip", Body=archive.getvalue())
        event = make_event(bucket="uploads", key="batch 1.zip", size=len(archive.getvalue()))
        print(index_archive(client, parse_event(event).records[0], "cold-storage"))
        print(upload_form(client, "uploads", "ada"))


if __name__ == "__main__":
    _demo()
