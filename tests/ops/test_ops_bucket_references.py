"""Buckets are checked as S3 accepts them in requests; strictly only where one is created."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from s3types.ops import (
    copy_object,
    delete_object,
    get_object,
    head_object,
    list_objects,
    open_object,
    presign_get,
    presign_put,
    put_object,
)
from s3types.ops._names import check_bucket, check_bucket_name

if TYPE_CHECKING:
    from collections.abc import Callable

    from mypy_boto3_s3 import S3Client

ACCEPTED_BY_S3 = {
    "legacy us-east-1, uppercase and underscores": "My_Legacy.Bucket",
    "legacy, 255 characters": "L" * 255,
    "directory bucket": "photos--use1-az4--x-s3",
    "access point alias": "uploads-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias",
    "Object Lambda access point alias": "redact-ap-hrzrlukc5m36ft7okagglf3gmwl--ol-s3",
    "access point ARN": "arn:aws:s3:eu-west-1:123456789012:accesspoint/uploads",
    "access point ARN, colon form": "arn:aws:s3:eu-west-1:123456789012:accesspoint:uploads",
    "Object Lambda access point ARN": (
        "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/redact"
    ),
    "Multi-Region access point ARN": "arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap",
    "Outposts access point ARN": (
        "arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-01ac5d28a6a232904/accesspoint/ap"
    ),
    "GovCloud access point ARN": "arn:aws-us-gov:s3:us-gov-west-1:123456789012:accesspoint/ap",
}


@pytest.mark.parametrize("name", ACCEPTED_BY_S3.values(), ids=ACCEPTED_BY_S3.keys())
def test_what_s3_accepts_as_a_bucket_is_accepted(name: str) -> None:
    assert check_bucket(name) == name


@pytest.mark.parametrize("name", ACCEPTED_BY_S3.values(), ids=ACCEPTED_BY_S3.keys())
def test_creating_a_bucket_keeps_todays_strict_rules(name: str) -> None:
    with pytest.raises(ValueError, match="is not a valid S3 bucket name"):
        check_bucket_name(name)


REFUSED = [
    ("s3://my-bucket", "without 's3://'"),
    ("my-bucket/photos", "has no '/'"),
    ("ab", "2 characters long.*3 to 255"),
    ("L" * 256, "256 characters long"),
    ("bad bucket!", "contains ' ', '!'"),
    ("bücket", "contains 'ü'"),
    ("arn:aws:s3:::my-bucket", "must be an access point ARN.*pass the bucket's name"),
    ("arn:aws:s3:eu-west-1:123:accesspoint/ap", "must be an access point ARN"),
]


@pytest.mark.parametrize(("name", "reason"), REFUSED)
def test_what_names_no_bucket_says_why(name: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason) as info:
        check_bucket(name, "target_bucket")
    assert str(info.value).startswith("target_bucket=")
    assert "names no S3 bucket" in str(info.value)


EVERY_OPERATION: dict[str, Callable[[S3Client, str], object]] = {
    "list_objects": lambda c, b: list(list_objects(c, b)),
    "put_object": lambda c, b: put_object(c, b, "k", b"x"),
    "get_object": lambda c, b: get_object(c, b, "k"),
    "head_object": lambda c, b: head_object(c, b, "k"),
    "open_object": lambda c, b: open_object(c, b, "k"),
    "copy_object": lambda c, b: copy_object(c, b, "k", b, target_key="k2"),
    "delete_object": lambda c, b: delete_object(c, b, "k"),
}


@pytest.mark.parametrize("operation", EVERY_OPERATION.values(), ids=EVERY_OPERATION.keys())
@pytest.mark.parametrize(
    "name",
    [ACCEPTED_BY_S3[k] for k in ("access point alias", "access point ARN", "directory bucket")],
    ids=["alias", "arn", "directory"],
)
def test_every_operation_sends_what_s3_accepts(
    offline: S3Client, sent: list[str], operation: Callable[[S3Client, str], object], name: str
) -> None:
    with pytest.raises(Exception, match="Could not connect"):
        operation(offline, name)
    assert sent  # it got past our checks (and botocore's) to the network


def test_presigning_takes_access_point_arns(s3: S3Client) -> None:
    arn = ACCEPTED_BY_S3["access point ARN"]
    assert "uploads-123456789012" in presign_get(s3, arn, "k").url
    assert "uploads-123456789012" in presign_put(s3, arn, "k").url


def test_a_legacy_bucket_works_end_to_end(s3: S3Client) -> None:
    s3.create_bucket(Bucket="Legacy_Ops_Bucket")  # moto, like us-east-1 once, allows it
    put_object(s3, "Legacy_Ops_Bucket", "a.txt", "legacy")
    assert get_object(s3, "Legacy_Ops_Bucket", "a.txt").body == b"legacy"
    assert [o.key for o in list_objects(s3, "Legacy_Ops_Bucket")] == ["a.txt"]
    copy_object(s3, "Legacy_Ops_Bucket", "a.txt", "Legacy_Ops_Bucket", target_key="b.txt")
    assert delete_object(s3, "Legacy_Ops_Bucket", "b.txt").delete_marker is False
