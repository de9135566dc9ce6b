"""open_object: a seekable binary stream over ranged GETs, on moto's S3 server."""

from __future__ import annotations

import csv
import io
import time
import zipfile
from typing import TYPE_CHECKING, Any

import pytest
from botocore.exceptions import ClientError

from s3types import parse_event
from s3types.ops import ObjectStream, open_object
from s3types.testing import make_event

if TYPE_CHECKING:
    from collections.abc import Callable

    from mypy_boto3_s3 import S3Client

LINES = b"".join(b"line %d of the log\n" % n for n in range(2000))


def ranges_sent(client: S3Client) -> list[str]:
    """Record the Range header of every GetObject the client sends from now on."""
    sent: list[str] = []

    def record(request: Any, **_: Any) -> None:
        if request.method == "GET":
            sent.append(request.headers.get("Range", b"").decode() or "whole")

    client.meta.events.register("before-send.s3.GetObject", record)
    return sent


def test_read_lines_and_chunks(s3: S3Client, bucket: str) -> None:
    s3.put_object(Bucket=bucket, Key="app.log", Body=LINES, ContentType="text/plain")
    with open_object(s3, bucket, "app.log") as stream:
        assert isinstance(stream, ObjectStream)
        assert stream.length == stream.head.size == len(LINES)
        assert stream.head.content_type == "text/plain"
        assert stream.read(5) == b"line "
        assert stream.readline() == b"0 of the log\n"
        assert next(iter(stream)) == b"line 1 of the log\n"
        rest = list(stream)
        assert rest[-1] == b"line 1999 of the log\n"
        assert len(rest) == 1998
    with open_object(s3, bucket, "app.log") as stream:
        chunks = list(stream.iter_chunks(4096))
    assert b"".join(chunks) == LINES
    assert {len(c) for c in chunks[:-1]} == {4096}
    assert stream.closed
    with pytest.raises(ValueError, match="closed"):
        stream.read(1)


def test_zipfile_reads_a_real_zip_through_ranged_gets(s3: S3Client, bucket: str) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as writer:
        writer.writestr("photos/red flower.jpg", bytes(range(256)) * 4000)
        writer.writestr("notes.txt", "hello from inside the zip")
    s3.put_object(Bucket=bucket, Key="archive.zip", Body=archive.getvalue())
    sent = ranges_sent(s3)
    with open_object(s3, bucket, "archive.zip") as stream, zipfile.ZipFile(stream) as reader:
        assert reader.namelist() == ["photos/red flower.jpg", "notes.txt"]
        assert reader.read("notes.txt") == b"hello from inside the zip"
        assert reader.read("photos/red flower.jpg") == bytes(range(256)) * 4000
        assert reader.testzip() is None
    assert sent[0] == "whole"  # opening sends one GET for the whole object...
    assert len(sent) > 1  # ...and seeks send ranged GETs for the rest
    assert all(r.startswith("bytes=") for r in sent[1:])


def test_seek_and_tell_like_a_file(s3: S3Client, bucket: str) -> None:
    body = bytes(range(256)) * 100
    s3.put_object(Bucket=bucket, Key="blob", Body=body)
    with open_object(s3, bucket, "blob") as stream:
        assert stream.seekable()
        assert stream.seek(-10, io.SEEK_END) == len(body) - 10
        assert stream.read() == body[-10:]
        assert stream.read() == b""
        stream.seek(1000)
        assert stream.tell() == 1000
        assert stream.read(3) == body[1000:1003]
        stream.seek(5, io.SEEK_CUR)
        assert stream.read(2) == body[1008:1010]
        stream.seek(len(body) + 50)  # past the end: reads nothing, sends nothing
        assert stream.read(10) == b""


