"""Large objects: multipart put_object and copy_object on moto's server, small thresholds.

moto keeps S3's 5 MiB minimum part size, so the objects here are 12-20 MiB
and the thresholds 5 MiB: the multipart paths run as they would above 8 MiB
(uploads) and 5 GiB (copies).
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
from typing import TYPE_CHECKING, Any

import pytest

from s3types import parse_event
from s3types.ops import PutResult, copy_object, get_object, head_object, put_object
from s3types.testing import make_event

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from mypy_boto3_s3 import S3Client

MIB = 1024 * 1024
THRESHOLD = 5 * MIB
BODY = os.urandom(12 * MIB + 12345)
TAGS = {"team": "data/ml", "note": "1+1=2 für alle"}
METADATA = {"author": "ada", "source-file": "scan 1.tif"}


@pytest.fixture
def operations(s3: S3Client) -> list[str]:
    """The names of the S3 operations the client sends from now on."""
    sent: list[str] = []

    def record(model: Any, **_: Any) -> None:
        sent.append(model.name)

    s3.meta.events.register("before-call.s3", record)
    return sent


def tags_of(s3: S3Client, bucket: str, key: str, version_id: str | None = None) -> dict[str, str]:
    if version_id is None:
        tag_set = s3.get_object_tagging(Bucket=bucket, Key=key)["TagSet"]
    else:
        tag_set = s3.get_object_tagging(Bucket=bucket, Key=key, VersionId=version_id)["TagSet"]
    return {tag["Key"]: tag["Value"] for tag in tag_set}


def test_multipart_put_keeps_metadata_tags_content_type_sse_and_acl(
    s3: S3Client, versioned_bucket: str, operations: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "video.mp4"
    path.write_bytes(BODY)
    with path.open("rb") as file:
        put = put_object(
            s3,
            versioned_bucket,
            "videos/big.mp4",
            file,
            tags=TAGS,
            metadata=METADATA,
            content_type="video/mp4",
            sse="AES256",
            acl="public-read",
            multipart_threshold=THRESHOLD,
        )
    assert "CreateMultipartUpload" in operations
    assert operations.count("UploadPart") == 3
    assert "PutObject" not in operations
    head = s3.head_object(Bucket=versioned_bucket, Key="videos/big.mp4")
    assert put == PutResult(etag=head["ETag"].strip('"'), version_id=head["VersionId"])
    assert put.etag.endswith("-3")  # S3's multipart ETag: parts counted
    assert head["ContentType"] == "video/mp4"
    assert head["Metadata"] == METADATA
    assert head["ServerSideEncryption"] == "AES256"
    assert head["ContentLength"] == len(BODY)
    assert tags_of(s3, versioned_bucket, "videos/big.mp4") == TAGS
    grants = s3.get_object_acl(Bucket=versioned_bucket, Key="videos/big.mp4")["Grants"]
    assert any(g.get("Grantee", {}).get("URI", "").endswith("/AllUsers") for g in grants)
    assert hashlib.sha256(get_object(s3, versioned_bucket, "videos/big.mp4").body).digest() == (
        hashlib.sha256(BODY).digest()
    )


def test_the_version_id_is_the_uploads_own_not_a_later_writers(
    s3: S3Client, versioned_bucket: str
) -> None:
    first = put_object(s3, versioned_bucket, "k", io.BytesIO(BODY), multipart_threshold=THRESHOLD)
    s3.put_object(Bucket=versioned_bucket, Key="k", Body=b"someone else")
    listed = s3.list_object_versions(Bucket=versioned_bucket, Prefix="k")["Versions"]
    ours = next(v for v in listed if v.get("VersionId") == first.version_id)
    assert ours.get("Size") == len(BODY)
    assert ours.get("ETag", "").strip('"') == first.etag


def test_small_files_stay_one_put(s3: S3Client, bucket: str, operations: list[str]) -> None:
    put = put_object(s3, bucket, "small", io.BytesIO(b"x" * 1000), multipart_threshold=THRESHOLD)
    assert operations == ["PutObject"]
    assert put.etag == hashlib.md5(b"x" * 1000).hexdigest()


def test_a_file_is_sent_from_its_position(s3: S3Client, bucket: str) -> None:
    file = io.BytesIO(b"header" + BODY)
    file.seek(6)
    put_object(s3, bucket, "k", file, multipart_threshold=THRESHOLD)
    assert get_object(s3, bucket, "k").body == BODY


class ReadOnly:
    """A body with read() and nothing else, as some HTTP and decompression streams are."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def read(self, size: int = -1) -> bytes:
        return self._data.read(size)


