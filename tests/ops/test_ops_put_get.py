"""put_object and get_object against moto's S3 server, read back with plain boto3 calls."""

from __future__ import annotations

import dataclasses
import hashlib
import io
from datetime import datetime
from typing import TYPE_CHECKING

import boto3
import pytest

from s3types.ops import ObjectContent, PutResult, get_object, put_object

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types.testing._server import LocalS3Server

ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"\x00\xffbinary", b"\x00\xffbinary"),
        ("grüße 😀", "grüße 😀".encode()),
        (io.BytesIO(b"from a file"), b"from a file"),
        (b"", b""),
    ],
    ids=["bytes", "str-as-utf8", "binary-file", "empty"],
)
def test_body_kinds_round_trip(
    s3: S3Client, bucket: str, body: bytes | str | io.BytesIO, expected: bytes
) -> None:
    put = put_object(s3, bucket, "body", body)
    content = get_object(s3, bucket, "body")
    assert content.body == expected
    assert content.size == len(expected)
    assert put.etag == content.etag == hashlib.md5(expected).hexdigest()  # unquoted


def test_results_are_typed_frozen_and_unversioned(s3: S3Client, bucket: str) -> None:
    put = put_object(s3, bucket, "a.txt", "hello", content_type="text/plain")
    assert put == PutResult(etag="5d41402abc4b2a76b9719d911017c592", version_id=None)
    content = get_object(s3, bucket, "a.txt")
    assert isinstance(content, ObjectContent)
    assert content.content_type == "text/plain"
    assert content.version_id is None
    assert isinstance(content.last_modified, datetime)
    assert content.last_modified.tzinfo is not None
    assert "hello" not in repr(content)  # the body is left out of the repr
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.etag = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        content.metadata["x"] = "y"  # type: ignore[index]
    assert not hasattr(put, "__dict__")  # slots


def test_content_type_defaults_to_what_s3_stores(s3: S3Client, bucket: str) -> None:
    put_object(s3, bucket, "raw", b"...")
    assert get_object(s3, bucket, "raw").content_type == s3.head_object(
        Bucket=bucket, Key="raw"
    ).get("ContentType", "binary/octet-stream")


# Every character S3 allows in tags that an encoding could get wrong ("+" read
# as a space, "=" or "/" left raw, UTF-8 of non-ASCII letters), and the limits.
HARD_TAGS = {
    "space key": "a value with  spaces ",
    "plus+": "1+1=2",
    "equals=": "a=b=c",
    "path/to:x@y": "s3://bucket/key_1.txt",
    "größe": "Ärger für Ωmega 東京 ٣",
    "empty": "",
    "-_.:/=+@": "-_.:/=+@",
    "k" * 128: "v" * 256,
    "ten": "10",
    " ": " ",
}


def test_tags_round_trip_through_get_object_tagging(s3: S3Client, bucket: str) -> None:
    put_object(s3, bucket, "tagged", b"x", tags=HARD_TAGS)
    tag_set = s3.get_object_tagging(Bucket=bucket, Key="tagged")["TagSet"]
    assert {tag["Key"]: tag["Value"] for tag in tag_set} == HARD_TAGS


def test_metadata_round_trips_through_head_object_and_get_object(s3: S3Client, bucket: str) -> None:
    metadata = {"author": "Ada Lovelace", "source_file": "scan 1.tif", "n": "42"}
    put_object(s3, bucket, "meta", b"x", metadata=metadata)
    assert s3.head_object(Bucket=bucket, Key="meta")["Metadata"] == metadata
    assert dict(get_object(s3, bucket, "meta").metadata) == metadata


def test_sse_aes256(s3: S3Client, bucket: str) -> None:
    put_object(s3, bucket, "aes", b"secret", sse="AES256")
    assert s3.head_object(Bucket=bucket, Key="aes")["ServerSideEncryption"] == "AES256"


def test_sse_kms_with_key_id(s3_server: LocalS3Server, s3: S3Client, bucket: str) -> None:
    kms = boto3.client(
        "kms",
        endpoint_url=s3_server.endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    try:
        key_id = kms.create_key(Description="s3types test")["KeyMetadata"]["KeyId"]
    finally:
        kms.close()
    put_object(s3, bucket, "kms", b"secret", sse="aws:kms", kms_key_id=key_id)
    head = s3.head_object(Bucket=bucket, Key="kms")
    assert head["ServerSideEncryption"] == "aws:kms"
    assert key_id in head["SSEKMSKeyId"]  # S3 may report the key's ARN
    assert get_object(s3, bucket, "kms").body == b"secret"


def test_canned_acl(s3: S3Client, bucket: str) -> None:
    put_object(s3, bucket, "private", b"x")
    put_object(s3, bucket, "public", b"x", acl="public-read")

    def all_users_permissions(key: str) -> set[str]:
        grants = s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
        return {
            grant.get("Permission", "")
            for grant in grants
            if grant.get("Grantee", {}).get("URI") == ALL_USERS
        }

    assert all_users_permissions("public") == {"READ"}
    assert all_users_permissions("private") == set()


def test_missing_object_is_botocores_client_error(s3: S3Client, bucket: str) -> None:
    with pytest.raises(s3.exceptions.NoSuchKey):
        get_object(s3, bucket, "not-there")
