"""``S3EventFactory``: what the ``s3_event`` fixture returns, and the function behind it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from s3types import EventName

__all__ = ["Delivery", "S3EventFactory", "make_s3_event"]

#: The deliveries ``s3_event(via=...)`` wraps an event in.
Delivery = Literal["sqs", "sns", "sqs-sns", "eventbridge"]


class S3EventFactory(Protocol):
    """What the ``s3_event`` fixture returns: ``make_event`` plus the delivery to wrap it in.

    >>> from s3types.testing import S3EventFactory
    >>> def test_thumbnail(s3_event: S3EventFactory) -> None:
    ...     batch = s3_event(key="red flower.jpg", via="sqs")
    """

    def __call__(
        self,
        event_name: EventName | str = "ObjectCreated:Put",
        *,
        key: str,
        bucket: str = "test-bucket",
        via: Delivery | None = None,
        size: int | None = None,
        etag: str | None = None,
        version_id: str | None = None,
        region: str = "us-east-1",
    ) -> dict[str, Any]:
        """The event (a new dict each call), as S3 sends it or as ``via`` delivers it."""
        ...


def make_s3_event(
    event_name: EventName | str = "ObjectCreated:Put",
    *,
    key: str,
    bucket: str = "test-bucket",
    via: Delivery | None = None,
    size: int | None = None,
    etag: str | None = None,
    version_id: str | None = None,
    region: str = "us-east-1",
) -> dict[str, Any]:
    """:func:`~s3types.testing.make_event` wrapped as ``via`` delivers it (the fixture's body).

    >>> make_s3_event(key="a b.txt", via="sqs")["Records"][0]["eventSource"]
    'aws:sqs'
    """
    from s3types.testing._events import make_event, via_eventbridge, via_sns, via_sqs

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
