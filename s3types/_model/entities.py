"""The pydantic model of an S3 event notification.

Python names are snake_case; the wire's names are aliases. Every
normalization happens once, at validation, in pydantic-core where a type
does it and in one small function where it cannot.

Import cost matters here (it is most of ``import s3types``, paid on every
Lambda cold start), so this module does without ``from __future__ import
annotations``: pydantic would otherwise turn each of the ~60 field
annotations back from a string into a type. The annotations only use
syntax Python 3.10 evaluates (``X | None``, ``tuple[X, ...]``).
"""

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    with_config,
)
from typing_extensions import Required, TypedDict

from s3types._names import EventName, parse_event_name
from s3types._values import (
    EventVersion,
    Sequencer,
    decode_key,
    parse_event_version,
    parse_size,
    to_utc,
    version_id_or_none,
)

__all__ = [
    "GlacierEventData",
    "IntelligentTieringEventData",
    "LifecycleEventData",
    "Origin",
    "ReplicationEventData",
    "RequestParameters",
    "ResponseElements",
    "RestoreEventData",
    "S3Bucket",
    "S3Entity",
    "S3Event",
    "S3EventRecord",
    "S3Object",
    "S3TestEvent",
    "TransitionEventData",
    "UserIdentity",
]

UtcDatetime = Annotated[datetime, AfterValidator(to_utc)]
_EventNameField = Annotated[
    EventName, PlainValidator(parse_event_name), PlainSerializer(str, return_type=str)
]
_EventVersionField = Annotated[
    EventVersion, PlainValidator(parse_event_version), PlainSerializer(str, return_type=str)
]
_SizeField = Annotated[int | None, PlainValidator(parse_size)]
_VersionIdField = Annotated[str | None, AfterValidator(version_id_or_none)]

# defer_build: each model's validator is built when first used, not at
# import. A notification only ever needs S3Event's (which covers the nested
# models), so the fifteen others are never built on the hot path.
_CONFIG = ConfigDict(frozen=True, extra="allow", serialize_by_alias=True, defer_build=True)


# The identity and request blocks are validated as dicts and made models
# only when read: few handlers read them, and four fewer models per record
# is ~30% less validation time. Unknown keys are kept, as everywhere.
_OPEN = ConfigDict(extra="allow")


@with_config(_OPEN)
class _PrincipalWire(TypedDict, total=False):
    principalId: str | None


@with_config(_OPEN)
class _RequestParametersWire(TypedDict, total=False):
    sourceIPAddress: str | None


@with_config(_OPEN)
class _BucketWire(TypedDict, total=False):
    name: Required[str]
    ownerIdentity: _PrincipalWire | None
    arn: str | None


_ResponseElementsWire = TypedDict(
    "_ResponseElementsWire",
    {"x-amz-request-id": str | None, "x-amz-id-2": str | None},
    total=False,
)
# What @with_config does; its names are not identifiers, so no class syntax.
_ResponseElementsWire.__pydantic_config__ = _OPEN  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: the outermost delivery service and its message.

    ``service`` is ``"s3"`` (a direct notification), ``"sqs"``, ``"sns"`` or
    ``"eventbridge"``. ``message_id`` (and ``receipt_handle``) are the SQS
    message's when the record came through SQS (also SNS inside SQS), so a
    handler can report partial batch failures.

    >>> Origin("sqs", "059f36b4-87a3-44ab-83d2-661975830a7d").service
    'sqs'
    """

    service: Literal["s3", "sqs", "sns", "eventbridge"]
    message_id: str | None = None
    receipt_handle: str | None = None


DIRECT = Origin("s3")


class UserIdentity(BaseModel):
    """``userIdentity`` / ``ownerIdentity``: the principal.

    >>> UserIdentity.model_validate({"principalId": "AWS:AIDA..."}).principal_id
    'AWS:AIDA...'
    """

    model_config = _CONFIG
    principal_id: str | None = Field(default=None, alias="principalId")


class RequestParameters(BaseModel):
    """``requestParameters``: where the request came from.

    >>> RequestParameters.model_validate({"sourceIPAddress": "1.2.3.4"}).source_ip_address
    '1.2.3.4'
    """

    model_config = _CONFIG
    source_ip_address: str | None = Field(default=None, alias="sourceIPAddress")


class ResponseElements(BaseModel):
    """``responseElements``: S3's request ids, for AWS support.

    >>> ResponseElements.model_validate({"x-amz-request-id": "C3D1"}).x_amz_request_id
    'C3D1'
    """

    model_config = _CONFIG
    x_amz_request_id: str | None = Field(default=None, alias="x-amz-request-id")
    x_amz_id_2: str | None = Field(default=None, alias="x-amz-id-2")


class S3Bucket(BaseModel):
    """``s3.bucket``: name, owner and ARN.

    >>> S3Bucket.model_validate({"name": "photos", "arn": "arn:aws:s3:::photos"}).name
    'photos'
    """

    model_config = _CONFIG
    name: str
    #: ``ownerIdentity`` as it came; read it as ``owner_identity``.
    raw_owner_identity: _PrincipalWire | None = Field(
        default=None, alias="ownerIdentity", repr=False
    )
    arn: str | None = None

    @cached_property
    def owner_identity(self) -> UserIdentity | None:
        """``ownerIdentity``: the bucket owner's principal, if S3 sent it."""
        wire = self.raw_owner_identity
        return None if wire is None else UserIdentity.model_validate(wire)

    def __hash__(self) -> int:
        return hash((self.name, self.arn))