def test_range_is_a_window_on_the_object(s3: S3Client, bucket: str) -> None:
    body = b"0123456789abcdefghij"
    s3.put_object(Bucket=bucket, Key="r", Body=body)
    with open_object(s3, bucket, "r", range=(5, 15)) as stream:
        assert stream.length == 10
        assert stream.head.size == len(body)  # the whole object's size
        assert stream.read(3) == b"567"
        stream.seek(0)
        assert stream.read() == body[5:15]
        assert stream.seek(0, io.SEEK_END) == 10
    with open_object(s3, bucket, "r", range=(15, None)) as stream:
        assert stream.read() == body[15:]


@pytest.mark.parametrize(
    ("range_", "message"),
    [((-1, 5), "start must be an int of 0 or more"), ((5, 5), "stop must be an int above start")],
)
def test_bad_ranges_fail_before_sending(
    s3: S3Client, bucket: str, range_: tuple[int, int], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        open_object(s3, bucket, "never-sent", range=range_)


def test_a_stream_stays_on_the_version_it_opened(s3: S3Client, versioned_bucket: str) -> None:
    first = b"first" + bytes(range(256)) * 1000  # larger than the stream's buffer
    s3.put_object(Bucket=versioned_bucket, Key="doc", Body=first)
    with open_object(s3, versioned_bucket, "doc") as stream:
        assert stream.read(5) == b"first"
        s3.put_object(Bucket=versioned_bucket, Key="doc", Body=b"second version")
        stream.seek(200_000)  # a new ranged GET, pinned to the version first read
        assert stream.read() == first[200_000:]
        stream.seek(0)
        assert stream.read(5) == b"first"


def test_an_unversioned_object_overwritten_mid_stream_fails_the_next_get(
    s3: S3Client, bucket: str
) -> None:
    # Larger than the stream's buffer, so the seek below needs a new GET.
    s3.put_object(Bucket=bucket, Key="doc", Body=b"first" + bytes(300_000))
    with open_object(s3, bucket, "doc") as stream:
        assert stream.read(5) == b"first"
        s3.put_object(Bucket=bucket, Key="doc", Body=b"second" + bytes(300_000))
        stream.seek(200_000)
        with pytest.raises(ClientError, match="PreconditionFailed"):
            stream.read()  # IfMatch with the first ETag: never a mix of two versions


def test_a_record_opens_its_decoded_key(s3: S3Client, bucket: str) -> None:
    s3.put_object(Bucket=bucket, Key="red flower+1.jpg", Body=b"jpeg")
    record = parse_event(make_event(bucket=bucket, key="red flower+1.jpg")).records[0]
    with open_object(s3, record) as stream:
        assert stream.read() == b"jpeg"


def test_leaving_the_block_closes_the_connection_without_downloading_the_rest(
    proxied_s3: tuple[S3Client, Callable[[], int]], bucket: str, s3: S3Client
) -> None:
    through_proxy, received = proxied_s3
    size = 40 * 1024 * 1024
    s3.put_object(Bucket=bucket, Key="big", Body=bytes(size))
    with open_object(through_proxy, bucket, "big") as stream:
        assert len(stream.read(1024)) == 1024
    time.sleep(0.5)  # anything still coming would reach the proxy's count by now
    received_when_closed = received()
    assert received_when_closed < size // 4, received_when_closed
    print(f"open_object: read 1 KiB of {size} bytes, {received_when_closed} bytes received")


def test_a_missing_object_fails_at_open(s3: S3Client, bucket: str) -> None:
    with pytest.raises(ClientError, match="NoSuchKey"):
        open_object(s3, bucket, "missing")


def test_text_and_csv_read_through_a_text_wrapper(s3: S3Client, bucket: str) -> None:
    s3.put_object(Bucket=bucket, Key="rows.csv", Body="name,city\nAda,Zürich\n".encode())
    with open_object(s3, bucket, "rows.csv") as stream:
        rows = list(csv.reader(io.TextIOWrapper(stream, encoding="utf-8", newline="")))
    assert rows == [["name", "city"], ["Ada", "Zürich"]]
