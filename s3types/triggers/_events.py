"""The event types S3 accepts in a notification configuration, and how two of them intersect."""

from __future__ import annotations

__all__ = ["EVENT_TYPES", "TriggerError", "check_event_type", "event_types_intersect"]

# botocore's S3 model (shape "Event"), the list S3 validates a configuration
# against; the user guide's "Supported event types" page is a subset of it.
EVENT_TYPES: tuple[str, ...] = (
    "s3:IntelligentTiering",
    "s3:LifecycleExpiration:*",
    "s3:LifecycleExpiration:Delete",
    "s3:LifecycleExpiration:DeleteMarkerCreated",
    "s3:LifecycleTransition",
    "s3:ObjectAcl:Put",
    "s3:ObjectAnnotation:*",
    "s3:ObjectAnnotation:Delete",
    "s3:ObjectAnnotation:Put",
    "s3:ObjectCreated:*",
    "s3:ObjectCreated:CompleteMultipartUpload",
    "s3:ObjectCreated:Copy",
    "s3:ObjectCreated:Post",
    "s3:ObjectCreated:Put",
    "s3:ObjectRemoved:*",
    "s3:ObjectRemoved:Delete",
    "s3:ObjectRemoved:DeleteMarkerCreated",
    "s3:ObjectRestore:*",
    "s3:ObjectRestore:Completed",
    "s3:ObjectRestore:Delete",
    "s3:ObjectRestore:Post",
    "s3:ObjectRetention:Put",
    "s3:ObjectTagging:*",
    "s3:ObjectTagging:Delete",
    "s3:ObjectTagging:Put",
    "s3:ReducedRedundancyLostObject",
    "s3:Replication:*",
    "s3:Replication:OperationFailedReplication",
    "s3:Replication:OperationMissedThreshold",
    "s3:Replication:OperationNotTracked",
    "s3:Replication:OperationReplicatedAfterThreshold",
)
_ACCEPTED = frozenset(EVENT_TYPES)
_BY_LOWER = {name.lower(): name for name in EVENT_TYPES}
_WILDCARD_CATEGORIES = frozenset(name[3:-2] for name in EVENT_TYPES if name.endswith(":*"))


class TriggerError(ValueError):
    """A trigger S3 would refuse, or a configuration S3 would reject as ambiguous.

    A ``ValueError``: the message says what is wrong, where, and what to write
    instead.

    >>> from s3types.triggers import Trigger
    >>> Trigger("photos", events=["s3:ObjectCreate:*"])
    Traceback (most recent call last):
    ...
    s3types.triggers.TriggerError: Trigger: 's3:ObjectCreate:*' is ... 's3:ObjectCreated:*'?
    """

    __module__ = "s3types.triggers"


def check_event_type(name: object, where: str) -> str:
    """The event type with its ``s3:`` prefix, or TriggerError naming the closest valid one.

    >>> check_event_type("ObjectRemoved:Delete", "f")
    's3:ObjectRemoved:Delete'
    """
    if not isinstance(name, str):
        raise TypeError(f"{where}: event type {name!r} is not a string")
    full = name if name.startswith("s3:") else "s3:" + name
    if full in _ACCEPTED:
        return full
    shown = repr(name) if len(name) <= 100 else repr(name[:100]) + "..."
    hint = ""
    if name in ("*", "s3:*"):
        hint = "; S3 has no catch-all: list the categories, e.g. 's3:ObjectCreated:*'"
    elif full[3:] in _WILDCARD_CATEGORIES:
        hint = f"; S3 names these with an action: write {full + ':*'!r} for all of them"
    elif full.lower() in _BY_LOWER:
        hint = f"; event types are case-sensitive: write {_BY_LOWER[full.lower()]!r}"
    else:
        import difflib  # only on this error path: it costs import time

        closest = difflib.get_close_matches(full[:200], EVENT_TYPES, n=1, cutoff=0.0)
        if closest:
            hint = f"; did you mean {closest[0]!r}?"
    raise TriggerError(
        f"{where}: {shown} is not an event type S3 accepts in a notification configuration{hint}"
    )


def _scope(event_type: str) -> tuple[str, str | None]:
    category, _, action = event_type[3:].partition(":")
    return category, (None if action == "*" else action)


def event_types_intersect(first: str, second: str) -> bool:
    """True when some event is of both types (a wildcard covers its category's names).

    >>> event_types_intersect("s3:ObjectCreated:*", "s3:ObjectCreated:Put")
    True
    >>> event_types_intersect("s3:ObjectCreated:*", "s3:ObjectRemoved:*")
    False
    """
    category_a, action_a = _scope(first)
    category_b, action_b = _scope(second)
    if category_a != category_b:
        return False
    return action_a is None or action_b is None or action_a == action_b


def event_category(event_type: str) -> str:
    """The category of an ``s3:`` event type (``"ObjectCreated"``), for grouping."""
    return _scope(event_type)[0]
