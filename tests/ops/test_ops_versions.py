"""Versioned buckets: version ids, delete markers, old versions, copying a given version."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from botocore.exceptions import ClientError

from s3types.ops import (
    DeleteResult,
    copy_object,
    delete_object,
    get_object,
    list_objects,
    put_object,
)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def test_each_put_gets_its_own_version(s3: S3Client, versioned_bucket: str) -> None:
    first = put_object(s3, versioned_bucket, "doc.txt", "v1")
    second = put_object(s3, versioned_bucket, "doc.txt", "v2")
    assert first.version_id is not None
    assert second.version_id is not None
    assert first.version_id != second.version_id

    latest = get_object(s3, versioned_bucket, "doc.txt")
    assert (latest.body, latest.version_id) == (b"v2", second.version_id)
    old = get_object(s3, versioned_bucket, "doc.txt", version_id=first.version_id)
    assert (old.body, old.version_id) == (b"v1", first.version_id)


def test_delete_adds_a_marker_and_deleting_the_marker_restores(
    s3: S3Client, versioned_bucket: str
) -> None:
    put = put_object(s3, versioned_bucket, "doc.txt", "kept")
    marker = delete_object(s3, versioned_bucket, "doc.txt")
    assert marker.delete_marker is True
    assert marker.version_id is not None
    assert marker.version_id != put.version_id
    with pytest.raises(ClientError) as info:
        get_object(s3, versioned_bucket, "doc.txt")
    assert info.value.response.get("Error", {}).get("Code") == "NoSuchKey"
    assert list(list_objects(s3, versioned_bucket)) == []
    # The old version is still there, by id.
    assert get_object(s3, versioned_bucket, "doc.txt", version_id=put.version_id).body == b"kept"

    removed = delete_object(s3, versioned_bucket, "doc.txt", version_id=marker.version_id)
    # Whether S3 flags this answer as a delete marker varies (AWS's reference
    # says yes; moto, following what its authors saw on AWS, leaves it out).
    assert removed.version_id == marker.version_id
    assert get_object(s3, versioned_bucket, "doc.txt").body == b"kept"


def test_deleting_a_version_removes_it_for_good(s3: S3Client, versioned_bucket: str) -> None:
    first = put_object(s3, versioned_bucket, "doc.txt", "v1")
    second = put_object(s3, versioned_bucket, "doc.txt", "v2")
    assert second.version_id is not None
    removed = delete_object(s3, versioned_bucket, "doc.txt", version_id=second.version_id)
    assert removed == DeleteResult(delete_marker=False, version_id=second.version_id)
    current = get_object(s3, versioned_bucket, "doc.txt")
    assert (current.body, current.version_id) == (b"v1", first.version_id)


def test_copy_a_given_version(s3: S3Client, versioned_bucket: str, bucket: str) -> None:
    first = put_object(s3, versioned_bucket, "doc.txt", "v1", metadata={"rev": "1"})
    put_object(s3, versioned_bucket, "doc.txt", "v2", metadata={"rev": "2"})

    into_plain = copy_object(
        s3, versioned_bucket, "doc.txt", bucket, target_key="old.txt", version_id=first.version_id
    )
    assert into_plain.version_id is None  # the target bucket is not versioned
    old = get_object(s3, bucket, "old.txt")
    assert (old.body, dict(old.metadata), old.etag) == (b"v1", {"rev": "1"}, into_plain.etag)

    # Restoring an old version onto the same key is a copy S3 allows.
    restored = copy_object(
        s3, versioned_bucket, "doc.txt", versioned_bucket, version_id=first.version_id
    )
    assert restored.version_id not in (None, first.version_id)
    assert get_object(s3, versioned_bucket, "doc.txt").body == b"v1"


def test_unversioned_bucket_has_no_version_ids(s3: S3Client, bucket: str) -> None:
    assert put_object(s3, bucket, "a", b"x").version_id is None
    assert get_object(s3, bucket, "a").version_id is None
    assert copy_object(s3, bucket, "a", bucket, target_key="b").version_id is None
    assert delete_object(s3, bucket, "a") == DeleteResult(delete_marker=False, version_id=None)


def test_null_version_id_from_s3_becomes_none(s3: S3Client, versioned_bucket: str) -> None:
    # AWS answers "null" as the version id of objects written while versioning
    # is suspended; moto leaves the header out, so put it into the parsed
    # responses the way botocore would read it from AWS.
    def answer_null(parsed: dict[str, Any], **_: Any) -> None:
        parsed["VersionId"] = "null"

    s3.meta.events.register("after-call.s3.*", answer_null)
    s3.put_bucket_versioning(
        Bucket=versioned_bucket, VersioningConfiguration={"Status": "Suspended"}
    )
    assert put_object(s3, versioned_bucket, "a", b"x").version_id is None
    assert get_object(s3, versioned_bucket, "a").version_id is None
    assert (
        copy_object(s3, versioned_bucket, "a", versioned_bucket, target_key="b").version_id is None
    )
    assert delete_object(s3, versioned_bucket, "a").version_id is None
