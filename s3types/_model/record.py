"""One notification record: :class:`S3EventRecord` and its conveniences."""

from functools import cached_property
from typing import TYPE_CHECKING, ClassVar

from pydantic import BaseModel, Field

from s3types._model.entities import S3Entity
from s3types._model.fields import CONFIG, EventNameField, EventVersionField, UtcDatetime
from s3types._model.origin import DIRECT, Origin
from s3types._model.wire import (
    GlacierField,
    IntelligentTieringField,
    LifecycleField,
    PrincipalField,
    ReplicationField,
    RequestParametersField,
    ResponseElementsField,
)
from s3types._values import Sequencer

if TYPE_CHECKING:
    from s3types._model.event_data import (
        GlacierEventData,
        IntelligentTieringEventData,
        LifecycleEventData,
        ReplicationEventData,
    )
    from s3types._model.identities import RequestParameters, ResponseElements, UserIdentity

__all__ = ["S3EventRecord"]


class S3EventRecord(BaseModel):
    """One S3 event notification record, validated and normalized.

    The conveniences (``bucket_name``, ``key``, ``size``, ``version_id``,
    ...) read the nested shape, which stays reachable in snake_case
    (``record.s3.bucket.arn``). ``origin`` says how the record was delivered.

    >>> from s3types.testing import make_event
    >>> from s3types import S3Event
    >>> event = S3Event.model_validate(make_event(bucket="photos", key="red flower.jpg"))
    >>> record = event.records[0]
    >>> record.bucket_name, record.key, record.raw_key
    ('photos', 'red flower.jpg', 'red+flower.jpg')
    """

    model_config = CONFIG

    #: How the record reached the function; set by ``parse_event`` for wrapped deliveries.
    origin: ClassVar[Origin] = DIRECT

    event_version: EventVersionField = Field(alias="eventVersion")
    event_source: str = Field(alias="eventSource")
    aws_region: str = Field(alias="awsRegion")
    event_time: UtcDatetime = Field(alias="eventTime")
    event_name: EventNameField = Field(alias="eventName")
    #: The identity and request blocks as they came; read them as models
    #: through ``user_identity``, ``request_parameters``, ``response_elements``.
    raw_user_identity: PrincipalField = Field(default=None, alias="userIdentity", repr=False)
    raw_request_parameters: RequestParametersField = Field(
        default=None, alias="requestParameters", repr=False
    )
    raw_response_elements: ResponseElementsField = Field(
        default=None, alias="responseElements", repr=False
    )
    s3: S3Entity
    #: The event-specific blocks as they came (validated); read them as
    #: models through ``glacier_event_data`` and its siblings.
    raw_glacier_event_data: GlacierField = Field(default=None, alias="glacierEventData")
    raw_replication_event_data: ReplicationField = Field(default=None, alias="replicationEventData")
    raw_intelligent_tiering_event_data: IntelligentTieringField = Field(
        default=None, alias="intelligentTieringEventData"
    )
    raw_lifecycle_event_data: LifecycleField = Field(default=None, alias="lifecycleEventData")

    @cached_property
    def user_identity(self) -> "UserIdentity | None":
        """``userIdentity``: who made the request, if S3 sent it."""
        from s3types._model.identities import UserIdentity

        wire = self.raw_user_identity
        return None if wire is None else UserIdentity.model_validate(wire)

    @cached_property
    def request_parameters(self) -> "RequestParameters | None":
        """``requestParameters``: where the request came from, if S3 sent it."""
        from s3types._model.identities import RequestParameters

        wire = self.raw_request_parameters
        return None if wire is None else RequestParameters.model_validate(wire)

    @cached_property
    def response_elements(self) -> "ResponseElements | None":
        """``responseElements``: S3's request ids, if S3 sent them."""
        from s3types._model.identities import ResponseElements

        wire = self.raw_response_elements
        return None if wire is None else ResponseElements.model_validate(wire)

    @cached_property
    def glacier_event_data(self) -> "GlacierEventData | None":
        """``glacierEventData``: the restore of an ObjectRestore:Completed record."""
        from s3types._model.event_data import GlacierEventData

        wire = self.raw_glacier_event_data
        return None if wire is None else GlacierEventData.model_validate(wire)

    @cached_property
    def replication_event_data(self) -> "ReplicationEventData | None":
        """``replicationEventData``: what a Replication:* record reports."""
        from s3types._model.event_data import ReplicationEventData

        wire = self.raw_replication_event_data
        return None if wire is None else ReplicationEventData.model_validate(wire)

    @cached_property
    def intelligent_tiering_event_data(self) -> "IntelligentTieringEventData | None":
        """``intelligentTieringEventData``: the tier an IntelligentTiering record moved to."""
        from s3types._model.event_data import IntelligentTieringEventData

        wire = self.raw_intelligent_tiering_event_data
        return None if wire is None else IntelligentTieringEventData.model_validate(wire)

    @cached_property
    def lifecycle_event_data(self) -> "LifecycleEventData | None":
        """``lifecycleEventData``: the transition of a LifecycleTransition record."""
        from s3types._model.event_data import LifecycleEventData

        wire = self.raw_lifecycle_event_data
        return None if wire is None else LifecycleEventData.model_validate(wire)

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

    @property
    def idempotency_key(self) -> str:
        """One string for every delivery of this notification (64 hex digits).

        Bucket, key (decoded), version id, sequencer (by S3's rule: case and
        trailing zeros ignored) and event name make two notifications the
        same, whichever way each came; without a sequencer (moto sends none)
        event time and ETag stand in for it, so two writes of the same bytes
        in one millisecond look like one. The SHA-256 of those fields, so it
        fits any store's key; stable across releases.
        """
        from s3types._at_least_once import idempotency_key

        return idempotency_key(self)
