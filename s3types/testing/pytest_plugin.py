"""pytest plugin of s3types (registered as ``pytest11``): fixtures for S3-triggered code.

Importing it needs nothing beyond pytest: moto and boto3 are imported only
when a test asks for ``s3_server``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Protocol

import pytest

from s3types.testing._events import make_event, via_eventbridge, via_sns, via_sqs
from s3types.testing._server import LocalS3Server

if TYPE_CHECKING:
    from collections.abc import Iterator

    from s3types import EventName

__all__ = ["S3EventFactory", "s3_event", "s3_server"]


class S3EventFactory(Protocol):
    """What the ``s3_event`` fixture returns: ``make_event`` plus the delivery to wrap it in.

    >>> def test_thumbnail(s3_event: S3EventFactory) -> None:
    ...     batch = s3_event(key="red flower.jpg", via="sqs")
    """

    def __call__(
        self,
        event_name: EventName | str = "ObjectCreated:Put",
        *,
        key: str,
        bucket: str = "test-bucket",
        via: Literal["sqs", "sns", "sqs-sns", "eventbridge"] | None = None,
        size: int | None = None,
        etag: str | None = None,
        version_id: str | None = None,
        region: str = "us-east-1",
    ) -> dict[str, Any]:
        """The event (a new dict each call), as S3 sends it or as ``via`` delivers it."""
        ...


def _make_s3_event(
    event_name: EventName | str = "ObjectCreated:Put",
    *,
    key: str,
    bucket: str = "test-bucket",
    via: Literal["sqs", "sns", "sqs-sns", "eventbridge"] | None = None,
    size: int | None = None,
    etag: str | None = None,
    version_id: str | None = None,
    region: str = "us-east-1",
) -> dict[str, Any]:
    event = make_event(
        event_name,
        bucket=bucket,
        key=key,
        size=size,
        etag=etag,
        version_id=version_id,
        region=region,
    )
    if via is None:
        return dict(event)
    if via == "sqs":
        return dict(via_sqs(event))
    if via == "sqs-sns":
        return dict(via_sqs(event, through_sns=True))
    if via == "sns":
        return dict(via_sns(event))
    if via == "eventbridge":
        return dict(via_eventbridge(event))
    raise ValueError(f"via={via!r}: expected 'sqs', 'sns', 'sqs-sns', 'eventbridge' or None")


@pytest.fixture
def s3_event() -> S3EventFactory:
    """Make S3 events in a test: the key given decoded, the wire form encoded as S3 does.

    Calls :func:`s3types.testing.make_event` (any event name; bucket
    ``test-bucket`` unless given) and wraps the event as Lambda receives it
    through ``via``. Needs no extra.

    >>> def test_handler_decodes_keys(s3_event):
    ...     batch = s3_event("ObjectRemoved:Delete", key="red flower+1.jpg", via="sqs")
    ...     assert handler(batch, context) == {"batchItemFailures": []}
    """
    return _make_s3_event


@pytest.fixture(scope="session")
def s3_server() -> Iterator[LocalS3Server]:
    """A running local S3 server (moto, on 127.0.0.1) shared by the test session.

    Stopped when the session ends. Buckets persist across tests: give each
    test its own bucket names. Needs ``pip install 's3types[server]'``; without
    it the fixture raises ImportError saying so (it does not skip).

    >>> def test_upload(s3_server):
    ...     s3 = s3_server.s3_client()
    ...     s3.create_bucket(Bucket="uploads")
    """
    with LocalS3Server() as server:
        yield server
