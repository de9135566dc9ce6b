"""Conversions between s3types' model and Powertools' S3 event data classes."""

from __future__ import annotations

from aws_lambda_powertools.utilities.data_classes import S3Event as S3EventDataClass
from aws_lambda_powertools.utilities.data_classes.s3_event import S3EventBridgeNotificationEvent

from s3types import S3Event, parse_event

__all__ = ["from_data_class", "to_data_class"]


def from_data_class(event: S3EventDataClass | S3EventBridgeNotificationEvent) -> S3Event:
    """Parse a Powertools S3 data class (notification or EventBridge) into the typed model.

    Reads the data class's raw event, so nothing Powertools left out is lost.
    Raises :class:`s3types.S3EventError` when the wrapped event is not a
    valid S3 event, and TypeError for another data class.

    >>> from s3types.testing import make_event
    >>> from_data_class(S3EventDataClass(make_event(bucket="b", key="a b.txt"))).records[0].key
    'a b.txt'
    """
    if not isinstance(event, (S3EventDataClass, S3EventBridgeNotificationEvent)):
        raise TypeError(
            f"from_data_class takes Powertools' S3Event or S3EventBridgeNotificationEvent,"
            f" got {type(event).__name__}; for any other event call"
            " s3types.parse_event(data_class.raw_event)"
        )
    return parse_event(event.raw_event)


def to_data_class(event: S3Event) -> S3EventDataClass:
    """Give the event as Powertools' ``S3Event`` data class, every record, keys as on the wire.

    Records that came through EventBridge come back in the notification
    shape; the ``s3:TestEvent`` becomes a data class with no records.

    >>> from s3types.testing import make_event
    >>> data_class = to_data_class(parse_event(make_event(bucket="b", key="a+b.txt")))
    >>> data_class.record.s3.get_object.raw_event["key"], data_class.object_key
    ('a%2Bb.txt', 'a+b.txt')
    """
    return S3EventDataClass(event.model_dump(mode="json", by_alias=True, exclude_unset=True))
