"""examples/streaming_pipeline.py on the local S3 server: what it writes, and what it skips.

Its memory at scale is measured in test_ops_writer_memory.py.
"""

from __future__ import annotations

import gzip
from typing import TYPE_CHECKING

from examples.streaming_pipeline import make_handler
from s3types.testing import LocalLambdaContext, make_event, via_sqs

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

EXPORT = b"time,method,path,status\r\n1,GET,/a,200\r\n2,GET,/b,503\r\n3,PUT,/c,500\r\n"
KEY = "exports/day.csv.gz"


def put_export(s3: S3Client, bucket: str, body: bytes) -> tuple[str, str | None]:
    answer = s3.put_object(Bucket=bucket, Key=KEY, Body=gzip.compress(body))
    return answer["ETag"].strip('"'), answer.get("VersionId")


def output_of(s3: S3Client, bucket: str) -> bytes | None:
    listed = s3.list_objects_v2(Bucket=bucket, Prefix="errors/").get("Contents", [])
    if not listed:
        return None
    body = s3.get_object(Bucket=bucket, Key="errors/" + KEY)["Body"].read()
    return gzip.decompress(body)


def test_it_keeps_the_server_errors_and_names_its_source(s3: S3Client, bucket: str) -> None:
    etag, _ = put_export(s3, bucket, EXPORT)
    handler = make_handler(s3)
    # A direct notification: no partial batch response (that is for SQS only).
    assert handler(make_event(bucket=bucket, key=KEY, etag=etag), LocalLambdaContext()) is None
    assert output_of(s3, bucket) == b"time,method,path,status\r\n2,GET,/b,503\r\n3,PUT,/c,500\r\n"
    head = s3.head_object(Bucket=bucket, Key="errors/" + KEY)
    assert head["Metadata"] == {"source-etag": etag}
    assert head["ContentType"] == "text/csv"


def test_a_late_event_for_an_overwritten_export_writes_nothing(s3: S3Client, bucket: str) -> None:
    stale, _ = put_export(s3, bucket, EXPORT)
    put_export(s3, bucket, EXPORT + b"4,GET,/d,502\r\n")
    make_handler(s3)(make_event(bucket=bucket, key=KEY, etag=stale), LocalLambdaContext())
    assert output_of(s3, bucket) is None


def test_a_late_event_in_a_versioned_bucket_writes_nothing(
    s3: S3Client, versioned_bucket: str
) -> None:
    # The same bytes again: the ETag is the same, the version is not.
    etag, first = put_export(s3, versioned_bucket, EXPORT)
    put_export(s3, versioned_bucket, EXPORT)
    event = make_event(bucket=versioned_bucket, key=KEY, etag=etag, version_id=first)
    make_handler(s3)(event, LocalLambdaContext())
    assert output_of(s3, versioned_bucket) is None


def test_a_burst_in_one_batch_runs_once_for_the_last_upload(
    s3: S3Client, versioned_bucket: str
) -> None:
    first, first_version = put_export(s3, versioned_bucket, b"time,status\r\n1,500\r\n")
    last, last_version = put_export(s3, versioned_bucket, EXPORT)
    upload = make_event(
        bucket=versioned_bucket, key=KEY, etag=last, version_id=last_version, sequencer="02"
    )
    late = make_event(
        bucket=versioned_bucket, key=KEY, etag=first, version_id=first_version, sequencer="01"
    )
    batch = via_sqs(upload, late, upload)  # the last upload delivered twice
    assert make_handler(s3)(batch, LocalLambdaContext()) == {"batchItemFailures": []}
    assert output_of(s3, versioned_bucket) == (
        b"time,method,path,status\r\n2,GET,/b,503\r\n3,PUT,/c,500\r\n"
    )
    # One run: one version of the output, though the upload came twice.
    versions = s3.list_object_versions(Bucket=versioned_bucket, Prefix="errors/")["Versions"]
    assert len(versions) == 1