class S3Object(BaseModel):
    """``s3.object``: key (decoded), wire key, size, ETag, version id, sequencer.

    ``key`` is URL-decoded; ``raw_key`` is the key as it came and is what
    ``model_dump(by_alias=True)`` writes back under ``"key"``.

    >>> obj = S3Object.model_validate({"key": "red+flower.jpg", "size": "3"})
    >>> obj.key, obj.raw_key, obj.size
    ('red flower.jpg', 'red+flower.jpg', 3)
    """

    model_config = _CONFIG
    key: Annotated[str, AfterValidator(decode_key)] = Field(validation_alias="key", exclude=True)
    # AliasChoices: one wire name feeds two fields (mypy's pydantic plugin
    # would otherwise see "key" twice in __init__).
    raw_key: str = Field(validation_alias=AliasChoices("key"), serialization_alias="key")
    size: _SizeField = None
    etag: str | None = Field(default=None, alias="eTag")
    version_id: _VersionIdField = Field(default=None, alias="versionId")
    #: ``sequencer`` as it came; read it as ``sequencer`` (ordered by S3's rule).
    raw_sequencer: str | None = Field(default=None, alias="sequencer", repr=False)

    @cached_property
    def sequencer(self) -> Sequencer | None:
        """The sequencer that orders events for the same key, if S3 sent one.

        >>> a = S3Object.model_validate({"key": "k", "sequencer": "0055AED6DC"})
        >>> a.sequencer < S3Object.model_validate({"key": "k", "sequencer": "0055AED6DD"}).sequencer
        True
        """
        raw = self.raw_sequencer
        return None if raw is None else Sequencer(raw)


class S3Entity(BaseModel):
    """The ``s3`` block of a record: bucket and object.

    >>> S3Entity.model_validate({"bucket": {"name": "b"}, "object": {"key": "k"}}).object.key
    'k'
    """

    model_config = _CONFIG
    s3_schema_version: str | None = Field(default=None, alias="s3SchemaVersion")
    configuration_id: str | None = Field(default=None, alias="configurationId")
    #: ``bucket`` as it came (validated); read it as ``bucket``.
    raw_bucket: _BucketWire = Field(alias="bucket", repr=False)
    object: S3Object

    @cached_property
    def bucket(self) -> S3Bucket:
        """``s3.bucket``: name, owner and ARN (a model built on first read)."""
        return S3Bucket.model_validate(self.raw_bucket)

    def __hash__(self) -> int:
        return hash((self.raw_bucket["name"], self.object))


