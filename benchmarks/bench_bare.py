"""The floor: a bare nested pydantic model of the notification's shape.

Same nesting and fields as ``s3types.S3Event`` (frozen, extra="allow"), wire
names as field names, and no normalization at all: the key stays encoded,
``size`` is a lax ``int``, the version id, event name, event version,
sequencer and event time stay strings.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["BareEvent"]


class _Bare(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow")


class BareIdentity(_Bare):
    """``userIdentity`` / ``ownerIdentity``."""

    principalId: str | None = None


class BareRequestParameters(_Bare):
    """``requestParameters``."""

    sourceIPAddress: str | None = None


class BareResponseElements(_Bare):
    """``responseElements``."""

    x_amz_request_id: str | None = Field(default=None, alias="x-amz-request-id")
    x_amz_id_2: str | None = Field(default=None, alias="x-amz-id-2")


class BareBucket(_Bare):
    """``s3.bucket``."""

    name: str
    ownerIdentity: BareIdentity | None = None
    arn: str | None = None


class BareObject(_Bare):
    """``s3.object``, key as sent."""

    key: str
    size: int | None = None
    eTag: str | None = None
    versionId: str | None = None
    sequencer: str | None = None


class BareEntity(_Bare):
    """``s3``."""

    s3SchemaVersion: str | None = None
    configurationId: str | None = None
    bucket: BareBucket
    object: BareObject


class BareRestoreEventData(_Bare):
    """``glacierEventData.restoreEventData``."""

    lifecycleRestorationExpiryTime: str | None = None
    lifecycleRestoreStorageClass: str | None = None


class BareGlacierEventData(_Bare):
    """``glacierEventData``."""

    restoreEventData: BareRestoreEventData | None = None


class BareReplicationEventData(_Bare):
    """``replicationEventData``."""

    replicationRuleId: str | None = None
    destinationBucket: str | None = None
    s3Operation: str | None = None
    requestTime: str | None = None
    failureReason: str | None = None
    threshold: str | None = None
    replicationTime: str | None = None


class BareIntelligentTieringEventData(_Bare):
    """``intelligentTieringEventData``."""

    destinationAccessTier: str | None = None


class BareTransitionEventData(_Bare):
    """``lifecycleEventData.transitionEventData``."""

    destinationStorageClass: str | None = None


class BareLifecycleEventData(_Bare):
    """``lifecycleEventData``."""

    transitionEventData: BareTransitionEventData | None = None


class BareRecord(_Bare):
    """One record."""

    eventVersion: str
    eventSource: str
    awsRegion: str
    eventTime: str
    eventName: str
    userIdentity: BareIdentity | None = None
    requestParameters: BareRequestParameters | None = None
    responseElements: BareResponseElements | None = None
    s3: BareEntity
    glacierEventData: BareGlacierEventData | None = None
    replicationEventData: BareReplicationEventData | None = None
    intelligentTieringEventData: BareIntelligentTieringEventData | None = None
    lifecycleEventData: BareLifecycleEventData | None = None


class BareEvent(_Bare):
    """``{"Records": [...]}``."""

    Records: tuple[BareRecord, ...]
