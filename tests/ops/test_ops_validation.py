"""Wrong arguments raise clear errors before any request is sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from s3types.ops import (
    copy_object,
    delete_object,
    get_bucket_location,
    get_object,
    list_objects,
    put_object,
)
from s3types.ops._names import check_bucket_name

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def test_offline_client_would_record_a_request(offline: S3Client, sent: list[str]) -> None:
    with pytest.raises(Exception, match="Could not connect"):
        get_bucket_location(offline, "good-bucket")
    assert len(sent) == 1  # so an empty log below means nothing was sent


BAD_BUCKETS = [
    ("", "3 to 63 characters long, and it has 0"),
    ("ab", "3 to 63 characters long, and it has 2"),
    ("a" * 64, "3 to 63 characters long, and it has 64"),
    ("My-Bucket", "contains 'B', 'M' \\(bucket names are all lowercase\\)"),
    ("my_bucket", "only lowercase letters, digits, dots \\(.\\) and hyphens \\(-\\).*'_'"),
    ("bucket\n", "contains '\\\\n'"),
    ("bücket", "contains 'ü'"),
    ("-bucket", "start and end with a lowercase letter or a digit"),
    ("bucket.", "start and end with a lowercase letter or a digit"),
    ("my..bucket", "two adjacent dots"),
    ("192.168.5.4", "formatted as an IP address"),
    ("xn--bucket", "prefix 'xn--' is reserved"),
    ("sthree-bucket", "prefix 'sthree-' is reserved"),
    ("sthree-configurator-x", "prefix 'sthree-' is reserved"),
    ("amzn-s3-demo-bucket", "prefix 'amzn-s3-demo-' is reserved"),
    ("bucket-s3alias", "suffix '-s3alias' is reserved"),
    ("bucket--ol-s3", "suffix '--ol-s3' is reserved"),
    ("bucket.mrap", "suffix '.mrap' is reserved"),
    ("bucket--x-s3", "suffix '--x-s3' is reserved"),
]
GOOD_BUCKETS = [
    "abc",
    "a" * 63,
    "my.bucket.name",
    "1.2.3",
    "192.168.5.4x",
    "1234.168.5.4",
    "xn-bucket",
    "bucket-s3alia",
    "s3alias-bucket",
    "x--x-s3x",
]


@pytest.mark.parametrize(("name", "rule"), BAD_BUCKETS)
def test_bad_bucket_names_say_which_rule(name: str, rule: str) -> None:
    with pytest.raises(ValueError, match=rule) as info:
        check_bucket_name(name, "target_bucket")
    assert str(info.value).startswith(f"target_bucket={name!r} is not a valid S3 bucket name: ")


@pytest.mark.parametrize("name", GOOD_BUCKETS)
def test_good_bucket_names_pass(name: str) -> None:
    assert check_bucket_name(name) == name


def test_bucket_that_is_not_a_str() -> None:
    with pytest.raises(TypeError, match="bucket must be a bucket name \\(str\\), got bytes"):
        check_bucket_name(b"bucket")


Call = Callable[["S3Client"], object]

EVERY_OPERATION_WITH_A_BAD_BUCKET: list[tuple[str, Call]] = [
    ("list_objects", lambda c: list_objects(c, "bad bucket!")),
    ("put_object", lambda c: put_object(c, "bad bucket!", "k", b"")),
    ("get_object", lambda c: get_object(c, "bad bucket!", "k")),
    ("copy_object source", lambda c: copy_object(c, "bad bucket!", "k", "good-bucket")),
    ("copy_object target", lambda c: copy_object(c, "good-bucket", "k", "bad bucket!")),
    ("delete_object", lambda c: delete_object(c, "bad bucket!", "k")),
    ("get_bucket_location", lambda c: get_bucket_location(c, "bad bucket!")),
]


@pytest.mark.parametrize(
    "call",
    [call for _, call in EVERY_OPERATION_WITH_A_BAD_BUCKET],
    ids=[name for name, _ in EVERY_OPERATION_WITH_A_BAD_BUCKET],
)
def test_every_operation_checks_buckets_first(
    offline: S3Client, sent: list[str], call: Call
) -> None:
    with pytest.raises(ValueError, match="'bad bucket!' names no S3 bucket"):
        call(offline)
    assert sent == []


BAD_CALLS: list[tuple[str, Call, type[Exception], str]] = [
    # keys
    ("empty key", lambda c: get_object(c, "b-1", ""), ValueError, "key is empty"),
    (
        "1025-byte key",
        lambda c: put_object(c, "b-1", "x" * 1025, b""),
        ValueError,
        "key is 1025 bytes long in UTF-8 \\(1025 characters.*at most 1024 bytes",
    ),
    (
        "multibyte key over 1024 bytes",
        lambda c: delete_object(c, "b-1", "ä" * 513),
        ValueError,
        "key is 1026 bytes long in UTF-8 \\(513 characters",
    ),
    (
        "lone surrogate",
        lambda c: get_object(c, "b-1", "a\ud800"),
        ValueError,
        "cannot be encoded as UTF-8",
    ),
    (
        "target_key too long",
        lambda c: copy_object(c, "b-1", "k", "b-2", target_key="x" * 1025),
        ValueError,
        "target_key is 1025 bytes",
    ),
    ("key not a str", lambda c: get_object(c, "b-1", 7), TypeError, "key must be an object key"),  # type: ignore[call-overload]
    # tags
    (
        "11 tags",
        lambda c: put_object(c, "b-1", "k", b"", tags={str(i): "v" for i in range(11)}),
        ValueError,
        "tags has 11 entries; S3 allows at most 10",
    ),
    (
        "tag key of 129",
        lambda c: put_object(c, "b-1", "k", b"", tags={"k" * 129: "v"}),
        ValueError,
        "is 129 characters long; S3 allows at most 128",
    ),
    (
        "tag value of 257",
        lambda c: put_object(c, "b-1", "k", b"", tags={"k": "v" * 257}),
        ValueError,
        "the value of tag 'k' is 257 characters long; S3 allows at most 256",
    ),
    (
        "empty tag key",
        lambda c: put_object(c, "b-1", "k", b"", tags={"": "v"}),
        ValueError,
        "empty tag key",
    ),
    (
        "aws: tag key",
        lambda c: put_object(c, "b-1", "k", b"", tags={"aws:owner": "v"}),
        ValueError,
        "prefix 'aws:' is reserved",
    ),
    (
        "& in a tag",
        lambda c: put_object(c, "b-1", "k", b"", tags={"team": "r&d"}),
        ValueError,
        "tag value 'r&d' contains '&', which S3 does not allow in tags",
    ),
    (
        "emoji in a tag key",
        lambda c: put_object(c, "b-1", "k", b"", tags={"😀": "v"}),
        ValueError,
        "tag key '😀' contains '😀'",
    ),
    (
        "non-str tag value",
        lambda c: put_object(c, "b-1", "k", b"", tags={"n": 1}),  # type: ignore[dict-item]
        TypeError,
        "tags must map str to str; got 'n': 1 \\(str -> int\\)",
    ),
    # metadata
    (
        "non-ASCII metadata value",
        lambda c: put_object(c, "b-1", "k", b"", metadata={"city": "Zürich"}),
        ValueError,
        "metadata\\['city'\\] = 'Zürich': S3 user metadata must be printable ASCII.*"
        "percent-encode it first",
    ),
    (
        "non-ASCII metadata name",
        lambda c: put_object(c, "b-1", "k", b"", metadata={"größe": "1"}),
        ValueError,
        "metadata name 'größe' is not a valid header name",
    ),
    (
        "metadata name with a space",
        lambda c: put_object(c, "b-1", "k", b"", metadata={"my name": "1"}),
        ValueError,
        "metadata name 'my name' is not a valid header name",
    ),
    (
        "metadata value with a newline",
        lambda c: put_object(c, "b-1", "k", b"", metadata={"a": "1\r\nx-amz-acl: public"}),
        ValueError,
        "printable ASCII",
    ),
    (
        "metadata value with a leading blank",
        lambda c: put_object(c, "b-1", "k", b"", metadata={"a": " 1"}),
        ValueError,
        "no leading or trailing blanks",
    ),
    (
        "x-amz-meta- prefix",
        lambda c: put_object(c, "b-1", "k", b"", metadata={"x-amz-meta-a": "1"}),
        ValueError,
        "leave out the 'x-amz-meta-' prefix",
    ),
    (
        "names differing in case",
        lambda c: put_object(c, "b-1", "k", b"", metadata={"Author": "1", "author": "2"}),
        ValueError,
        "metadata names 'Author' and 'author' differ only in case",
    ),
    (
        "metadata over 2 KB",
        lambda c: put_object(c, "b-1", "k", b"", metadata={"a": "x" * 1024, "b": "y" * 1024}),
        ValueError,
        "metadata is 2050 bytes \\(names plus values\\); S3 allows at most 2048",
    ),
    # encryption, body, copy
    (
        "kms key without sse",
        lambda c: put_object(c, "b-1", "k", b"", kms_key_id="alias/x"),
        ValueError,
        "kms_key_id is given but sse=None",
    ),
    (
        "kms key with AES256",
        lambda c: put_object(c, "b-1", "k", b"", sse="AES256", kms_key_id="alias/x"),
        ValueError,
        "kms_key_id is given but sse='AES256'",
    ),
    (
        "body of a wrong type",
        lambda c: put_object(c, "b-1", "k", 42),  # type: ignore[arg-type]
        TypeError,
        "body must be bytes, str or a binary file object \\(with read\\(\\)\\), got int",
    ),
    (
        "copy onto itself",
        lambda c: copy_object(c, "b-1", "k", "b-1"),
        ValueError,
        "would copy s3://b-1/k onto itself, which S3 refuses",
    ),
    (
        "list with a negative cap",
        lambda c: list_objects(c, "b-1", max_results=-1),
        ValueError,
        "max_results=-1 is negative",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [case[1:] for case in BAD_CALLS],
    ids=[case[0] for case in BAD_CALLS],
)
def test_bad_arguments_fail_before_sending(
    offline: S3Client, sent: list[str], call: Call, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call(offline)
    assert sent == []


def test_limits_themselves_are_allowed(offline: S3Client, sent: list[str]) -> None:
    # Exactly at the limits, the call gets as far as sending (and fails to connect).
    with pytest.raises(Exception, match="Could not connect"):
        put_object(
            offline,
            "b-1",
            "k" * 1024,
            b"",
            tags={f"{i:0128d}": "v" * 256 for i in range(10)},
            metadata={"a": "x" * 1023, "b": "y" * 1023},
            sse="aws:kms:dsse",
            kms_key_id="alias/x",
        )
    assert len(sent) == 1


def test_max_results_beyond_any_listing_gets_our_message(
    offline: S3Client, sent: list[str]
) -> None:
    # islice() used to answer this with "Stop argument for islice() must be
    # None or an integer: 0 <= x <= sys.maxsize".
    with pytest.raises(ValueError, match=r"max_results=10{30} is larger than any listing"):
        list_objects(offline, "good-bucket", max_results=10**30)
    assert sent == []