class RestoreEventData(BaseModel):
    """``glacierEventData.restoreEventData`` of an ObjectRestore:Completed record.

    >>> data = RestoreEventData.model_validate({"lifecycleRestoreStorageClass": "GLACIER"})
    >>> data.lifecycle_restore_storage_class
    'GLACIER'
    """

    model_config = _CONFIG
    lifecycle_restoration_expiry_time: UtcDatetime | None = Field(
        default=None, alias="lifecycleRestorationExpiryTime"
    )
    lifecycle_restore_storage_class: str | None = Field(
        default=None, alias="lifecycleRestoreStorageClass"
    )


class GlacierEventData(BaseModel):
    """``glacierEventData`` (restore events).

    >>> GlacierEventData.model_validate({"restoreEventData": {}}).restore_event_data is not None
    True
    """

    model_config = _CONFIG
    restore_event_data: RestoreEventData | None = Field(default=None, alias="restoreEventData")


class ReplicationEventData(BaseModel):
    """``replicationEventData`` (Replication:* events).

    >>> data = ReplicationEventData.model_validate({"failureReason": "AssumeRoleNotPermitted"})
    >>> data.failure_reason
    'AssumeRoleNotPermitted'
    """

    model_config = _CONFIG
    replication_rule_id: str | None = Field(default=None, alias="replicationRuleId")
    destination_bucket: str | None = Field(default=None, alias="destinationBucket")
    s3_operation: str | None = Field(default=None, alias="s3Operation")
    request_time: str | None = Field(default=None, alias="requestTime")
    failure_reason: str | None = Field(default=None, alias="failureReason")
    threshold: str | None = None
    replication_time: str | None = Field(default=None, alias="replicationTime")


class IntelligentTieringEventData(BaseModel):
    """``intelligentTieringEventData`` (IntelligentTiering events).

    >>> IntelligentTieringEventData.model_validate(
    ...     {"destinationAccessTier": "ARCHIVE_ACCESS"}).destination_access_tier
    'ARCHIVE_ACCESS'
    """

    model_config = _CONFIG
    destination_access_tier: str | None = Field(default=None, alias="destinationAccessTier")


class TransitionEventData(BaseModel):
    """``lifecycleEventData.transitionEventData`` (LifecycleTransition events).

    >>> TransitionEventData.model_validate({"destinationStorageClass": "GLACIER"})
    TransitionEventData(destination_storage_class='GLACIER')
    """

    model_config = _CONFIG
    destination_storage_class: str | None = Field(default=None, alias="destinationStorageClass")


class LifecycleEventData(BaseModel):
    """``lifecycleEventData`` (LifecycleTransition events).

    >>> LifecycleEventData.model_validate({}).transition_event_data is None
    True
    """

    model_config = _CONFIG
    transition_event_data: TransitionEventData | None = Field(
        default=None, alias="transitionEventData"
    )


