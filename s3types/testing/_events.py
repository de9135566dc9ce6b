"""Factories for wire-correct S3 events and their deliveries, for tests."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, cast

from s3types._eventbridge import detail_type_of
from s3types._names import EventName, parse_event_name
from s3types._values import encode_key

if TYPE_CHECKING:
    from s3types._wire import (
        EventBridgeS3EventDict,
        S3EventDict,
        S3EventRecordDict,
        S3ObjectDict,
        S3TestEventDict,
        SnsEventDict,
        SqsEventDict,
        SqsRecordDict,
    )

__all__ = ["encode_key", "make_event", "test_event", "via_eventbridge", "via_sns", "via_sqs"]

_EMPTY_MD5 = hashlib.md5(b"", usedforsecurity=False).hexdigest()
_ACCOUNT = "123456789012"


def _time_text(moment: datetime) -> str:
    moment = moment.astimezone(timezone.utc) if moment.tzinfo else moment
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def make_event(
    event_name: EventName | str = "ObjectCreated:Put",
    *,
    bucket: str,
    key: str,
    size: int | None = None,
    etag: str | None = None,
    version_id: str | None = None,
    sequencer: str | None = None,
    region: str = "us-east-1",
    event_time: datetime | None = None,
    event_version: str = "2.1",
    principal_id: str = "AWS:AIDAEXAMPLEUSER",
    source_ip: str = "203.0.113.10",
) -> S3EventDict:
    """Build a wire-correct direct S3 event notification with one record.

    ``key`` is the real (decoded) key; it is encoded as S3 does it
    (``quote_plus``, "/" kept). Events that S3 sends with a size and ETag
    (all but ObjectRemoved and LifecycleExpiration) get ``size=0`` and the
    empty object's ETag unless given.

    >>> event = make_event(bucket="photos", key="red flower.jpg", size=3)
    >>> event["Records"][0]["s3"]["object"]["key"]
    'red+flower.jpg'
    """
    name = parse_event_name(event_name)
    moment = event_time or datetime.now(timezone.utc)
    removal = name.category in ("ObjectRemoved", "LifecycleExpiration")
    obj: S3ObjectDict = {"key": encode_key(key)}
    if size is not None or not removal:
        obj["size"] = 0 if size is None else size
    if etag is not None or not removal:
        obj["eTag"] = _EMPTY_MD5 if etag is None else etag
    if version_id is not None:
        obj["versionId"] = version_id
    obj["sequencer"] = sequencer or f"{int(moment.timestamp() * 1e6):016X}"
    record: S3EventRecordDict = {
        "eventVersion": event_version,
        "eventSource": "aws:s3",
        "awsRegion": region,
        "eventTime": _time_text(moment),
        "eventName": name.value,
        "userIdentity": {"principalId": principal_id},
        "requestParameters": {"sourceIPAddress": source_ip},
        "responseElements": {
            "x-amz-request-id": uuid.uuid4().hex[:16].upper(),
            "x-amz-id-2": "EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH",
        },
        "s3": {
            "s3SchemaVersion": "1.0",
            "configurationId": "s3types-test",
            "bucket": {
                "name": bucket,
                "ownerIdentity": {"principalId": "A3NL1KOZZKEXAMPLE"},
                "arn": f"arn:aws:s3:::{bucket}",
            },
            "object": obj,
        },
    }
    return {"Records": [record]}


def test_event(bucket: str, *, event_time: datetime | None = None) -> S3TestEventDict:
    """The ``s3:TestEvent`` message S3 sends when a notification is configured.

    >>> test_event("photos")["Event"]
    's3:TestEvent'
    """
    return {
        "Service": "Amazon S3",
        "Event": "s3:TestEvent",
        "Time": _time_text(event_time or datetime.now(timezone.utc)),
        "Bucket": bucket,
        "RequestId": uuid.uuid4().hex[:16].upper(),
        "HostId": "EXAMPLEhostid/EXAMPLE=",
    }


# These helpers are for tests: not collected by pytest even when imported there.
test_event.__test__ = False  # type: ignore[attr-defined]


def _sns_message(message: object, topic_arn: str) -> dict[str, Any]:
    return {
        "Type": "Notification",
        "MessageId": str(uuid.uuid4()),
        "TopicArn": topic_arn,
        "Subject": "Amazon S3 Notification",
        "Message": json.dumps(message),
        "Timestamp": _time_text(datetime.now(timezone.utc)),
        "SignatureVersion": "1",
        "Signature": "EXAMPLE",
        "SigningCertUrl": "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-EXAMPLE.pem",
        "UnsubscribeUrl": "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe",
        "MessageAttributes": {},
    }


def via_sqs(
    *events: S3EventDict | S3TestEventDict | EventBridgeS3EventDict,
    through_sns: bool = False,
    queue_arn: str = f"arn:aws:sqs:us-east-1:{_ACCOUNT}:s3-notifications",
) -> SqsEventDict:
    """Wrap notifications as Lambda receives them from an SQS queue, one message each.

    ``through_sns=True`` wraps each body in an SNS message first (SNS to SQS
    without raw message delivery).

    >>> batch = via_sqs(make_event(bucket="b", key="k"), make_event(bucket="b", key="l"))
    >>> len(batch["Records"]), batch["Records"][0]["eventSource"]
    (2, 'aws:sqs')
    """
    region = queue_arn.split(":")[3]
    messages: list[SqsRecordDict] = []
    for event in events:
        body = _sns_message(event, f"arn:aws:sns:{region}:{_ACCOUNT}:s3") if through_sns else event
        text = json.dumps(body)
        messages.append(
            {
                "messageId": str(uuid.uuid4()),
                "receiptHandle": "AQEB" + uuid.uuid4().hex,
                "body": text,
                "attributes": {
                    "ApproximateReceiveCount": "1",
                    "SentTimestamp": "1710885708191",
                    "SenderId": "AIDAEXAMPLE",
                    "ApproximateFirstReceiveTimestamp": "1710885708202",
                },
                "messageAttributes": {},
                "md5OfBody": hashlib.md5(text.encode(), usedforsecurity=False).hexdigest(),
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": region,
            }
        )
    return {"Records": messages}


def via_sns(
    event: S3EventDict | S3TestEventDict,
    *,
    topic_arn: str = f"arn:aws:sns:us-east-1:{_ACCOUNT}:s3-notifications",
) -> SnsEventDict:
    """Wrap a notification as Lambda receives it from an SNS topic.

    >>> via_sns(make_event(bucket="b", key="k"))["Records"][0]["EventSource"]
    'aws:sns'
    """
    record = {
        "EventSource": "aws:sns",
        "EventVersion": "1.0",
        "EventSubscriptionArn": f"{topic_arn}:{uuid.uuid4()}",
        "Sns": _sns_message(event, topic_arn),
    }
    return cast("SnsEventDict", {"Records": [record]})


def via_eventbridge(event: S3EventDict, *, account: str = _ACCOUNT) -> EventBridgeS3EventDict:
    """Rewrite a one-record notification as the EventBridge event S3 sends for it.

    >>> via_eventbridge(make_event("ObjectCreated:Copy", bucket="b", key="k"))["detail-type"]
    'Object Created'
    """
    if len(event["Records"]) != 1:
        raise ValueError(
            f"EventBridge carries one object per event; got {len(event['Records'])} records:"
            " call via_eventbridge once per record"
        )
    record = event["Records"][0]
    name = parse_event_name(record["eventName"])
    detail_type, naming = detail_type_of(name)
    obj = record["s3"]["object"]
    detail_object: dict[str, object] = {"key": obj["key"]}
    for wire, bridge in (("size", "size"), ("eTag", "etag"), ("versionId", "version-id")):
        if wire in obj:
            detail_object[bridge] = cast("dict[str, object]", obj)[wire]
    sequencer = obj.get("sequencer")
    if isinstance(sequencer, str):
        detail_object["sequencer"] = sequencer.lower()
    bucket = record["s3"]["bucket"]["name"]
    bridged: dict[str, object] = {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": detail_type,
        "source": "aws.s3",
        "account": account,
        "time": record["eventTime"][:19] + "Z",
        "region": record["awsRegion"],
        "resources": [f"arn:aws:s3:::{bucket}"],
        "detail": {
            "version": "0",
            "event-version": "1.0",
            "bucket": {"name": bucket},
            "object": detail_object,
            "request-id": record.get("responseElements", {}).get("x-amz-request-id", "EXAMPLE"),
            "requester": record.get("userIdentity", {}).get("principalId", account),
            "source-ip-address": record.get("requestParameters", {}).get(
                "sourceIPAddress", "203.0.113.10"
            ),
            **naming,
        },
    }
    return cast("EventBridgeS3EventDict", bridged)
