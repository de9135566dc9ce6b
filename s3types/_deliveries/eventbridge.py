"""An EventBridge S3 event ("Object Created", "Object Deleted", ...), made a record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from s3types._deliveries._base import At, Carrier, as_mapping
from s3types._errors import S3EventError
from s3types._eventbridge import DETAIL_TYPES, eventbridge_to_record
from s3types._limits import check_record_depth
from s3types._model import Origin, S3EventRecord
from s3types._problems import from_validation, join

if TYPE_CHECKING:
    from s3types._deliveries._walk import Found

__all__ = ["EVENTBRIDGE"]

# Where a field of the rewritten record came from in the EventBridge event,
# so errors name what the user wrote (longest prefix wins).
_INPUT_NAMES = {
    "eventVersion": "detail.version",
    "awsRegion": "region",
    "eventTime": "time",
    "eventName": "detail-type",
    "s3.bucket.name": "detail.bucket.name",
    "s3.bucket.arn": "resources[0]",
    "s3.bucket": "detail.bucket",
    "s3.object.key": "detail.object.key",
    "s3.object.size": "detail.object.size",
    "s3.object.eTag": "detail.object.etag",
    "s3.object.versionId": "detail.object.version-id",
    "s3.object.sequencer": "detail.object.sequencer",
    "s3.object": "detail.object",
    "userIdentity.principalId": "detail.requester",
    "requestParameters.sourceIPAddress": "detail.source-ip-address",
    "responseElements.x-amz-request-id": "detail.request-id",
    "glacierEventData.restoreEventData.lifecycleRestorationExpiryTime": (
        "detail.restore-expiry-time"
    ),
    "lifecycleEventData.transitionEventData.destinationStorageClass": (
        "detail.destination-storage-class"
    ),
    "intelligentTieringEventData.destinationAccessTier": "detail.destination-access-tier",
    "eventBridge.detail": "detail",
    "eventBridge": "",
}


class EventBridge:
    """``{"source": "aws.s3", "detail-type": "Object Created", "detail": {...}}``."""

    name = "an EventBridge S3 event"
    carriers: frozenset[Carrier] = frozenset({"lambda", "sqs", "sns"})

    def claims(self, event: Mapping[str, Any]) -> bool:
        """True for ``source == "aws.s3"`` with an object-event detail-type (or detail)."""
        if event.get("source") != "aws.s3":
            return False
        detail_type = event.get("detail-type")
        if isinstance(detail_type, str) and detail_type in DETAIL_TYPES:
            return True
        detail = as_mapping(event.get("detail"))
        # A detail-type AWS adds later, with the object-event detail shape.
        return (
            isinstance(detail_type, str)
            and detail is not None
            and as_mapping(detail.get("object")) is not None
            and as_mapping(detail.get("bucket")) is not None
        )

    def unwrap(self, event: Mapping[str, Any], at: At, found: Found) -> None:
        """Validate the event as a notification record; errors name the event's own fields."""
        detail = event.get("detail")
        if not isinstance(detail, Mapping):
            where = join(at.path, "detail")
            raise S3EventError(f"{where}: expected the EventBridge detail object", path=where)
        try:
            wire = eventbridge_to_record(event)
            record: S3EventRecord = S3EventRecord.__pydantic_validator__.validate_python(wire)
        except ValidationError as err:
            raise from_validation(err, at.path, rename=_INPUT_NAMES) from None
        # Level 0: the record's eventBridge.detail then sits where detail does (level 2).
        check_record_depth(record, 0, at.path)
        if at.carrier == "lambda":
            origin = Origin("eventbridge", envelope=event)
        else:
            origin = at.origin.wrapping(event)
        found.add_records((record,), At(at.path, origin, at.carrier))


EVENTBRIDGE = EventBridge()
