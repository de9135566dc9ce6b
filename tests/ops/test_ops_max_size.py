"""get_object(max_size=...) refuses a large object before reading its body."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import pytest

from s3types import parse_event
from s3types.ops import ObjectTooLargeError, get_object
from s3types.testing import make_event

if TYPE_CHECKING:
    from collections.abc import Callable

    from mypy_boto3_s3 import S3Client

SIZE = 40 * 1024 * 1024


def test_too_large_by_content_length_is_refused_without_downloading_it(
    proxied_s3: tuple[S3Client, Callable[[], int]], s3: S3Client, bucket: str
) -> None:
    through_proxy, received = proxied_s3
    s3.put_object(Bucket=bucket, Key="video.mp4", Body=bytes(SIZE))
    with pytest.raises(ObjectTooLargeError, match="open_object") as info:
        get_object(through_proxy, bucket, "video.mp4", max_size=1024 * 1024)
    time.sleep(0.5)  # anything still coming would reach the proxy's count by now
    assert (info.value.size, info.value.max_size) == (SIZE, 1024 * 1024)
    assert "from the Content-Length S3 sent" in str(info.value)
    assert received() < SIZE // 4, received()
    print(f"get_object(max_size=1 MiB) on {SIZE} bytes: {received()} bytes received")


def test_too_large_by_the_record_is_refused_before_any_request(s3: S3Client, bucket: str) -> None:
    sent: list[str] = []

    def record_request(request: Any, **_: Any) -> None:
        sent.append(request.url)

    s3.meta.events.register("before-send", record_request)
    event = make_event(bucket=bucket, key="video.mp4", size=7_000_000_000)
    record = parse_event(event).records[0]
    with pytest.raises(ObjectTooLargeError, match="7000000000 bytes \\(from the record\\)"):
        get_object(s3, record, max_size=100_000_000)
    assert sent == []


def test_a_record_for_another_version_does_not_decide_the_size(
    s3: S3Client, versioned_bucket: str
) -> None:
    small = s3.put_object(Bucket=versioned_bucket, Key="k", Body=b"small")
    event = make_event(bucket=versioned_bucket, key="k", size=10**9, version_id="big-one")
    record = parse_event(event).records[0]
    content = get_object(s3, record, version_id=small["VersionId"], max_size=10)
    assert content.body == b"small"


def test_at_or_under_the_limit_is_read(s3: S3Client, bucket: str) -> None:
    s3.put_object(Bucket=bucket, Key="k", Body=b"0123456789")
    assert get_object(s3, bucket, "k", max_size=10).body == b"0123456789"
    with pytest.raises(ObjectTooLargeError):
        get_object(s3, bucket, "k", max_size=9)


@pytest.mark.parametrize("max_size", [-1, 1.5, True, "10"])
def test_max_size_must_be_a_byte_count(s3: S3Client, bucket: str, max_size: object) -> None:
    with pytest.raises(ValueError, match=r"max_size=.*give a number of bytes"):
        get_object(s3, bucket, "k", max_size=max_size)  # type: ignore[call-overload]


def test_without_a_content_length_the_limit_still_holds(s3: S3Client, bucket: str) -> None:
    # Some S3-compatible stores stream answers without Content-Length; the
    # body is then read only up to one byte past the limit.
    def drop_content_length(parsed: dict[str, object], **_: Any) -> None:
        parsed.pop("ContentLength", None)

    s3.meta.events.register("after-call.s3.GetObject", drop_content_length)
    s3.put_object(Bucket=bucket, Key="k", Body=b"0123456789")
    with pytest.raises(ObjectTooLargeError, match="is at least 5 bytes \\(from the bytes read\\)"):
        get_object(s3, bucket, "k", max_size=4)
    assert get_object(s3, bucket, "k", max_size=10).body == b"0123456789"
