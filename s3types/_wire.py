"""The wire shape as TypedDicts, for code that keeps raw dicts."""

from __future__ import annotations

from typing import Literal, TypedDict

from typing_extensions import NotRequired

__all__ = [
    "EventBridgeS3Detail",
    "EventBridgeS3EventDict",
    "S3BucketDict",
    "S3EntityDict",
    "S3EventDict",
    "S3EventRecordDict",
    "S3ObjectDict",
    "S3TestEventDict",
    "SnsEventDict",
    "SqsEventDict",
    "SqsRecordDict",
]


class PrincipalDict(TypedDict):
    """``userIdentity`` / ``ownerIdentity``."""

    principalId: str


class RequestParametersDict(TypedDict):
    sourceIPAddress: str


ResponseElementsDict = TypedDict(
    "ResponseElementsDict", {"x-amz-request-id": str, "x-amz-id-2": str}, total=False
)


class S3BucketDict(TypedDict):
    """``s3.bucket`` on the wire."""

    name: str
    ownerIdentity: NotRequired[PrincipalDict]
    arn: NotRequired[str]


class S3ObjectDict(TypedDict):
    """``s3.object`` on the wire (``key`` URL-encoded)."""

    key: str
    size: NotRequired[int]
    eTag: NotRequired[str]
    versionId: NotRequired[str]
    sequencer: NotRequired[str]


class S3EntityDict(TypedDict):
    """The ``s3`` block of a record on the wire."""

    s3SchemaVersion: NotRequired[str]
    configurationId: NotRequired[str]
    bucket: S3BucketDict
    object: S3ObjectDict


class S3EventRecordDict(TypedDict):
    """One record of an S3 event notification on the wire."""

    eventVersion: str
    eventSource: str
    awsRegion: str
    eventTime: str
    eventName: str
    userIdentity: NotRequired[PrincipalDict]
    requestParameters: NotRequired[RequestParametersDict]
    responseElements: NotRequired[ResponseElementsDict]
    s3: S3EntityDict


class S3EventDict(TypedDict):
    """A direct S3 event notification: ``{"Records": [...]}``.

    >>> from s3types.testing import make_event
    >>> event: S3EventDict = make_event(bucket="b", key="k")
    """

    Records: list[S3EventRecordDict]


class S3TestEventDict(TypedDict):
    """The ``s3:TestEvent`` message."""

    Service: str
    Event: Literal["s3:TestEvent"]
    Time: str
    Bucket: str
    RequestId: NotRequired[str]
    HostId: NotRequired[str]


class SqsRecordDict(TypedDict):
    """One SQS message as Lambda delivers it."""

    messageId: str
    receiptHandle: str
    body: str
    attributes: dict[str, str]
    messageAttributes: dict[str, object]
    md5OfBody: str
    eventSource: Literal["aws:sqs"]
    eventSourceARN: str
    awsRegion: str


class SqsEventDict(TypedDict):
    """An SQS batch as Lambda delivers it."""

    Records: list[SqsRecordDict]


class SnsMessageDict(TypedDict):
    Type: str
    MessageId: str
    TopicArn: str
    Subject: str
    Message: str
    Timestamp: str
    SignatureVersion: str
    Signature: str
    SigningCertUrl: str
    UnsubscribeUrl: str
    MessageAttributes: dict[str, object]


class SnsRecordDict(TypedDict):
    EventSource: str
    EventVersion: str
    EventSubscriptionArn: str
    Sns: SnsMessageDict


class SnsEventDict(TypedDict):
    """An SNS notification as Lambda delivers it."""

    Records: list[SnsRecordDict]


EventBridgeS3Detail = TypedDict(
    "EventBridgeS3Detail",
    {
        "version": str,
        # S3's schema version ("1.0"); "version" is EventBridge's envelope ("0").
        "event-version": NotRequired[str],
        "bucket": dict[str, str],
        "object": dict[str, object],
        "request-id": NotRequired[str],
        "requester": NotRequired[str],
        "source-ip-address": NotRequired[str],
        "reason": NotRequired[str],
        "deletion-type": NotRequired[str],
    },
)
EventBridgeS3EventDict = TypedDict(
    "EventBridgeS3EventDict",
    {
        "version": str,
        "id": str,
        "detail-type": str,
        "source": Literal["aws.s3"],
        "account": str,
        "time": str,
        "region": str,
        "resources": list[str],
        "detail": EventBridgeS3Detail,
    },
)
