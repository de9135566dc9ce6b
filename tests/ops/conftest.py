"""Fixtures for the typed-operation tests: clients and fresh buckets on the local S3 server."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from mypy_boto3_s3 import S3Client

    from s3types.testing._server import LocalS3Server


def new_bucket_name() -> str:
    """A bucket name no other test uses, so tests do not depend on order."""
    return f"ops-{uuid.uuid4().hex[:16]}"


@pytest.fixture
def bucket_name() -> Callable[[], str]:
    """Make bucket names no other test uses."""
    return new_bucket_name


@pytest.fixture
def s3(s3_server: LocalS3Server) -> S3Client:
    """A fresh boto3 S3 client on the local server (hooks registered on it stay local)."""
    return s3_server.s3_client()


@pytest.fixture
def bucket(s3: S3Client) -> str:
    """A new, empty, unversioned bucket in us-east-1."""
    name = new_bucket_name()
    s3.create_bucket(Bucket=name)
    return name


@pytest.fixture
def versioned_bucket(s3: S3Client) -> str:
    """A new, empty bucket with versioning enabled."""
    name = new_bucket_name()
    s3.create_bucket(Bucket=name)
    s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})
    return name
