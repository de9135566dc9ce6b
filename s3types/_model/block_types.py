"""The TypedDicts of the blocks a record keeps as validated dicts: what type checkers see.

Never imported at run time by the package (a TypedDict costs a cold start
tens of microseconds to define, and pydantic is handed written-out schemas
instead, see :mod:`s3types._model.wire`); the tests import it to hold each
written-out schema to the one pydantic builds of its TypedDict. The
validators in the annotations are the ones those schemas apply.
"""

from typing import Annotated

from pydantic import AfterValidator
from typing_extensions import Required, TypedDict

from s3types._model.fields import UtcDatetime
from s3types._values import check_bucket_name

__all__ = [
    "BucketWire",
    "GlacierWire",
    "IntelligentTieringWire",
    "LifecycleWire",
    "PrincipalWire",
    "ReplicationWire",
    "RequestParametersWire",
    "ResponseElementsWire",
    "RestoreWire",
    "TransitionWire",
]


class PrincipalWire(TypedDict, total=False):
    """``userIdentity`` / ``ownerIdentity`` as validated (unknown keys kept)."""

    principalId: str | None


class RequestParametersWire(TypedDict, total=False):
    """``requestParameters`` as validated (unknown keys kept)."""

    sourceIPAddress: str | None


ResponseElementsWire = TypedDict(
    "ResponseElementsWire",
    {"x-amz-request-id": str | None, "x-amz-id-2": str | None},
    total=False,
)


class BucketWire(TypedDict, total=False):
    """``s3.bucket`` as validated (unknown keys kept)."""

    name: Required[Annotated[str, AfterValidator(check_bucket_name)]]
    ownerIdentity: PrincipalWire | None
    arn: str | None


class RestoreWire(TypedDict, total=False):
    """``glacierEventData.restoreEventData`` as validated (unknown keys kept)."""

    lifecycleRestorationExpiryTime: UtcDatetime | None
    lifecycleRestoreStorageClass: str | None


class GlacierWire(TypedDict, total=False):
    """``glacierEventData`` as validated (unknown keys kept)."""

    restoreEventData: RestoreWire | None


class ReplicationWire(TypedDict, total=False):
    """``replicationEventData`` as validated (unknown keys kept)."""

    replicationRuleId: str | None
    destinationBucket: str | None
    s3Operation: str | None
    requestTime: str | None
    failureReason: str | None
    threshold: str | None
    replicationTime: str | None


class IntelligentTieringWire(TypedDict, total=False):
    """``intelligentTieringEventData`` as validated (unknown keys kept)."""

    destinationAccessTier: str | None


class TransitionWire(TypedDict, total=False):
    """``lifecycleEventData.transitionEventData`` as validated (unknown keys kept)."""

    destinationStorageClass: str | None


class LifecycleWire(TypedDict, total=False):
    """``lifecycleEventData`` as validated (unknown keys kept)."""

    transitionEventData: TransitionWire | None