class S3EventRecord(BaseModel):
    """One S3 event notification record, validated and normalized.

    The conveniences (``bucket_name``, ``key``, ``size``, ``version_id``,
    ...) read the nested shape, which stays reachable in snake_case
    (``record.s3.bucket.arn``). ``origin`` says how the record was delivered.

    >>> from s3types.testing import make_event
    >>> event = S3Event.model_validate(make_event(bucket="photos", key="red flower.jpg"))
    >>> record = event.records[0]
    >>> record.bucket_name, record.key, record.raw_key
    ('photos', 'red flower.jpg', 'red+flower.jpg')
    """

    model_config = _CONFIG

    #: How the record reached the function; set by ``parse_event`` for wrapped deliveries.
    origin: ClassVar[Origin] = DIRECT

    event_version: _EventVersionField = Field(alias="eventVersion")
    event_source: str = Field(alias="eventSource")
    aws_region: str = Field(alias="awsRegion")
    event_time: UtcDatetime = Field(alias="eventTime")
    event_name: _EventNameField = Field(alias="eventName")
    #: The identity and request blocks as they came; read them as models
    #: through ``user_identity``, ``request_parameters``, ``response_elements``.
    raw_user_identity: _PrincipalWire | None = Field(default=None, alias="userIdentity", repr=False)
    raw_request_parameters: _RequestParametersWire | None = Field(
        default=None, alias="requestParameters", repr=False
    )
    raw_response_elements: _ResponseElementsWire | None = Field(
        default=None, alias="responseElements", repr=False
    )
    s3: S3Entity
    glacier_event_data: GlacierEventData | None = Field(default=None, alias="glacierEventData")
    replication_event_data: ReplicationEventData | None = Field(
        default=None, alias="replicationEventData"
    )
    intelligent_tiering_event_data: IntelligentTieringEventData | None = Field(
        default=None, alias="intelligentTieringEventData"
    )
    lifecycle_event_data: LifecycleEventData | None = Field(
        default=None, alias="lifecycleEventData"
    )

    @cached_property
    def user_identity(self) -> UserIdentity | None:
        """``userIdentity``: who made the request, if S3 sent it."""
        wire = self.raw_user_identity
        return None if wire is None else UserIdentity.model_validate(wire)

    @cached_property
    def request_parameters(self) -> RequestParameters | None:
        """``requestParameters``: where the request came from, if S3 sent it."""
        wire = self.raw_request_parameters
        return None if wire is None else RequestParameters.model_validate(wire)

    @cached_property
    def response_elements(self) -> ResponseElements | None:
        """``responseElements``: S3's request ids, if S3 sent them."""
        wire = self.raw_response_elements
        return None if wire is None else ResponseElements.model_validate(wire)

    def __hash__(self) -> int:
        # Equal records have equal values here (equality compares every field).
        return hash((self.event_name, self.event_time, self.s3))

    @property
    def bucket_name(self) -> str:
        """The bucket's name (``s3.bucket.name``)."""
        return self.s3.raw_bucket["name"]

    @property
    def key(self) -> str:
        """The object key, URL-decoded (``"red+flower.jpg"`` -> ``"red flower.jpg"``)."""
        return self.s3.object.key

    @property
    def raw_key(self) -> str:
        """The object key exactly as it came on the wire (URL-encoded)."""
        return self.s3.object.raw_key

    @property
    def size(self) -> int | None:
        """The object size in bytes; None where S3 sends none (deletes)."""
        return self.s3.object.size

    @property
    def etag(self) -> str | None:
        """The object's ETag; None where S3 sends none (deletes)."""
        return self.s3.object.etag

    @property
    def version_id(self) -> str | None:
        """The object version id; None when absent, null, ``""`` or ``"null"``."""
        return self.s3.object.version_id

    @property
    def sequencer(self) -> Sequencer | None:
        """The sequencer that orders events for the same key, if S3 sent one."""
        return self.s3.object.sequencer

    @property
    def region(self) -> str:
        """The AWS region of the bucket (``awsRegion``)."""
        return self.aws_region


class S3TestEvent(BaseModel):
    """The ``s3:TestEvent`` message S3 sends when a notification is configured.

    >>> S3TestEvent.model_validate({"Service": "Amazon S3", "Event": "s3:TestEvent",
    ...     "Time": "2014-10-13T15:57:02.089Z", "Bucket": "b"}).bucket
    'b'
    """

    model_config = _CONFIG
    service: str = Field(alias="Service")
    event: Literal["s3:TestEvent"] = Field(alias="Event")
    time: UtcDatetime = Field(alias="Time")
    bucket: str = Field(alias="Bucket")
    request_id: str | None = Field(default=None, alias="RequestId")
    host_id: str | None = Field(default=None, alias="HostId")


class S3Event(BaseModel):
    """An S3 event notification (``{"Records": [...]}``), validated and normalized.

    ``S3Event.model_validate`` takes the direct notification; use
    :func:`s3types.parse_event` for every other delivery (SQS, SNS,
    EventBridge, the test event, JSON text).

    >>> from s3types.testing import make_event
    >>> event = S3Event.model_validate(make_event(bucket="b", key="a+b.txt", size=3))
    >>> [(r.key, r.size) for r in event.records]
    [('a+b.txt', 3)]
    """

    model_config = _CONFIG

    #: Set by ``parse_event`` when the input was S3's ``s3:TestEvent``.
    test_event: ClassVar[S3TestEvent | None] = None

    records: tuple[S3EventRecord, ...] = Field(alias="Records")

    @property
    def is_test_event(self) -> bool:
        """True when this is the ``s3:TestEvent`` S3 sends on setup (it has no records)."""
        return self.test_event is not None
