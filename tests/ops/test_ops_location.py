"""get_bucket_location normalizes S3's answers to region names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from s3types.ops import get_bucket_location

if TYPE_CHECKING:
    from collections.abc import Callable

    from mypy_boto3_s3 import S3Client

    from s3types.testing._server import LocalS3Server


def test_us_east_1_has_no_location_constraint(s3: S3Client, bucket_name: Callable[[], str]) -> None:
    name = bucket_name()
    s3.create_bucket(Bucket=name)
    assert s3.get_bucket_location(Bucket=name).get("LocationConstraint") is None  # what S3 says
    assert get_bucket_location(s3, name) == "us-east-1"


def test_eu_central_1(s3_server: LocalS3Server, bucket_name: Callable[[], str]) -> None:
    s3 = s3_server.s3_client(region="eu-central-1")
    name = bucket_name()
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    assert get_bucket_location(s3, name) == "eu-central-1"


def test_legacy_eu_is_eu_west_1(s3: S3Client, bucket_name: Callable[[], str]) -> None:
    # "EU" is the old name of eu-west-1 that S3 still accepts and reports.
    name = bucket_name()
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "EU"})
    assert s3.get_bucket_location(Bucket=name)["LocationConstraint"] == "EU"  # what S3 says
    assert get_bucket_location(s3, name) == "eu-west-1"
