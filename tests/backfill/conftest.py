"""Fixtures of the backfill tests: the recording S3 Control endpoint, S3 on moto, buckets."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.backfill.control_endpoint import ControlEndpoint, control_endpoint

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types.testing._server import LocalS3Server


@pytest.fixture
def control() -> Iterator[ControlEndpoint]:
    """The recording S3 Control endpoint (moto has no Batch Operations jobs), for one test."""
    with control_endpoint() as endpoint:
        yield endpoint


@pytest.fixture
def s3(s3_server: LocalS3Server) -> S3Client:
    """A boto3 S3 client on the local server (moto)."""
    return s3_server.s3_client()


@pytest.fixture
def new_bucket(s3: S3Client) -> str:
    """A new empty bucket no other test uses."""
    name = f"backfill-{uuid.uuid4().hex[:16]}"
    s3.create_bucket(Bucket=name)
    return name
