"""Saying what an input is when no delivery claims it: rejections and look-alikes.

:func:`describe` names the kind of Lambda event an input seems to be (a
DynamoDB stream, an API Gateway request, a Batch Operations job, ...);
:func:`rejected` and :func:`not_an_event` word the error, with the path of
what is wrong and every quoted value bounded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from s3types._errors import S3EventError
from s3types._narrow import as_list, as_mapping
from s3types._problems import quote

if TYPE_CHECKING:
    from s3types._deliveries._base import At

__all__ = ["describe", "not_an_event", "rejected"]


def _first_record(event: Mapping[str, Any]) -> Mapping[str, Any] | None:
    records = as_list(event.get("Records"))
    return as_mapping(records[0]) if records else None


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


def describe(value: object) -> str | None:
    """Say what a non-S3 input looks like, for error messages; None if unknown."""
    event = as_mapping(value)
    if event is None:
        return None
    first = _first_record(event)
    if first is not None:
        source = first.get("eventSource", first.get("EventSource"))
        if isinstance(source, str):
            return _BY_SOURCE.get(source, f"an event from {quote(source)}")
    if isinstance(event.get("records"), list) and "Records" not in event:
        return "an S3 notification with a lowercase 'records' key (S3 and Lambda send 'Records')"
    if "invocationSchemaVersion" in event and ("tasks" in event or "task" in event):
        return (
            "an S3 Batch Operations job invocation (not an event notification):"
            " parse it with s3types.batch.parse_batch_job"
        )
    contexts = (
        "getObjectContext",
        "headObjectContext",
        "listObjectsContext",
        "listObjectsV2Context",
    )
    if any(name in event for name in contexts):
        return (
            "an S3 Object Lambda request (not an event notification):"
            " parse it with s3types.object_lambda.parse_object_lambda_event"
        )
    request_context = as_mapping(event.get("requestContext"))
    if request_context is not None:
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
                f"an EventBridge {quote(detail_type)} event from aws.s3 that is not an object event"
                " (CloudTrail API calls are not S3 event notifications)"
            )
        return f"an EventBridge {quote(detail_type)} event from {quote(source)}"
    if "awslogs" in event:
        return "a CloudWatch Logs subscription event"
    if "triggerSource" in event and "userPoolId" in event:
        return "a Cognito user pool trigger"
    if "RequestType" in event and "ResourceProperties" in event:
        return "a CloudFormation custom resource request"
    if "deliveryStreamArn" in event:
        return "a Kinesis Data Firehose transformation event"
    if "Event" in event and "Service" in event:
        return f"a {quote(event.get('Service'))} message of type {quote(event.get('Event'))}"
    return None


def not_an_event(value: object, at: At) -> S3EventError:
    """The error for a value that is not a JSON object (a list, a number, null)."""
    got = "null" if value is None else type(value).__name__
    if at.carrier != "lambda":
        return S3EventError(f"{at.path}: expected an S3 notification, got {got}", path=at.path)
    if isinstance(value, list):
        return S3EventError(
            "this looks like a list of events, and a list is not an event: Lambda hands"
            " one event per invocation; parse each item of the list on its own",
            looks_like="a list of events",
        )
    return S3EventError(f"expected an event (a JSON object or dict), got {got}")


def rejected(event: Mapping[str, Any], at: At) -> S3EventError:
    """The error for an object no delivery claims: what is wrong, where, and what it looks like."""
    looks_like = describe(event)
    if at.carrier != "lambda":
        hint = f" it looks like {looks_like}" if looks_like else " its shape is not one S3 sends"
        path = _record_path(event, at.path, looks_like) or at.path
        return S3EventError(
            f"{at.path}: this message is not an S3 event notification:{hint}."
            " Only S3 notifications (direct, SNS or EventBridge) can be parsed here;"
            " route other messages to another queue or function",
            path=path,
            looks_like=looks_like,
        )
    if "Records" in event:
        value: object = event["Records"]
        records = as_list(value)
        if records is None:
            got = "null" if value is None else type(value).__name__
            return S3EventError(
                f"Records: expected a list of S3 event records, got {got}", path="Records"
            )
        first: object = records[0]
        if as_mapping(first) is None:
            got = "null" if first is None else type(first).__name__
            return S3EventError(
                f"Records[0]: expected an S3 event record (an object with eventSource"
                f" 'aws:s3' and an s3 block), got {got}",
                path="Records[0]",
            )
    if looks_like is not None:
        return S3EventError(
            f"this is not an S3 event notification: it looks like {looks_like}."
            " Check which trigger invokes this function",
            path=_record_path(event, "", looks_like),
            looks_like=looks_like,
        )
    if _first_record(event) is not None:
        keys = ", ".join(quote(k) for k in list(_first_record(event) or {})[:6]) or "no keys"
        return S3EventError(
            f"Records[0]: not an S3 event record (its keys: {keys}): a record has"
            " eventSource 'aws:s3' and an s3 block with bucket and object",
            path="Records[0]",
        )
    keys = ", ".join(quote(k) for k in list(event)[:6]) or "no keys"
    return S3EventError(
        f"this is not an S3 event notification; its top-level keys are {keys}. Expected"
        " {'Records': [...]} from S3, an SQS, SNS or EventBridge delivery of one, or s3:TestEvent"
    )


def _record_path(event: Mapping[str, Any], path: str, looks_like: str | None) -> str:
    """``Records[0].eventSource`` when that field is what says the event is another kind."""
    first = _first_record(event)
    if first is None or looks_like is None:
        return ""
    name = "eventSource" if "eventSource" in first else "EventSource"
    where = f"Records[0].{name}"
    return f"{path} -> {where}" if path else where
