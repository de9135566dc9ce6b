"""head_object: what S3 keeps about an object, typed, without its body."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import TYPE_CHECKING

import pytest
from botocore.exceptions import ClientError

from s3types import parse_event
from s3types.ops import ObjectHead, head_object
from s3types.testing import make_event

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def test_head_reports_size_etag_metadata_class_and_encryption(s3: S3Client, bucket: str) -> None:
    s3.put_object(
        Bucket=bucket,
        Key="report.csv",
        Body=b"a,b\n1,2\n",
        ContentType="text/csv",
        Metadata={"author": "ada"},
        StorageClass="STANDARD_IA",
        ServerSideEncryption="AES256",
    )
    head = head_object(s3, bucket, "report.csv")
    assert isinstance(head, ObjectHead)
    assert (head.size, head.content_type, head.storage_class) == (8, "text/csv", "STANDARD_IA")
    assert head.etag == hashlib.md5(b"a,b\n1,2\n").hexdigest()
    assert dict(head.metadata) == {"author": "ada"}
    assert head.sse == "AES256"
    assert head.version_id is None
    assert head.last_modified.tzinfo is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        head.size = 0  # type: ignore[misc]


def test_head_of_a_record_names_its_version(s3: S3Client, versioned_bucket: str) -> None:
    first = s3.put_object(Bucket=versioned_bucket, Key="k", Body=b"one")["VersionId"]
    s3.put_object(Bucket=versioned_bucket, Key="k", Body=b"three")
    event = make_event(bucket=versioned_bucket, key="k", version_id=first, size=3)
    head = head_object(s3, parse_event(event).records[0])
    assert (head.version_id, head.size) == (first, 3)
    assert head.storage_class == "STANDARD"


def test_head_of_a_missing_object_is_a_404(s3: S3Client, bucket: str) -> None:
    with pytest.raises(ClientError, match="404"):
        head_object(s3, bucket, "missing")
