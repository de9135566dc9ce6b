"""Fixtures for the batch tests: clients and fresh buckets on moto's local S3 server."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types.testing import LocalS3Server


@pytest.fixture
def s3(s3_server: LocalS3Server) -> S3Client:
    """A boto3 S3 client on the local server."""
    return s3_server.s3_client()


@pytest.fixture
def bucket(s3: S3Client) -> str:
    """A new, empty, versioned bucket no other test uses."""
    name = f"batch-{uuid.uuid4().hex[:16]}"
    s3.create_bucket(Bucket=name)
    s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    return name
