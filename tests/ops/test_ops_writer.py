"""create_object on the local S3 server: what it stores, and that a failure stores nothing."""

from __future__ import annotations

import base64
import csv
import gc
import hashlib
import io
import os
import shutil
import zipfile
import zlib
from typing import TYPE_CHECKING, Any

import pytest
from botocore.exceptions import ClientError

from s3types.ops import ObjectWriter, PutResult, create_object, open_object

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mypy_boto3_s3 import S3Client

MIB = 1024 * 1024
PART = 5 * MIB  # S3's smallest part: the fewest bytes that make a multipart upload
DATA = os.urandom(2 * PART + 1234)  # three parts of PART


def crc32(data: bytes) -> bytes:
    return zlib.crc32(data).to_bytes(4, "big")


def composite(parts: list[bytes], algorithm: str = "CRC32") -> str:
    """AWS's composite checksum, written out: base64(checksum(concatenated part checksums))-N."""
    if algorithm == "CRC32":
        raw = [crc32(part) for part in parts]
        whole = crc32(b"".join(raw))
    else:
        raw = [hashlib.sha256(part).digest() for part in parts]
        whole = hashlib.sha256(b"".join(raw)).digest()
    return f"{base64.b64encode(whole).decode()}-{len(parts)}"


def uploads_left(s3: S3Client, bucket: str) -> list[str]:
    return [
        upload.get("Key", "")
        for upload in s3.list_multipart_uploads(Bucket=bucket).get("Uploads", [])
    ]


def keys_in(s3: S3Client, bucket: str) -> list[str]:
    return [entry.get("Key", "") for entry in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]


def read_back(s3: S3Client, bucket: str, key: str) -> bytes:
    return s3.get_object(Bucket=bucket, Key=key)["Body"].read()


def test_a_small_object_is_one_put_object_with_every_option(s3: S3Client, bucket: str) -> None:
    with create_object(
        s3,
        bucket,
        "notes/today.txt",
        tags={"team": "data/ml", "kind": "a b"},
        metadata={"author": "ada"},
        sse="AES256",
        content_type="text/plain; charset=utf-8",
        acl="private",
    ) as writer:
        assert writer.write(b"hello ") == 6
        writer.writelines([b"wor", bytearray(b"ld"), memoryview(b"!")])
        assert writer.tell() == 12
    result = writer.result
    assert result == PutResult(
        etag=hashlib.md5(b"hello world!").hexdigest(),
        version_id=None,
        checksum=base64.b64encode(crc32(b"hello world!")).decode(),
    )
    head = s3.head_object(Bucket=bucket, Key="notes/today.txt")
    assert head["ContentType"] == "text/plain; charset=utf-8"
    assert head["Metadata"] == {"author": "ada"}
    assert head.get("ServerSideEncryption") == "AES256"
    tags = s3.get_object_tagging(Bucket=bucket, Key="notes/today.txt")["TagSet"]
    assert sorted((tag["Key"], tag["Value"]) for tag in tags) == [
        ("kind", "a b"),
        ("team", "data/ml"),
    ]
    assert writer.closed
    assert uploads_left(s3, bucket) == []


@pytest.mark.parametrize("algorithm", ["CRC32", "SHA256"])
def test_a_large_object_is_a_multipart_upload_with_its_composite_checksum(
    s3: S3Client, bucket: str, algorithm: Any
) -> None:
    with create_object(
        s3,
        bucket,
        "big.bin",
        metadata={"author": "ada"},
        tags={"team": "data"},
        content_type="application/octet-stream",
        part_size=PART,
        checksum_algorithm=algorithm,
    ) as writer:
        for start in range(0, len(DATA), 100_000):  # writes that straddle parts
            writer.write(DATA[start : start + 100_000])
    parts = [DATA[:PART], DATA[PART : 2 * PART], DATA[2 * PART :]]
    assert writer.result.etag.endswith("-3")
    assert writer.result.checksum == composite(parts, algorithm)
    assert read_back(s3, bucket, "big.bin") == DATA
    head = s3.head_object(Bucket=bucket, Key="big.bin")
    assert head["Metadata"] == {"author": "ada"}
    assert head["ContentType"] == "application/octet-stream"
    assert s3.get_object_tagging(Bucket=bucket, Key="big.bin")["TagSet"] == [
        {"Key": "team", "Value": "data"}
    ]
    # moto 5.2.6 computes the composite checksum as AWS does, but answers it
    # without the part count in HeadObject and GetObjectAttributes, and not
    # at all in CompleteMultipartUpload (AWS: "...-3" in both answers).
    stored = s3.get_object_attributes(Bucket=bucket, Key="big.bin", ObjectAttributes=["Checksum"])
    checksum = stored.get("Checksum", {})
    assert checksum.get("ChecksumType") == "COMPOSITE"
    assert f"{checksum.get(f'Checksum{algorithm}')}-3" == writer.result.checksum
    assert uploads_left(s3, bucket) == []


