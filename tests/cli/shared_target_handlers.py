"""Two functions of one team sending their bucket's events to one queue (for the CLI tests)."""

from __future__ import annotations

from s3types import S3EventRecord
from s3types_lambda import LambdaContext, s3_record_handler


@s3_record_handler(bucket="shared-media", events=["s3:ObjectCreated:*"], prefix="images/")
def images(record: S3EventRecord, context: LambdaContext) -> None:
    """Handle a new image."""


@s3_record_handler(bucket="shared-media", events=["s3:ObjectCreated:*"], prefix="videos/")
def videos(record: S3EventRecord, context: LambdaContext) -> None:
    """Handle a new video."""


def helper() -> None:
    """Not a handler: declares no triggers, so a whole-module apply leaves it out."""
