"""Keys that break naive URL handling survive put, get, list, copy and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from s3types.ops import copy_object, delete_object, get_object, list_objects, put_object

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

HARD_KEYS = [
    "red flower.jpg",
    "a+b.txt",
    "100%.txt",
    "%2B already-encoded %20.txt",
    "k=v&x=y.txt",
    "time:12:00.txt",
    "user@example.com",
    "$HOME.txt",
    "  leading and trailing spaces  ",
    "ä/ö/ü/größe.txt",
    "東京/地図.png",
    "emoji 😀🎉.txt",
    "deeply/nested/path/to/the/object.txt",
    "double//slash.txt",
    "question?mark#hash.txt",
    "tilde~quote'(paren)*star!.txt",
    "semi;comma,bracket[]{}.txt",
    "k/" + "x" * 1022,  # exactly 1024 bytes
    "ä" * 512,  # exactly 1024 bytes, 512 characters
]


@pytest.mark.parametrize("key", HARD_KEYS, ids=range(len(HARD_KEYS)))
def test_hard_key_round_trip(s3: S3Client, bucket: str, key: str) -> None:
    body = key.encode()
    put = put_object(s3, bucket, key, body)
    assert get_object(s3, bucket, key).body == body

    [listed] = list(list_objects(s3, bucket))
    assert (listed.key, listed.etag) == (key, put.etag)
    assert [s.key for s in list_objects(s3, bucket, prefix=key)] == [key]

    target_key = key + ".copy" if len(key.encode()) <= 1019 else "copy"
    copy = copy_object(s3, bucket, key, bucket, target_key=target_key)
    assert copy.etag == put.etag
    assert {s.key for s in list_objects(s3, bucket)} == {key, target_key}
    assert get_object(s3, bucket, target_key).body == body

    delete_object(s3, bucket, key)
    assert key not in {s.key for s in list_objects(s3, bucket)}


def test_hard_keys_copy_across_buckets_under_the_same_key(
    s3: S3Client, bucket: str, versioned_bucket: str
) -> None:
    for key in HARD_KEYS:
        put_object(s3, bucket, key, key.encode())
        copy = copy_object(s3, bucket, key, versioned_bucket)
        content = get_object(s3, versioned_bucket, key)
        assert (content.body, content.version_id) == (key.encode(), copy.version_id)
    assert sorted(s.key for s in list_objects(s3, versioned_bucket)) == sorted(HARD_KEYS)