def test_every_part_carries_its_checksum(s3: S3Client, bucket: str) -> None:
    # moto 5.2.6 stores whatever part checksum it is sent (AWS refuses a wrong
    # one with BadDigest), so what is sent is checked here, on the wire.
    sent: dict[int, str] = {}

    def record(request: Any, **_: Any) -> None:
        number = int(request.url.rsplit("partNumber=", 1)[1].split("&")[0])
        sent[number] = request.headers["x-amz-checksum-sha256"].decode()

    s3.meta.events.register("before-send.s3.UploadPart", record)
    with create_object(
        s3, bucket, "checked.bin", part_size=PART, checksum_algorithm="SHA256"
    ) as writer:
        writer.write(DATA)
    parts = [DATA[:PART], DATA[PART : 2 * PART], DATA[2 * PART :]]
    assert sent == {
        number: base64.b64encode(hashlib.sha256(part).digest()).decode()
        for number, part in enumerate(parts, 1)
    }


def test_an_object_of_exactly_one_part_is_one_put_object(s3: S3Client, bucket: str) -> None:
    with create_object(s3, bucket, "one-part.bin", part_size=PART) as writer:
        writer.write(DATA[:PART])
    assert "-" not in writer.result.etag
    assert read_back(s3, bucket, "one-part.bin") == DATA[:PART]


def test_nothing_written_stores_an_empty_object(s3: S3Client, bucket: str) -> None:
    with create_object(s3, bucket, "empty") as writer:
        pass
    assert writer.result.checksum == "AAAAAA=="  # CRC32 of no bytes
    assert read_back(s3, bucket, "empty") == b""


@pytest.mark.parametrize("max_concurrency", [1, 3])
def test_an_exception_in_the_block_after_parts_leaves_nothing(
    s3: S3Client, bucket: str, max_concurrency: int
) -> None:
    with (  # noqa: PT012 - the failure is the block's
        pytest.raises(RuntimeError, match="the source broke"),
        create_object(
            s3, bucket, "half.bin", part_size=PART, max_concurrency=max_concurrency
        ) as writer,
    ):
        writer.write(DATA)  # two parts sent (the third is still being filled)
        assert writer.tell() == len(DATA)
        raise RuntimeError("the source broke")
    assert uploads_left(s3, bucket) == []
    assert keys_in(s3, bucket) == []
    with pytest.raises(RuntimeError, match="has no result: the writer was aborted"):
        _ = writer.result


@pytest.fixture
def refuse_part_3(s3: S3Client) -> Iterator[None]:
    """Make S3 itself refuse the third UploadPart: it is sent with part number 10,001."""

    def renumber(params: dict[str, Any], **_: Any) -> None:
        if params.get("PartNumber") == 3:
            params["PartNumber"] = 10_001  # S3 answers 400 InvalidArgument

    s3.meta.events.register("provide-client-params.s3.UploadPart", renumber)
    yield
    s3.meta.events.unregister("provide-client-params.s3.UploadPart", renumber)


@pytest.mark.parametrize("max_concurrency", [1, 2])
@pytest.mark.usefixtures("refuse_part_3")
def test_a_part_the_server_refuses_aborts_the_upload(
    s3: S3Client, bucket: str, max_concurrency: int
) -> None:
    with (  # noqa: PT012
        pytest.raises(ClientError, match="UploadPart") as raised,
        create_object(
            s3, bucket, "refused.bin", part_size=PART, max_concurrency=max_concurrency
        ) as writer,
    ):
        writer.write(DATA * 2)  # six parts; the third is refused
        writer.write(b"more")
    assert raised.value.response["Error"]["Code"] == "InvalidArgument"
    assert uploads_left(s3, bucket) == []
    assert keys_in(s3, bucket) == []
    assert writer.closed


class ConnectionLost(Exception):
    """What a network failure on the way to S3 raises in the test below."""


def test_a_part_lost_on_the_way_aborts_the_upload(s3: S3Client, bucket: str) -> None:
    sent: list[str] = []

    def lose_the_second(request: Any, **_: Any) -> None:
        sent.append(request.url)
        if "partNumber=2" in request.url:
            raise ConnectionLost("connection reset by peer")

    s3.meta.events.register("before-send.s3.UploadPart", lose_the_second)
    writer = create_object(s3, bucket, "lost.bin", part_size=PART)
    writer.write(DATA[:PART])
    with pytest.raises(ConnectionLost):
        writer.write(DATA[PART:])  # part 1 sent, then part 2 lost
    assert writer.closed
    assert len(sent) == 2
    assert uploads_left(s3, bucket) == []
    with pytest.raises(ValueError, match="write to a closed ObjectWriter"):
        writer.write(b"more")
    writer.close()  # what a wrapper's close does next: nothing
    assert keys_in(s3, bucket) == []