@pytest.mark.parametrize("size", [100, 12 * MIB], ids=["small", "multipart"])
def test_a_body_with_only_read_is_uploaded(s3: S3Client, bucket: str, size: int) -> None:
    put = put_object(s3, bucket, "k", ReadOnly(BODY[:size]), multipart_threshold=THRESHOLD)
    assert get_object(s3, bucket, "k").body == BODY[:size]
    assert put.etag == head_object(s3, bucket, "k").etag


@pytest.fixture
def pipe() -> Iterator[io.BufferedReader]:
    """The reading end of a pipe another thread writes BODY into."""
    read_fd, write_fd = os.pipe()

    def write() -> None:
        with os.fdopen(write_fd, "wb") as writer:
            writer.write(BODY)

    writer = threading.Thread(target=write)
    writer.start()
    with os.fdopen(read_fd, "rb") as reader:
        yield reader
    writer.join()


def test_a_pipe_is_uploaded(s3: S3Client, bucket: str, pipe: io.BufferedReader) -> None:
    put = put_object(s3, bucket, "from-a-pipe", pipe, multipart_threshold=THRESHOLD)
    assert get_object(s3, bucket, "from-a-pipe").body == BODY
    assert put.etag.endswith("-3")


def test_a_text_mode_file_says_to_open_it_in_binary_mode(
    s3: S3Client, bucket: str, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with (tmp_path / "notes.txt").open() as text, pytest.raises(TypeError) as info:
        put_object(s3, bucket, "k", text)  # type: ignore[arg-type]
    assert "text-mode file (TextIOWrapper)" in str(info.value)
    assert "open the file in binary mode ('rb')" in str(info.value)


def test_a_file_open_for_writing_says_so(s3: S3Client, bucket: str, tmp_path: Path) -> None:
    with (tmp_path / "out.bin").open("wb") as out, pytest.raises(TypeError, match="not open for"):
        put_object(s3, bucket, "k", out)


@pytest.mark.parametrize("threshold", [0, 5 * MIB - 1, 1.5, True])
def test_the_threshold_is_at_least_one_part(s3: S3Client, bucket: str, threshold: object) -> None:
    with pytest.raises(ValueError, match="at least 5242880"):
        put_object(s3, bucket, "k", b"", multipart_threshold=threshold)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 5242880"):
        copy_object(s3, bucket, "k", bucket, target_key="k2", multipart_threshold=threshold)  # type: ignore[call-overload]


@pytest.fixture
def large_source(s3: S3Client, versioned_bucket: str) -> tuple[str, str]:
    """A 12 MiB object with metadata, content type and tags, and a newer version of it."""
    first = s3.put_object(
        Bucket=versioned_bucket,
        Key="in/big.bin",
        Body=BODY,
        ContentType="application/x-big",
        ContentDisposition='attachment; filename="big.bin"',
        CacheControl="max-age=60",
        Metadata=METADATA,
        Tagging="team=data%2Fml&stage=raw",
    )["VersionId"]
    s3.put_object(Bucket=versioned_bucket, Key="in/big.bin", Body=b"newer", Tagging="stage=new")
    return versioned_bucket, first


def test_multipart_copy_keeps_metadata_content_type_and_tags(
    s3: S3Client, large_source: tuple[str, str], bucket: str, operations: list[str]
) -> None:
    source_bucket, first = large_source
    copied = copy_object(
        s3,
        source_bucket,
        "in/big.bin",
        bucket,
        target_key="out/big.bin",
        version_id=first,
        multipart_threshold=THRESHOLD,
    )
    assert "UploadPartCopy" in operations
    assert "CopyObject" not in operations
    assert "PutObjectTagging" not in operations  # tagged at creation, never untagged
    head = s3.head_object(Bucket=bucket, Key="out/big.bin")
    assert head["ContentType"] == "application/x-big"
    assert head["ContentDisposition"] == 'attachment; filename="big.bin"'
    assert head["CacheControl"] == "max-age=60"
    assert head["Metadata"] == METADATA
    assert tags_of(s3, bucket, "out/big.bin") == {"team": "data/ml", "stage": "raw"}
    assert copied.etag == head["ETag"].strip('"')
    assert get_object(s3, bucket, "out/big.bin").body == BODY  # the version asked for


def test_multipart_copy_matches_what_copy_object_carries(
    s3: S3Client, large_source: tuple[str, str], bucket: str
) -> None:
    source_bucket, first = large_source
    copy_object(s3, source_bucket, "in/big.bin", bucket, target_key="one", version_id=first)
    copy_object(
        s3,
        source_bucket,
        "in/big.bin",
        bucket,
        target_key="parts",
        version_id=first,
        multipart_threshold=THRESHOLD,
    )
    one, parts = (s3.head_object(Bucket=bucket, Key=k) for k in ("one", "parts"))
    carried = ("ContentType", "ContentDisposition", "CacheControl", "Metadata", "ContentLength")
    assert {f: one.get(f) for f in carried} == {f: parts.get(f) for f in carried}
    assert one.get("ServerSideEncryption") == parts.get("ServerSideEncryption")
    assert tags_of(s3, bucket, "one") == tags_of(s3, bucket, "parts")


def test_a_record_copies_its_version_in_parts(
    s3: S3Client, large_source: tuple[str, str], versioned_bucket: str
) -> None:
    source_bucket, first = large_source
    event = make_event(bucket=source_bucket, key="in/big.bin", version_id=first, size=len(BODY))
    record = parse_event(event).records[0]
    copied = copy_object(
        s3, record, target_bucket=versioned_bucket, target_key="copy", multipart_threshold=THRESHOLD
    )
    assert copied.version_id is not None
    assert get_object(s3, versioned_bucket, "copy", version_id=copied.version_id).body == BODY
    assert tags_of(s3, versioned_bucket, "copy", copied.version_id) == {
        "team": "data/ml",
        "stage": "raw",
    }


def test_a_small_record_is_copied_in_one_request_without_a_head(
    s3: S3Client, bucket: str, operations: list[str]
) -> None:
    s3.put_object(Bucket=bucket, Key="small", Body=b"hello")
    operations.clear()
    record = parse_event(make_event(bucket=bucket, key="small", size=5)).records[0]
    copy_object(s3, record, target_bucket=bucket, target_key="small-copy")
    assert operations == ["CopyObject"]


def test_large_bytes_go_in_parts_with_the_kms_key(
    s3: S3Client, bucket: str, operations: list[str]
) -> None:
    put = put_object(
        s3,
        bucket,
        "big.bin",
        BODY,
        sse="aws:kms",
        kms_key_id="alias/reports",
        multipart_threshold=THRESHOLD,
    )
    assert operations.count("UploadPart") == 3
    head = s3.head_object(Bucket=bucket, Key="big.bin")
    assert head["ServerSideEncryption"] == "aws:kms"
    assert head["SSEKMSKeyId"].endswith("alias/reports")
    assert put.etag == head["ETag"].strip('"')
