"""The event-specific blocks of a record as models: restore, replication, tiering, lifecycle.

A record keeps these blocks as validated dicts (:mod:`s3types._model.wire`);
``record.glacier_event_data`` and its siblings import this module the first
time one is read, so a cold start that never reads them never defines them.
"""

from pydantic import BaseModel, Field

from s3types._model.fields import CONFIG, UtcDatetime

__all__ = [
    "GlacierEventData",
    "IntelligentTieringEventData",
    "LifecycleEventData",
    "ReplicationEventData",
    "RestoreEventData",
    "TransitionEventData",
]


class RestoreEventData(BaseModel):
    """``glacierEventData.restoreEventData`` of an ObjectRestore:Completed record.

    >>> data = RestoreEventData.model_validate({"lifecycleRestoreStorageClass": "GLACIER"})
    >>> data.lifecycle_restore_storage_class
    'GLACIER'
    """

    model_config = CONFIG
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

    model_config = CONFIG
    restore_event_data: RestoreEventData | None = Field(default=None, alias="restoreEventData")


class ReplicationEventData(BaseModel):
    """``replicationEventData`` (Replication:* events).

    >>> data = ReplicationEventData.model_validate({"failureReason": "AssumeRoleNotPermitted"})
    >>> data.failure_reason
    'AssumeRoleNotPermitted'
    """

    model_config = CONFIG
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

    model_config = CONFIG
    destination_access_tier: str | None = Field(default=None, alias="destinationAccessTier")


class TransitionEventData(BaseModel):
    """``lifecycleEventData.transitionEventData`` (LifecycleTransition events).

    >>> TransitionEventData.model_validate({"destinationStorageClass": "GLACIER"})
    TransitionEventData(destination_storage_class='GLACIER')
    """

    model_config = CONFIG
    destination_storage_class: str | None = Field(default=None, alias="destinationStorageClass")


class LifecycleEventData(BaseModel):
    """``lifecycleEventData`` (LifecycleTransition events).

    >>> LifecycleEventData.model_validate({}).transition_event_data is None
    True
    """

    model_config = CONFIG
    transition_event_data: TransitionEventData | None = Field(
        default=None, alias="transitionEventData"
    )
