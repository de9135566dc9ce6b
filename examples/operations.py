"""The six typed S3 operations in a function that handles one upload.

``archive_upload`` reads the uploaded object, writes a derived object next
to it, lists what has been derived so far, copies the upload to an archive
bucket, deletes it, and reports the bucket's region. mypy --strict checks
every call; bad bucket names, keys, tags or metadata fail before any request.

Run it (needs ``pip install 's3types[server]'``) to see it work on a local S3:

    python examples/operations.py
"""

from __future__ import annotations

# --8<-- [start:imports]
from dataclasses import dataclass
from typing import TYPE_CHECKING

from s3types.ops import (
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
# --8<-- [end:imports]

DERIVED_PREFIX = "derived/"


@dataclass(frozen=True)
class ArchivedUpload:
    """What ``archive_upload`` did with one uploaded object."""

    key: str
    words: int
    derived_key: str
    derived_so_far: tuple[str, ...]
    archive_etag: str
    archive_version_id: str | None
    region: str


# --8<-- [start:archive]
def archive_upload(client: S3Client, record: S3EventRecord, archive_bucket: str) -> ArchivedUpload:
    """Summarize an uploaded text file, archive it, and remove it from the upload bucket.

    The summary goes under ``derived/``: configure the bucket notification
    with a prefix filter that leaves it out, or this function triggers itself.
    """
    upload = get_object(client, record)  # the decoded key, the version the event is about
    words = len(upload.body.decode("utf-8", errors="replace").split())

    derived_key = f"{DERIVED_PREFIX}{record.key}.summary.txt"
    put_object(
        client,
        record.bucket_name,
        derived_key,
        f"{words} words\n",
        content_type="text/plain; charset=utf-8",
        tags={"kind": "summary"},
        metadata={"source-etag": upload.etag},
        sse="AES256",
    )
    derived = list_objects(client, record.bucket_name, prefix=DERIVED_PREFIX, max_results=100)

    archived = copy_object(client, record, target_bucket=archive_bucket)
    delete_object(client, record)  # exactly the version that was archived
    return ArchivedUpload(
        key=record.key,
        words=words,
        derived_key=derived_key,
        derived_so_far=tuple(summary.key for summary in derived),
        archive_etag=archived.etag,
        archive_version_id=archived.version_id,
        region=get_bucket_location(client, record.bucket_name),
    )


# --8<-- [end:archive]


def main() -> None:
    """Run ``archive_upload`` on a local S3 server, for an upload with a hard key."""
    from s3types import parse_event
    from s3types.testing import LocalS3Server, make_event

    with LocalS3Server() as server:
        client = server.s3_client()
        client.create_bucket(Bucket="uploads")
        client.create_bucket(Bucket="uploads-archive")
        key = "inbox/report for Q1 + Q2 (ä).txt"
        client.put_object(Bucket="uploads", Key=key, Body=b"three little words")
        [record] = parse_event(make_event(bucket="uploads", key=key)).records
        print(archive_upload(client, record, "uploads-archive"))


if __name__ == "__main__":
    main()
