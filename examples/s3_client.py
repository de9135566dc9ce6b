"""A typed S3 client that mypy --strict and pyright strict both accept.

boto3-stubs (the ``types`` extra) overloads ``boto3.client`` for every AWS
service. The overloads of services whose ``mypy_boto3_*`` package is not
installed return an unknown type, so pyright strict calls the member
"partially unknown" even for ``"s3"``; mypy does not. Annotate the client
and silence that one pyright rule on that one line.
"""

from __future__ import annotations

# --8<-- [start:client]
from typing import TYPE_CHECKING

import boto3

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def make_s3_client(region: str | None = None) -> S3Client:
    """An S3 client typed as ``S3Client`` for both checkers."""
    client: S3Client = boto3.client("s3", region_name=region)  # pyright: ignore[reportUnknownMemberType]
    return client


# --8<-- [end:client]
