"""EventBridge "Object Created"/"Object Deleted"/... events as notification records."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from s3types._catalog import EVENTBRIDGE_FORMS
from s3types._names import EventName
from s3types._narrow import as_list, as_mapping

__all__ = ["DETAIL_TYPES", "detail_type_of", "eventbridge_to_record"]

# From the one catalog of event types: (detail-type, reason, deletion-type) -> name.
_BY_FORM = {form: EventName(name) for name, form in EVENTBRIDGE_FORMS.items()}
_CREATED_BY_REASON = {
    form[1]: member for form, member in _BY_FORM.items() if form[0] == "Object Created"
}
_SIMPLE = {form[0]: member for form, member in _BY_FORM.items() if form[1] is None}

#: Every S3 detail-type EventBridge documents.
DETAIL_TYPES = frozenset({"Object Created", "Object Deleted", *_SIMPLE})


# What S3-compatible producers write as the reason: LocalStack the API
# operation ("PostObject") or the whole event type
# ("s3:ObjectCreated:CompleteMultipartUpload"), moto the event name's action
# ("Post", "CompleteMultipartUpload"); compared without case or spaces.
_CREATED_BY_REASON_VARIANT = {
    "putobject": EventName.OBJECT_CREATED_PUT,
    "put": EventName.OBJECT_CREATED_PUT,
    "postobject": EventName.OBJECT_CREATED_POST,
    "post": EventName.OBJECT_CREATED_POST,
    "copyobject": EventName.OBJECT_CREATED_COPY,
    "copy": EventName.OBJECT_CREATED_COPY,
    "completemultipartupload": EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD,
    "multipartupload": EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD,
}


def _created_by(reason: object) -> EventName | None:
    if not isinstance(reason, str):
        return None
    known = _CREATED_BY_REASON.get(reason)
    if known is not None or len(reason) > 60:
        return known
    if reason.startswith(("s3:ObjectCreated:", "ObjectCreated:")):
        reason = reason.rpartition(":")[2]
    return _CREATED_BY_REASON_VARIANT.get(reason.replace(" ", "").replace("_", "").lower())


def event_name_of(detail_type: str, detail: Mapping[str, Any]) -> str:
    """The S3 event name a detail-type (and its reason / deletion-type) maps to.

    >>> event_name_of("Object Created", {"reason": "PostObject"})
    'ObjectCreated:Post'
    """
    if detail_type == "Object Created":
        known = _created_by(detail.get("reason"))
        return known.value if known is not None else "ObjectCreated"
    if detail_type == "Object Deleted":
        category = (
            "LifecycleExpiration"
            if detail.get("reason") == "Lifecycle Expiration"
            else "ObjectRemoved"
        )
        marker = detail.get("deletion-type") == "Delete Marker Created"
        return f"{category}:{'DeleteMarkerCreated' if marker else 'Delete'}"
    simple = _SIMPLE.get(detail_type)
    if simple is not None:
        return simple.value
    # A detail-type AWS adds later: keep the event, named after it.
    return "".join(word.capitalize() for word in detail_type.split() if word.isalpha())


def detail_type_of(name: EventName) -> tuple[str, dict[str, str]]:
    """The EventBridge detail-type and the detail fields that say which S3 event it was."""
    form = EVENTBRIDGE_FORMS.get(name.value)
    if form is None:
        if name.category == "ObjectCreated":
            form = ("Object Created", "PutObject", None)
        elif name.category in ("ObjectRemoved", "LifecycleExpiration"):
            form = EVENTBRIDGE_FORMS[f"{name.category}:Delete"]
        else:
            raise ValueError(f"S3 does not send {name.value} events to EventBridge")
    detail_type, reason, deletion = form
    fields = {"reason": reason} if reason is not None else {}
    if deletion is not None:
        fields["deletion-type"] = deletion
    return detail_type, fields


def eventbridge_to_record(event: Mapping[str, Any]) -> dict[str, Any]:
    """Rewrite one EventBridge S3 event as a notification record (validated later)."""
    detail = as_mapping(event["detail"])
    if detail is None:
        raise TypeError("detail")
    detail_type: object = event.get("detail-type")
    bucket = as_mapping(detail.get("bucket"))
    obj = as_mapping(detail.get("object"))
    bucket_name: object = bucket.get("name") if bucket is not None else None
    resources = as_list(event.get("resources"))
    arn: object = resources[0] if resources else None
    wire_object: dict[str, Any] = {}
    if obj is not None:
        wire_object["key"] = obj.get("key")
        for source, target in (
            ("size", "size"),
            ("etag", "eTag"),
            ("eTag", "eTag"),  # moto writes eTag
            ("version-id", "versionId"),
            ("sequencer", "sequencer"),
        ):
            if source in obj:
                wire_object[target] = obj[source]
        # Fields a notification's object has no name for are kept under their
        # EventBridge names, as the object's extras.
        for name, value in obj.items():
            if name not in _OBJECT_FIELDS:
                wire_object[name] = value
    record: dict[str, Any] = {
        # S3's own schema version is detail.event-version ("1.0"); detail.version
        # ("0") is EventBridge's envelope, "not used for schema versioning"
        # (S3 User Guide, "EventBridge event message structure"). Older events
        # have only detail.version. Both stay under eventBridge.detail.
        "eventVersion": detail.get("event-version", detail.get("version")),
        "eventSource": "aws:s3",
        "awsRegion": event.get("region"),
        "eventTime": event.get("time"),
        "eventName": event_name_of(detail_type, detail) if isinstance(detail_type, str) else None,
        "s3": {
            "s3SchemaVersion": "1.0",
            "bucket": _wire_bucket(bucket, bucket_name, arn),
            "object": wire_object,
        },
    }
    if "requester" in detail:
        record["userIdentity"] = {"principalId": detail["requester"]}
    if "source-ip-address" in detail:
        record["requestParameters"] = {"sourceIPAddress": detail["source-ip-address"]}
    if "request-id" in detail:
        record["responseElements"] = {"x-amz-request-id": detail["request-id"]}
    if "restore-expiry-time" in detail:
        record["glacierEventData"] = {
            "restoreEventData": {"lifecycleRestorationExpiryTime": detail["restore-expiry-time"]}
        }
    if "destination-storage-class" in detail:
        record["lifecycleEventData"] = {
            "transitionEventData": {"destinationStorageClass": detail["destination-storage-class"]}
        }
    if "destination-access-tier" in detail:
        record["intelligentTieringEventData"] = {
            "destinationAccessTier": detail["destination-access-tier"]
        }
    # What EventBridge says that a notification has no field for stays reachable.
    # Every top-level field but detail (replay-name, every resource, ...) and
    # every detail field but bucket and object, under EventBridge's names.
    record["eventBridge"] = {
        **{k: v for k, v in event.items() if k != "detail"},
        "detail": {k: v for k, v in detail.items() if k not in ("bucket", "object")},
    }
    return record


_OBJECT_FIELDS = frozenset({"key", "size", "etag", "eTag", "version-id", "sequencer"})


def _wire_bucket(bucket: Mapping[str, Any] | None, name: object, arn: object) -> dict[str, Any]:
    wire: dict[str, Any] = {"name": name}
    if arn is not None:
        wire["arn"] = arn
    if bucket is not None:
        # Unknown bucket fields are kept as the bucket's extras.
        wire.update((k, v) for k, v in bucket.items() if k != "name")
    return wire
