"""presign_put and presign_get: typed options, signed headers, SigV4's expiry bounds.

The URLs are used with urllib over plain HTTP, as an uploader without boto3
would. moto's server checks no presigned signature (last test), so they go
through a gate that recomputes each signature with botocore's signer and
refuses what S3 refuses (conftest.py ``presigned_s3``); accepted requests
reach moto, which stores the object.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from s3types import parse_event
from s3types.ops import MAX_EXPIRY, PresignedRequest, presign_get, presign_put
from s3types.testing import make_event

if TYPE_CHECKING:
    from collections.abc import Mapping

    from mypy_boto3_s3 import S3Client

BODY = b"%PDF-1.7 a small scan"


def send(request: PresignedRequest, headers: Mapping[str, str], body: bytes | None = None) -> int:
    """The HTTP status S3 (behind the gate) answers ``request`` sent with ``headers``."""
    http_request = urllib.request.Request(
        request.url, data=body, headers=dict(headers), method=request.method
    )
    try:
        with urllib.request.urlopen(http_request, timeout=30) as answer:
            status: int = answer.status
            return status
    except urllib.error.HTTPError as error:
        return error.code


def full_put(client: S3Client, bucket: str) -> PresignedRequest:
    return presign_put(
        client,
        bucket,
        "uploads/scan.pdf",
        content_type="application/pdf",
        metadata={"uploaded-by": "form"},
        tags={"stage": "incoming"},
        sse="AES256",
        acl="bucket-owner-full-control",
        expires_in=900,
    )


def test_presigned_put_with_its_headers_is_stored_as_declared(
    presigned_s3: S3Client, s3: S3Client, bucket: str
) -> None:
    request = full_put(presigned_s3, bucket)
    assert request.method == "PUT"
    assert dict(request.headers) == {
        "Content-Type": "application/pdf",
        "x-amz-meta-uploaded-by": "form",
        "x-amz-tagging": "stage=incoming",
        "x-amz-server-side-encryption": "AES256",
        "x-amz-acl": "bucket-owner-full-control",
    }
    signed = parse_qs(urlsplit(request.url).query)["X-Amz-SignedHeaders"][0].split(";")
    assert sorted(signed) == sorted(["host", *(name.lower() for name in request.headers)])
    assert send(request, request.headers, BODY) == 200
    head = s3.head_object(Bucket=bucket, Key="uploads/scan.pdf")
    assert head["ContentType"] == "application/pdf"
    assert head["Metadata"] == {"uploaded-by": "form"}
    assert head["ServerSideEncryption"] == "AES256"
    tags = s3.get_object_tagging(Bucket=bucket, Key="uploads/scan.pdf")["TagSet"]
    assert tags == [{"Key": "stage", "Value": "incoming"}]


def test_presigned_put_without_its_headers_is_refused(
    presigned_s3: S3Client, s3: S3Client, bucket: str
) -> None:
    request = full_put(presigned_s3, bucket)
    assert send(request, {}, BODY) == 403
    for left_out in request.headers:
        fewer = {name: value for name, value in request.headers.items() if name != left_out}
        assert send(request, fewer, BODY) == 403, left_out
    assert send(request, {**request.headers, "x-amz-acl": "public-read"}, BODY) == 403
    assert send(request, {**request.headers, "x-amz-meta-extra": "1"}, BODY) == 403
    assert "Contents" not in s3.list_objects_v2(Bucket=bucket)  # nothing was stored


def test_an_expired_url_is_refused(presigned_s3: S3Client, bucket: str) -> None:
    request = presign_put(presigned_s3, bucket, "late", expires_in=1)
    assert request.expires_at <= datetime.now(timezone.utc) + timedelta(seconds=1)
    time.sleep(2.1)
    assert send(request, request.headers, b"late") == 403


def test_presigned_get_serves_the_records_version(
    presigned_s3: S3Client, s3: S3Client, versioned_bucket: str
) -> None:
    first = s3.put_object(Bucket=versioned_bucket, Key="doc.txt", Body=b"first")["VersionId"]
    s3.put_object(Bucket=versioned_bucket, Key="doc.txt", Body=b"second")
    event = make_event(bucket=versioned_bucket, key="doc.txt", version_id=first, size=5)
    request = presign_get(
        presigned_s3,
        parse_event(event).records[0],
        expires_in=timedelta(minutes=5),
        response_content_disposition='attachment; filename="doc.txt"',
    )
    assert (request.method, dict(request.headers)) == ("GET", {})
    with urllib.request.urlopen(request.url, timeout=30) as answer:
        assert answer.read() == b"first"
        assert answer.headers["Content-Disposition"] == 'attachment; filename="doc.txt"'
    tampered = request.url.replace("doc.txt?", "doc.txt?x=1&")
    with pytest.raises(urllib.error.HTTPError, match="403"):
        urllib.request.urlopen(tampered, timeout=30)


@pytest.mark.parametrize(
    "expires_in", [0, -5, 604801, timedelta(days=7, seconds=1), timedelta(milliseconds=1500)]
)
def test_expiry_is_bounded_as_sigv4_bounds_it(
    s3: S3Client, bucket: str, expires_in: int | timedelta
) -> None:
    with pytest.raises(ValueError, match="1 second to 7 days"):
        presign_put(s3, bucket, "k", expires_in=expires_in)
    with pytest.raises(ValueError, match="1 second to 7 days"):
        presign_get(s3, bucket, "k", expires_in=expires_in)


def test_the_longest_expiry_is_seven_days(s3: S3Client, bucket: str) -> None:
    request = presign_get(s3, bucket, "k", expires_in=MAX_EXPIRY)
    assert parse_qs(urlsplit(request.url).query)["X-Amz-Expires"] == ["604800"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"acl": "public"}, "acl='public' is not a canned ACL"),
        ({"sse": "AES-256"}, "sse='AES-256' is not a server-side encryption"),
        ({"kms_key_id": "alias/k"}, "kms_key_id is given but sse=None"),
        ({"metadata": {"x-amz-meta-a": "b"}}, "leave out the 'x-amz-meta-' prefix"),
        ({"tags": {"aws:owner": "me"}}, "reserved"),
        ({"expires_in": "3600"}, "expires_in must be seconds"),
    ],
)
def test_options_are_checked_before_signing(
    s3: S3Client, bucket: str, options: dict[str, object], message: str
) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        presign_put(s3, bucket, "k", **options)  # type: ignore[arg-type]


def test_moto_alone_does_not_check_presigned_put_headers(s3: S3Client, bucket: str) -> None:
    # Why the gate exists: moto 5 accepts a presigned PUT sent without the
    # headers it was signed with (it checks query-string signatures not at
    # all). If this starts failing, moto checks them and the gate can go.
    request = full_put(s3, bucket)
    assert send(request, {}, BODY) == 200


def test_urls_are_sigv4_and_the_client_is_left_as_it_was(s3: S3Client, bucket: str) -> None:
    # In us-east-1 botocore presigns with SigV2 unless told otherwise (it
    # registers a choose-signer handler for that); presign_* sign with SigV4
    # and leave the client's own presigning alone.
    ours = presign_get(s3, bucket, "k")
    assert parse_qs(urlsplit(ours.url).query)["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    theirs = s3.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k"})
    assert "AWSAccessKeyId=" in theirs
    assert "X-Amz-Algorithm" not in theirs
