"""mypy and pyright checks of ``create_object``: the writer's type, its uses, misuse both reject.

Never run. Each expected error is a ``# type: ignore[code]`` on its line:
mypy reports one that suppresses nothing (``warn_unused_ignores``) and so
does pyright (``reportUnnecessaryTypeIgnoreComment``, set below).
"""

# pyright: strict, reportUnnecessaryTypeIgnoreComment=error
from __future__ import annotations

import csv
import gzip
import io
import shutil
import zipfile
from typing import IO, TYPE_CHECKING, BinaryIO

from typing_extensions import assert_type

from s3types.ops import ObjectWriter, PutResult, WriterChecksumAlgorithm, create_object

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def writer_types(client: S3Client, source: IO[bytes]) -> None:
    writer = create_object(client, "b-1", "k")
    assert_type(writer, ObjectWriter)
    with create_object(
        client,
        "b-1",
        "k",
        tags={"a": "b"},
        metadata={"c": "d"},
        sse="aws:kms",
        kms_key_id="alias/k",
        acl="bucket-owner-full-control",
        content_type="text/csv",
        checksum_algorithm="SHA256",
        part_size=16 * 2**20,
        expected_size=10**9,
        max_concurrency=4,
        allow_retrigger=True,
    ) as opened:
        assert_type(opened, ObjectWriter)
        assert_type(opened.write(b"bytes"), int)
        assert_type(opened.write(bytearray(b"x")), int)
        assert_type(opened.write(memoryview(b"x")), int)
        opened.writelines([b"a", b"b"])
        assert_type(opened.tell(), int)
        assert_type(opened.name, str)
    assert_type(opened.result, PutResult)
    assert_type(opened.result.checksum, str | None)
    opened.abort()
    # What it is the file object of.
    binary: BinaryIO = writer
    del binary
    with gzip.GzipFile(fileobj=writer, mode="wb") as compressed:
        compressed.write(b"x")
    with io.TextIOWrapper(writer, encoding="utf-8", newline="") as text:
        csv.writer(text).writerow(["a", 1])
    with zipfile.ZipFile(writer, mode="w") as archive:
        archive.writestr("a.txt", "a")
    shutil.copyfileobj(source, writer)
    algorithm: WriterChecksumAlgorithm = "CRC32"
    del algorithm


def writer_misuse(client: S3Client, writer: ObjectWriter) -> None:
    # A checksum the writer does not compute; options of the wrong type.
    create_object(client, "b-1", "k", checksum_algorithm="MD5")  # type: ignore[arg-type]
    create_object(client, "b-1", "k", acl="public")  # type: ignore[arg-type]
    create_object(client, "b-1", "k", tags={"n": 1})  # type: ignore[dict-item]
    create_object(client, "b-1", "k", part_size="8MB")  # type: ignore[arg-type]
    # Options are keyword-only; there is no body to pass.
    create_object(client, "b-1", "k", b"body")  # type: ignore[call-arg, arg-type]
    # Text is not bytes.
    writer.write("text")  # type: ignore[arg-type]
    # The result is S3's answer, frozen.
    writer.result.etag = "x"  # type: ignore[misc]
