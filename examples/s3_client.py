"""The first lines of a function that uses S3: a typed client, then a typed operation.

``s3types.ops.s3_client`` is ``boto3.client("s3", ...)`` typed ``S3Client``
for both checkers: mypy ``--strict`` and pyright strict accept this file as
it is, with only ``s3types[types]`` installed. Written as
``boto3.client("s3")``, the same line fails pyright strict: boto3-stubs
overloads ``boto3.client`` for every AWS service, and the overloads of the
services whose ``mypy_boto3_*`` package is not installed name an unknown
type, so the member is "partially unknown" (mypy does not mind).
"""

from __future__ import annotations

# --8<-- [start:client]
from s3types.ops import list_objects, s3_client

s3 = s3_client()  # an S3Client: region, credentials and endpoint from the usual chain


def keys_under(bucket: str, prefix: str) -> list[str]:
    """The first 100 keys under ``prefix``, decoded, in key order."""
    return [summary.key for summary in list_objects(s3, bucket, prefix=prefix, max_results=100)]


# --8<-- [end:client]

# --8<-- [start:boto3]
from typing import TYPE_CHECKING  # noqa: E402  (a second, separate snippet)

import boto3  # noqa: E402

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def make_s3_client(region: str | None = None) -> S3Client:
    """The same client from boto3 itself: annotate it, and silence pyright's one rule."""
    client: S3Client = boto3.client("s3", region_name=region)  # pyright: ignore[reportUnknownMemberType]
    return client


# --8<-- [end:boto3]
