"""A record from an S3 event names the object: its decoded key and its version id."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from s3types import S3EventError, S3EventRecord, parse_event
from s3types.ops import copy_object, delete_object, get_object, list_objects, put_object
from s3types.testing import make_event, via_sqs

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def record_for(bucket: str, key: str, version_id: str | None = None) -> S3EventRecord:
    """The record Lambda would get through SQS for an upload of ``key``."""
    event = via_sqs(make_event(bucket=bucket, key=key, version_id=version_id))
    [record] = parse_event(event).records
    return record


def test_record_key_is_decoded_once(s3: S3Client, bucket: str) -> None:
    key = "photos/red flower+%2B ä.jpg"
    put_object(s3, bucket, key, b"jpeg")
    record = record_for(bucket, key)
    assert record.raw_key != key  # the wire form is encoded...
    assert get_object(s3, record).body == b"jpeg"  # ...and the decoded key is used


def test_record_version_is_used_unless_overridden(s3: S3Client, versioned_bucket: str) -> None:
    first = put_object(s3, versioned_bucket, "doc.txt", "v1")
    second = put_object(s3, versioned_bucket, "doc.txt", "v2")
    record = record_for(versioned_bucket, "doc.txt", first.version_id)

    assert get_object(s3, record).body == b"v1"
    assert get_object(s3, record, version_id=second.version_id).body == b"v2"

    copy = copy_object(s3, record, target_bucket=versioned_bucket, target_key="copy.txt")
    assert get_object(s3, versioned_bucket, "copy.txt").body == b"v1"
    assert copy.version_id is not None

    removed = delete_object(s3, record)
    assert removed.delete_marker is False
    assert removed.version_id == first.version_id
    assert get_object(s3, versioned_bucket, "doc.txt").version_id == second.version_id


def test_record_without_version(s3: S3Client, bucket: str) -> None:
    put_object(s3, bucket, "in/a b.txt", "x")
    record = record_for(bucket, "in/a b.txt")
    assert record.version_id is None
    copy_object(s3, record, target_bucket=bucket, target_key="out/a b.txt")
    assert delete_object(s3, record).delete_marker is False
    assert [s.key for s in list_objects(s3, bucket)] == ["out/a b.txt"]


def test_a_record_never_reaches_the_ops_with_a_name_no_bucket_has() -> None:
    # The model refuses it when the event is parsed, before any operation sees it.
    with pytest.raises(S3EventError, match=r"s3\.bucket\.name: not a bucket name"):
        record_for("not a bucket!", "k")


def test_record_with_a_key_or_positional_target_is_a_type_error(s3: S3Client, bucket: str) -> None:
    record = record_for(bucket, "k")
    with pytest.raises(TypeError, match="got a record and a key"):
        get_object(s3, record, "k")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="got a record and a key"):
        copy_object(s3, record, "other-bucket")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="needs target_bucket"):
        copy_object(s3, record)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="takes a bucket name \\(str\\) and a key, or an S3Event"):
        delete_object(s3, 42)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="needs a key after the bucket name"):
        get_object(s3, bucket)  # type: ignore[call-overload]
