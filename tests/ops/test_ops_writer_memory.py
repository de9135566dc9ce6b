"""Memory: create_object, and the streaming pipeline example, in bounded memory.

The S3 server runs in another process, so tracemalloc counts only what this
process (the function) allocates. The bound is three parts (8 MiB each on
the growing schedule's first step): the part being filled, and room for
what gzip, csv and botocore hold besides.

CI runs them on objects of a few parts (``SIZE_MIB``); ``nox -s stress`` (or
``S3TYPES_STRESS=1``) at the sizes the documentation quotes: 300 MiB written
through gzip, a 200 MiB gzipped CSV filtered into another.
"""

from __future__ import annotations

import base64
import csv
import gzip
import hashlib
import io
import os
import time
import tracemalloc
from typing import TYPE_CHECKING

from examples.streaming_pipeline import is_server_error, make_handler
from s3types.ops import create_object, open_object
from s3types.ops._parts import DEFAULT_PART_SIZE
from s3types.testing import LocalLambdaContext, make_event

if TYPE_CHECKING:
    from collections.abc import Iterator

    from mypy_boto3_s3 import S3Client

MIB = 1024 * 1024
STRESS = os.environ.get("S3TYPES_STRESS") == "1"
WRITE_MIB = 300 if STRESS else 40
PIPELINE_MIB = 200 if STRESS else 20
PEAK_LIMIT = 3 * DEFAULT_PART_SIZE
BLOCK = os.urandom(MIB)


def chunks(mib: int) -> Iterator[bytes]:
    """``mib`` MiB that gzip cannot shrink, made a MiB at a time (never held whole)."""
    for number in range(mib):
        shift = number % len(BLOCK)
        yield BLOCK[shift:] + BLOCK[:shift]


def test_writing_through_gzip_peaks_under_three_parts(far_s3: S3Client) -> None:
    far_s3.create_bucket(Bucket="memory-writer")
    written = hashlib.sha256()
    started = time.perf_counter()
    tracemalloc.start()
    try:
        with (
            create_object(far_s3, "memory-writer", "big.gz") as writer,
            gzip.GzipFile(fileobj=writer, mode="wb", compresslevel=1) as compressed,
        ):
            for chunk in chunks(WRITE_MIB):
                compressed.write(chunk)
                written.update(chunk)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    seconds = time.perf_counter() - started
    parts = int(writer.result.etag.rsplit("-", 1)[1])
    assert parts == -(-writer.tell() // DEFAULT_PART_SIZE) > 1
    read = hashlib.sha256()
    with (
        open_object(far_s3, "memory-writer", "big.gz") as stream,
        gzip.GzipFile(fileobj=stream) as decompressed,
    ):
        while chunk := decompressed.read(MIB):
            read.update(chunk)
    assert read.hexdigest() == written.hexdigest()
    print(
        f"create_object: {WRITE_MIB} MiB through gzip, {writer.tell() / MIB:.0f} MiB in"
        f" {parts} parts, {seconds:.1f} s, peak traced allocations {peak / MIB:.2f} MiB"
    )
    assert peak < PEAK_LIMIT, peak


def write_export(client: S3Client, key: str, mib: int) -> tuple[str, int, str]:
    """A gzipped CSV of request logs of about ``mib`` MiB, written with create_object.

    Returns its ETag, the number of 5xx rows, and the SHA-256 of the CSV
    that keeps only those (what the pipeline must write).
    """
    kept = 0
    expected = hashlib.sha256()
    header = "time,method,path,status,bytes\r\n"
    expected.update(header.encode())
    with (
        create_object(client, "memory-pipeline", key) as writer,
        gzip.GzipFile(fileobj=writer, mode="wb", compresslevel=1) as compressed,
    ):
        compressed.write(header.encode())
        number = 0
        while writer.tell() < mib * MIB:
            # Long rows (a path with a query string), half of them server errors.
            tokens = base64.b64encode(os.urandom(288 * 100)).decode()
            rows = io.StringIO()
            for start in range(0, len(tokens), 384):
                number += 1
                status = "503" if number % 2 else "200"
                path = f"/items/{number}?q={tokens[start : start + 384]}"
                row = f"{number},GET,{path},{status},{number % 9999}\r\n"
                rows.write(row)
                if status == "503":
                    kept += 1
                    expected.update(row.encode())
            compressed.write(rows.getvalue().encode())
    return writer.result.etag, kept, expected.hexdigest()


def test_the_pipeline_example_filters_a_gzipped_csv_under_three_parts(far_s3: S3Client) -> None:
    far_s3.create_bucket(Bucket="memory-pipeline")
    key = "exports/requests.csv.gz"
    etag, kept, expected = write_export(far_s3, key, PIPELINE_MIB)
    handler = make_handler(far_s3)
    event = make_event(bucket="memory-pipeline", key=key, etag=etag)
    started = time.perf_counter()
    tracemalloc.start()
    try:
        assert handler(event, LocalLambdaContext()) is None  # direct: no batch response
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    seconds = time.perf_counter() - started
    read = hashlib.sha256()
    rows = 0
    with (
        open_object(far_s3, "memory-pipeline", "errors/" + key) as stream,
        gzip.GzipFile(fileobj=stream) as decompressed,
        io.TextIOWrapper(decompressed, encoding="utf-8", newline="") as text,
    ):
        for row in csv.DictReader(text):
            assert is_server_error(row)
            rows += 1
    with (
        open_object(far_s3, "memory-pipeline", "errors/" + key) as stream,
        gzip.GzipFile(fileobj=stream) as decompressed,
    ):
        while chunk := decompressed.read(MIB):
            read.update(chunk)
    assert rows == kept > 0
    assert read.hexdigest() == expected
    size = far_s3.head_object(Bucket="memory-pipeline", Key=key)["ContentLength"]
    output = far_s3.head_object(Bucket="memory-pipeline", Key="errors/" + key)
    parts = output["ETag"].strip('"').partition("-")[2]
    assert int(parts) > 1  # the output is a multipart upload too
    print(
        f"pipeline: {size / MIB:.0f} MiB gzipped CSV, {rows} rows kept into"
        f" {output['ContentLength'] / MIB:.0f} MiB in {parts} parts, {seconds:.1f} s,"
        f" peak traced allocations {peak / MIB:.2f} MiB"
    )
    assert peak < PEAK_LIMIT, peak
