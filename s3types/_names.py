"""S3 event names: the documented ones, plus any well-formed name AWS adds later."""

from __future__ import annotations

import re
from enum import Enum

__all__ = ["EventName", "parse_event_name"]

# "Category" or "Category:Action", letters only (after an optional "s3:").
# Compiled on first use (``re`` caches it): only names AWS adds later need it.
_WELL_FORMED = r"[A-Za-z]+(?::[A-Za-z]+)?"


class EventName(str, Enum):
    """The type of an S3 event, as S3 names it in ``eventName``.

    A ``str`` Enum of every concrete event type of the catalog
    (``s3types._catalog.EVENT_NAMES``, which a test holds it to: the members
    are written out so type checkers see them). A well-formed name that
    AWS adds later still parses: it becomes a member-like value that compares
    equal to its string. The ``s3:`` prefix MinIO and Ceph send is dropped.

    >>> EventName("s3:ObjectCreated:Put") is EventName.OBJECT_CREATED_PUT
    True
    >>> EventName.OBJECT_CREATED_PUT == "ObjectCreated:Put"
    True
    >>> EventName.OBJECT_CREATED_PUT.matches("s3:ObjectCreated:*")
    True
    """

    OBJECT_CREATED_PUT = "ObjectCreated:Put"
    OBJECT_CREATED_POST = "ObjectCreated:Post"
    OBJECT_CREATED_COPY = "ObjectCreated:Copy"
    OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD = "ObjectCreated:CompleteMultipartUpload"
    OBJECT_REMOVED_DELETE = "ObjectRemoved:Delete"
    OBJECT_REMOVED_DELETE_MARKER_CREATED = "ObjectRemoved:DeleteMarkerCreated"
    OBJECT_RESTORE_POST = "ObjectRestore:Post"
    OBJECT_RESTORE_COMPLETED = "ObjectRestore:Completed"
    OBJECT_RESTORE_DELETE = "ObjectRestore:Delete"
    REDUCED_REDUNDANCY_LOST_OBJECT = "ReducedRedundancyLostObject"
    REPLICATION_OPERATION_FAILED_REPLICATION = "Replication:OperationFailedReplication"
    REPLICATION_OPERATION_MISSED_THRESHOLD = "Replication:OperationMissedThreshold"
    REPLICATION_OPERATION_REPLICATED_AFTER_THRESHOLD = (
        "Replication:OperationReplicatedAfterThreshold"
    )
    REPLICATION_OPERATION_NOT_TRACKED = "Replication:OperationNotTracked"
    LIFECYCLE_EXPIRATION_DELETE = "LifecycleExpiration:Delete"
    LIFECYCLE_EXPIRATION_DELETE_MARKER_CREATED = "LifecycleExpiration:DeleteMarkerCreated"
    LIFECYCLE_TRANSITION = "LifecycleTransition"
    INTELLIGENT_TIERING = "IntelligentTiering"
    OBJECT_TAGGING_PUT = "ObjectTagging:Put"
    OBJECT_TAGGING_DELETE = "ObjectTagging:Delete"
    OBJECT_ACL_PUT = "ObjectAcl:Put"
    OBJECT_ANNOTATION_PUT = "ObjectAnnotation:Put"
    OBJECT_ANNOTATION_DELETE = "ObjectAnnotation:Delete"
    OBJECT_RETENTION_PUT = "ObjectRetention:Put"
    MULTIPART_UPLOAD_PART_UPLOADED = "MultipartUpload:PartUploaded"
    MULTIPART_UPLOAD_PART_COPIED = "MultipartUpload:PartCopied"
    MULTIPART_UPLOAD_ABORTED = "MultipartUpload:Aborted"

    # Equal to its string, so it must hash like it too (Enum hashes the name).
    __hash__ = str.__hash__

    def __str__(self) -> str:
        return self._value_

    def __format__(self, format_spec: str) -> str:
        return self._value_.__format__(format_spec)

    @classmethod
    def _missing_(cls, value: object) -> EventName | None:
        if not isinstance(value, str):
            return None
        name = value[3:] if value.startswith("s3:") else value
        known = cls._value2member_map_.get(name)
        if known is not None:
            return known  # type: ignore[return-value]
        if not re.fullmatch(_WELL_FORMED, name):
            return None
        # A name AWS added after this release: a pseudo-member, not cached, so
        # arbitrary input cannot grow the class.
        member = str.__new__(cls, name)
        member._name_ = name
        member._value_ = name
        return member

    @property
    def category(self) -> str:
        """The part before ":" (``"ObjectCreated"`` for ``ObjectCreated:Put``).

        >>> EventName.OBJECT_REMOVED_DELETE.category
        'ObjectRemoved'
        """
        return self._value_.partition(":")[0]

    @property
    def action(self) -> str | None:
        """The part after ":", or None for a one-part name like ``LifecycleTransition``.

        >>> EventName.OBJECT_CREATED_COPY.action
        'Copy'
        """
        return self._value_.partition(":")[2] or None

    @property
    def is_known(self) -> bool:
        """True for the names AWS documented when this release was made.

        >>> EventName("ObjectCreated:Teleport").is_known
        False
        """
        return self._value_ in EventName._value2member_map_

    def matches(self, pattern: str) -> bool:
        """Test a notification-configuration event pattern, with or without ``s3:``.

        ``"ObjectCreated:*"`` matches every ObjectCreated event; a full name
        matches itself only.

        >>> EventName.OBJECT_CREATED_COPY.matches("s3:ObjectCreated:*")
        True
        >>> EventName.OBJECT_CREATED_COPY.matches("ObjectRemoved:*")
        False
        """
        if pattern.startswith("s3:"):
            pattern = pattern[3:]
        if pattern.endswith(":*"):
            return self.category == pattern[:-2]
        return self._value_ == pattern


# The hot path: exact wire strings (with and without "s3:") to members.
_BY_WIRE: dict[str, EventName] = {
    **{member.value: member for member in EventName},
    **{"s3:" + member.value: member for member in EventName},
}


def parse_event_name(value: object) -> EventName:
    """Turn a wire ``eventName`` into an :class:`EventName` (ValueError if malformed)."""
    if type(value) is str:
        known = _BY_WIRE.get(value)
        if known is not None:
            return known
    elif isinstance(value, EventName):
        return value
    else:
        raise ValueError(f"expected an S3 event name string, got {type(value).__name__}")
    try:
        return EventName(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not an S3 event name: expected 'Category' or"
            " 'Category:Action' in letters, optionally prefixed 's3:'"
            " (for example 'ObjectCreated:Put')"
        ) from None
