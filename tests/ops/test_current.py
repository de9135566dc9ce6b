"""``get_current_object`` on moto's server: the content when unchanged, None when not."""

from __future__ import annotations

import doctest
from typing import TYPE_CHECKING, Any

import pytest
from botocore.exceptions import ClientError

import s3types.ops
import s3types.ops._current
from s3types import S3EventRecord, parse_event
from s3types.ops import get_current_object, get_object
from s3types.testing import make_event, via_eventbridge

if TYPE_CHECKING:
    from collections.abc import Callable

    from mypy_boto3_s3 import S3Client

KEY = "incoming/red flower+1 (ä).txt"


def uploaded(s3: S3Client, bucket: str, body: bytes, key: str = KEY) -> S3EventRecord:
    """Write an object and return the record S3 would notify for that write."""
    response = s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType="text/plain")
    event = make_event(
        bucket=bucket,
        key=key,
        size=len(body),
        etag=response["ETag"].strip('"'),
        version_id=response.get("VersionId"),
    )
    return parse_event(event).records[0]


def get_object_calls(s3: S3Client) -> list[dict[str, Any]]:
    """The parameters of every S3 call the client makes from now on, as botocore sends them."""
    calls: list[dict[str, Any]] = []

    def remember(params: dict[str, Any], model: Any, **_: Any) -> None:
        calls.append({"operation": model.name, **params["headers"]})

    s3.meta.events.register("before-call.s3", remember)
    return calls


def test_moto_answers_if_match_with_412(s3: S3Client, bucket: str) -> None:
    """What get_current_object relies on: the server itself refuses a stale ETag."""
    s3.put_object(Bucket=bucket, Key=KEY, Body=b"first")
    with pytest.raises(ClientError) as raised:
        s3.get_object(Bucket=bucket, Key=KEY, IfMatch='"0123456789abcdef0123456789abcdef"')
    assert raised.value.response.get("Error", {}).get("Code") == "PreconditionFailed"
    assert raised.value.response.get("ResponseMetadata", {}).get("HTTPStatusCode") == 412


def test_unchanged_object_gives_what_get_object_gives(s3: S3Client, bucket: str) -> None:
    record = uploaded(s3, bucket, b"hello")

    content = get_current_object(s3, record)

    assert content == get_object(s3, record)
    assert content is not None
    assert content.body == b"hello"
    assert content.content_type == "text/plain"
    assert content.etag == record.etag


def test_overwritten_since_the_event_gives_none(s3: S3Client, bucket: str) -> None:
    record = uploaded(s3, bucket, b"first")
    s3.put_object(Bucket=bucket, Key=KEY, Body=b"second")

    assert get_current_object(s3, record) is None


def test_deleted_since_the_event_gives_none(s3: S3Client, bucket: str) -> None:
    record = uploaded(s3, bucket, b"first")
    s3.delete_object(Bucket=bucket, Key=KEY)

    assert get_current_object(s3, record) is None


def test_versioned_unchanged_gives_the_events_version(s3: S3Client, versioned_bucket: str) -> None:
    record = uploaded(s3, versioned_bucket, b"hello")
    assert record.version_id is not None

    content = get_current_object(s3, record)

    assert content is not None
    assert (content.body, content.version_id) == (b"hello", record.version_id)


def test_versioned_overwritten_gives_none_though_the_version_still_exists(
    s3: S3Client, versioned_bucket: str
) -> None:
    record = uploaded(s3, versioned_bucket, b"first")
    s3.put_object(Bucket=versioned_bucket, Key=KEY, Body=b"second")

    assert get_current_object(s3, record) is None
    assert get_object(s3, record).body == b"first"  # reading that version still works


def test_versioned_overwritten_with_the_same_bytes_gives_none(
    s3: S3Client, versioned_bucket: str
) -> None:
    """The ETag still matches, but it is a new version with its own notification."""
    record = uploaded(s3, versioned_bucket, b"same")
    again = uploaded(s3, versioned_bucket, b"same")
    assert again.etag == record.etag

    assert get_current_object(s3, record) is None
    content = get_current_object(s3, again)
    assert content is not None
    assert content.version_id == again.version_id


def test_versioned_deleted_gives_none_under_a_delete_marker(
    s3: S3Client, versioned_bucket: str
) -> None:
    record = uploaded(s3, versioned_bucket, b"first")
    marker = s3.delete_object(Bucket=versioned_bucket, Key=KEY)
    assert marker.get("DeleteMarker") is True

    assert get_current_object(s3, record) is None


def test_it_is_one_conditional_get_not_a_head_then_a_get(s3: S3Client, bucket: str) -> None:
    record = uploaded(s3, bucket, b"hello")
    calls = get_object_calls(s3)

    get_current_object(s3, record)

    assert [call["operation"] for call in calls] == ["GetObject"]
    assert calls[0]["If-Match"] == f'"{record.etag}"'


def test_an_eventbridge_record_reads_the_same(s3: S3Client, bucket: str) -> None:
    direct = uploaded(s3, bucket, b"hello")
    event = make_event(bucket=bucket, key=KEY, size=5, etag=direct.etag)
    routed = parse_event(via_eventbridge(event)).records[0]

    content = get_current_object(s3, routed)

    assert content is not None
    assert content.body == b"hello"


def test_a_removal_record_is_refused_with_what_to_do(s3: S3Client, bucket: str) -> None:
    removed = parse_event(make_event("ObjectRemoved:Delete", bucket=bucket, key=KEY)).records[0]
    with pytest.raises(ValueError, match=r"ObjectRemoved:Delete.*removal leaves no object"):
        get_current_object(s3, removed)


def test_a_record_without_etag_or_version_is_refused(s3: S3Client, bucket: str) -> None:
    event = make_event("ObjectRestore:Completed", bucket=bucket, key=KEY)
    del event["Records"][0]["s3"]["object"]["eTag"]
    record = parse_event(event).records[0]
    with pytest.raises(ValueError, match=r"neither an ETag nor a version id.*get_object"):
        get_current_object(s3, record)


def test_other_s3_errors_are_raised(s3: S3Client, bucket_name: Callable[[], str]) -> None:
    record = parse_event(make_event(bucket=bucket_name(), key=KEY, etag="0" * 32)).records[0]
    with pytest.raises(ClientError) as raised:
        get_current_object(s3, record)
    assert raised.value.response.get("Error", {}).get("Code") == "NoSuchBucket"


def test_it_is_exported_from_ops() -> None:
    assert s3types.ops.get_current_object is get_current_object
    assert "get_current_object" in s3types.ops.__all__


def test_docstring_example_runs(s3: S3Client, bucket: str) -> None:
    record = uploaded(s3, bucket, b"hello")
    result = doctest.testmod(s3types.ops._current, extraglobs={"client": s3, "record": record})
    assert result.attempted > 0
    assert result.failed == 0
