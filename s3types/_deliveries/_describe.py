"""Telling event shapes apart by their values, one detector per shape.

Each detector answers ``claims(event)`` from values (``eventSource ==
"aws:sqs"``, ``source == "aws.s3"``, ``Event == "s3:TestEvent"``), never from
key presence alone, so the order they are tried in does not matter. A test
runs every fixture through all of them and requires exactly one claim.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from s3types._eventbridge import DETAIL_TYPES

__all__ = [
    "BODY_SHAPES",
    "CEPH_CLOUD_EVENT",
    "DIRECT",
    "EVENTBRIDGE",
    "RECEIVE_MESSAGE",
    "SHAPES",
    "SNS",
    "SNS_ENVELOPE",
    "SQS",
    "TEST_EVENT",
    "EventShape",
    "describe",
]


class EventShape(Protocol):
    """A way an S3 notification can reach a function, told apart by values."""

    @property
    def name(self) -> str:
        """A short human name of the shape ("an SQS batch", ...)."""
        ...

    def claims(self, event: Mapping[str, Any]) -> bool:
        """True if ``event`` has this shape (decided from values)."""
        ...


def _first_record(event: Mapping[str, Any]) -> Mapping[str, Any] | None:
    records = event.get("Records")
    if type(records) is list and records and isinstance(records[0], Mapping):
        first: Mapping[str, Any] = records[0]
        return first
    return None


def _is_s3_source(source: object) -> bool:
    return isinstance(source, str) and source.endswith(":s3")


class _Direct:
    name = "a direct S3 event notification"

    def claims(self, event: Mapping[str, Any]) -> bool:
        records = event.get("Records")
        if type(records) is not list:
            return False
        if not records:
            return True
        first = records[0]
        if not isinstance(first, Mapping):
            return False
        source = first.get("eventSource")
        if source is None:
            # A record with no eventSource (hand-written or broken) is judged
            # by its s3 block, and then by validation, which names what is missing.
            return isinstance(first.get("s3"), Mapping)
        return _is_s3_source(source)


class _Sqs:
    name = "an SQS batch"

    def claims(self, event: Mapping[str, Any]) -> bool:
        first = _first_record(event)
        if first is None:
            return False
        source = first.get("eventSource")
        if source == "aws:sqs":
            return True
        # Hand-written SQS records without eventSource (Powertools' tests).
        return source is None and isinstance(first.get("messageId"), str) and "body" in first


class _Sns:
    name = "an SNS notification"

    def claims(self, event: Mapping[str, Any]) -> bool:
        first = _first_record(event)
        return first is not None and first.get("EventSource") == "aws:sns"


class _EventBridge:
    name = "an EventBridge S3 event"

    def claims(self, event: Mapping[str, Any]) -> bool:
        if event.get("source") != "aws.s3":
            return False
        detail_type = event.get("detail-type")
        if isinstance(detail_type, str) and detail_type in DETAIL_TYPES:
            return True
        detail = event.get("detail")
        # A detail-type AWS adds later, with the object-event detail shape.
        return (
            isinstance(detail_type, str)
            and isinstance(detail, Mapping)
            and isinstance(detail.get("object"), Mapping)
            and isinstance(detail.get("bucket"), Mapping)
        )


class _TestEvent:
    name = "the s3:TestEvent message"

    def claims(self, event: Mapping[str, Any]) -> bool:
        return event.get("Event") == "s3:TestEvent"


class _ReceiveMessage:
    name = "the output of boto3's sqs.receive_message()"

    def claims(self, event: Mapping[str, Any]) -> bool:
        messages = event.get("Messages")
        if type(messages) is list:
            return all(isinstance(m, Mapping) and "Body" in m for m in messages)
        if isinstance(event.get("ReceiptHandle"), str) and isinstance(event.get("MessageId"), str):
            return "Body" in event  # one message of that output
        # An empty receive has only ResponseMetadata.
        return "Records" not in event and isinstance(event.get("ResponseMetadata"), Mapping)


class _CephCloudEvent:
    name = "a Ceph CloudEvents notification"

    def claims(self, event: Mapping[str, Any]) -> bool:
        data = event.get("data")
        return isinstance(data, Mapping) and _is_s3_source(data.get("eventSource"))


class _SnsEnvelope:
    name = "an SNS message (an SQS body, or an HTTP/S subscription's POST)"

    def claims(self, event: Mapping[str, Any]) -> bool:
        return event.get("Type") == "Notification" and "Message" in event


DIRECT = _Direct()
SQS = _Sqs()
SNS = _Sns()
EVENTBRIDGE = _EventBridge()
TEST_EVENT = _TestEvent()
RECEIVE_MESSAGE = _ReceiveMessage()
CEPH_CLOUD_EVENT = _CephCloudEvent()
SNS_ENVELOPE = _SnsEnvelope()

#: The shapes a Lambda function (or a poller) can be handed.
SHAPES: tuple[EventShape, ...] = (
    DIRECT,
    SQS,
    SNS,
    EVENTBRIDGE,
    TEST_EVENT,
    RECEIVE_MESSAGE,
    CEPH_CLOUD_EVENT,
    SNS_ENVELOPE,
)
#: The shapes an SQS message body can have.
BODY_SHAPES: tuple[EventShape, ...] = (DIRECT, SNS_ENVELOPE, EVENTBRIDGE, TEST_EVENT)

_BY_SOURCE = {
    "aws:dynamodb": "a DynamoDB Streams event",
    "aws:kinesis": "a Kinesis Data Streams event",
    "aws:ses": "an SES email receiving event",
    "aws:codecommit": "a CodeCommit trigger event",
    "aws:kafka": "an Amazon MSK (Kafka) event",
    "SelfManagedKafka": "a self-managed Kafka event",
    "aws:mq": "an Amazon MQ event",
    "aws:rmq": "an Amazon MQ for RabbitMQ event",
    "aws:sqs": "an SQS batch",
    "aws:sns": "an SNS notification",
}


def describe(event: object) -> str | None:
    """Say what a non-S3 input looks like, for error messages; None if unknown."""
    if not isinstance(event, Mapping):
        return None
    first = _first_record(event)
    if first is not None:
        source = first.get("eventSource", first.get("EventSource"))
        if isinstance(source, str):
            return _BY_SOURCE.get(source, f"an event from {source!r}")
    if isinstance(event.get("records"), list) and "Records" not in event:
        return "an S3 notification with a lowercase 'records' key (S3 and Lambda send 'Records')"
    if "invocationSchemaVersion" in event and ("tasks" in event or "task" in event):
        return "an S3 Batch Operations job invocation (not an event notification)"
    contexts = (
        "getObjectContext",
        "headObjectContext",
        "listObjectsContext",
        "listObjectsV2Context",
    )
    if any(name in event for name in contexts):
        return "an S3 Object Lambda request (not an event notification)"
    request_context = event.get("requestContext")
    if isinstance(request_context, Mapping):
        if "elb" in request_context:
            return "an Application Load Balancer request"
        if "httpMethod" in event:
            return "an API Gateway REST API (v1) event"
        if "routeKey" in event or "rawPath" in event:
            return "an API Gateway HTTP API (v2) or function URL event"
        return "a request event (API Gateway or similar)"
    if "httpMethod" in event:
        return "an API Gateway REST API (v1) event"
    source, detail_type = event.get("source"), event.get("detail-type")
    if isinstance(source, str) and isinstance(detail_type, str):
        if source == "aws.s3":
            return (
                f"an EventBridge {detail_type!r} event from aws.s3 that is not an object event"
                " (CloudTrail API calls are not S3 event notifications)"
            )
        return f"an EventBridge {detail_type!r} event from {source!r}"
    if "awslogs" in event:
        return "a CloudWatch Logs subscription event"
    if "triggerSource" in event and "userPoolId" in event:
        return "a Cognito user pool trigger"
    if "RequestType" in event and "ResourceProperties" in event:
        return "a CloudFormation custom resource request"
    if "deliveryStreamArn" in event:
        return "a Kinesis Data Firehose transformation event"
    if "Event" in event and "Service" in event:
        return f"a {event.get('Service')!r} message of type {event.get('Event')!r}"
    return None
