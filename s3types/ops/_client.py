"""``s3_client``: a boto3 S3 client typed ``S3Client`` for mypy and pyright alike."""

# pyright: strict
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from botocore.config import Config
    from mypy_boto3_s3 import S3Client

__all__ = ["s3_client"]


def s3_client(
    *,
    region: str | None = None,
    endpoint_url: str | None = None,
    config: Config | None = None,
) -> S3Client:
    """A boto3 S3 client, typed ``S3Client`` under mypy ``--strict`` and pyright strict.

    The same client ``boto3.client("s3", region_name=region,
    endpoint_url=endpoint_url, config=config)`` makes, from the usual
    credential chain. Write this instead of that line: boto3-stubs types
    ``boto3.client`` as an overload per AWS service, and the overloads of
    every service whose ``mypy_boto3_*`` package is not installed name an
    unknown type, so pyright strict rejects the call as "partially unknown"
    (a message of the whole overload list) even for ``"s3"``. boto3 is
    imported here, on the first call.

    >>> from s3types.ops import list_objects, s3_client
    >>> s3 = s3_client(region="us-east-1", endpoint_url=endpoint)  # endpoint: None for AWS
    >>> [obj.key for obj in list_objects(s3, "my-bucket", prefix="notes/")]
    ['notes/today.txt']
    """
    import boto3

    client: S3Client = boto3.client(  # pyright: ignore[reportUnknownMemberType]
        "s3", region_name=region, endpoint_url=endpoint_url, config=config
    )
    return client