def test_a_text_wrapper_that_closes_the_writer_on_an_exception_aborts(
    s3: S3Client, bucket: str
) -> None:
    with (  # noqa: PT012
        pytest.raises(KeyError),
        create_object(s3, bucket, "rows.csv", part_size=PART) as writer,
        io.TextIOWrapper(writer, encoding="utf-8", newline="") as text,
    ):
        rows = csv.writer(text)
        for number in range(400_000):  # about 6 MiB: a part is sent
            rows.writerow([number, "a row of the export"])
        raise KeyError("status")
    # The wrapper closed the writer first, while the KeyError unwound.
    assert uploads_left(s3, bucket) == []
    assert keys_in(s3, bucket) == []


def test_a_text_wrapper_and_csv_writer_store_the_rows(s3: S3Client, bucket: str) -> None:
    try:
        raise LookupError("handled before the writer is opened")
    except LookupError:
        # An exception being handled when the writer opens is not one to abort on.
        with (
            create_object(s3, bucket, "rows.csv", content_type="text/csv") as writer,
            io.TextIOWrapper(writer, encoding="utf-8", newline="") as text,
        ):
            csv.writer(text).writerows([["key", "size"], ["red flower.jpg", 3]])
    assert read_back(s3, bucket, "rows.csv") == b"key,size\r\nred flower.jpg,3\r\n"


def test_zipfile_streams_members_into_the_writer(s3: S3Client, bucket: str) -> None:
    members = {f"part-{n}.bin": os.urandom(3 * MIB) for n in range(3)}
    with (
        create_object(s3, bucket, "bundle.zip", part_size=PART) as writer,
        zipfile.ZipFile(writer, mode="w") as archive,
    ):
        for name, content in members.items():
            with archive.open(name, mode="w") as member:  # streamed: sizes in a data descriptor
                member.write(content)
    assert writer.result.etag.endswith("-2")
    with open_object(s3, bucket, "bundle.zip") as stream, zipfile.ZipFile(stream) as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == members


def test_shutil_copyfileobj_into_the_writer(s3: S3Client, bucket: str) -> None:
    with create_object(s3, bucket, "copy.bin", part_size=PART, max_concurrency=2) as writer:
        shutil.copyfileobj(io.BytesIO(DATA), writer, length=MIB)
    assert read_back(s3, bucket, "copy.bin") == DATA
    assert writer.result.etag.endswith("-3")


def test_abort_discards_on_purpose(s3: S3Client, bucket: str) -> None:
    writer = create_object(s3, bucket, "draft.bin", part_size=PART)
    writer.write(DATA)
    assert uploads_left(s3, bucket) == ["draft.bin"]
    writer.abort()
    writer.abort()  # once is enough; again does nothing
    assert uploads_left(s3, bucket) == []
    assert "aborted" in repr(writer)


def test_a_writer_dropped_unclosed_is_aborted_not_completed(s3: S3Client, bucket: str) -> None:
    writer = create_object(s3, bucket, "dropped.bin", part_size=PART)
    writer.write(DATA)
    assert uploads_left(s3, bucket) == ["dropped.bin"]
    del writer
    gc.collect()
    assert uploads_left(s3, bucket) == []
    assert keys_in(s3, bucket) == []


def test_growing_past_the_last_part_aborts(
    s3: S3Client, bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # S3's 10,000 parts, as 2 here: the writer must stop before sending part 3.
    monkeypatch.setattr("s3types.ops._writer.MAX_PARTS", 2)
    writer = create_object(s3, bucket, "too-big.bin", part_size=PART)
    with pytest.raises(ValueError, match=r"has outgrown S3's 2 parts .* pass an expected_size"):
        writer.write(DATA + b"x" * PART)
    assert uploads_left(s3, bucket) == []
    assert keys_in(s3, bucket) == []


def test_result_before_close_says_so(s3: S3Client, bucket: str) -> None:
    with create_object(s3, bucket, "k") as writer:
        with pytest.raises(RuntimeError, match="is still open: close it first"):
            _ = writer.result
        assert (writer.writable(), writer.readable(), writer.seekable()) == (True, False, False)
        assert (writer.name, writer.mode) == (f"s3://{bucket}/k", "wb")
        with pytest.raises(io.UnsupportedOperation):
            writer.seek(0)
    assert isinstance(writer, ObjectWriter)
    assert repr(writer) == f"<ObjectWriter s3://{bucket}/k, 0 bytes, 0 parts sent, stored>"
