"""S3's event types: the one place that knows their names, families, versions and EventBridge forms.

Everything else reads this module: the names a notification configuration
accepts (``s3types.triggers.EVENT_TYPES``), the wildcard families, the
``EventName`` members (held to this table by a test, since type checkers
need them written out), the EventBridge detail-types and reasons each type
maps to, and the ``eventVersion`` each family arrived with before S3 unified
them.

Sources, read 2026-12-07:

- botocore's S3 service model, shape ``Event``: the list S3 validates a
  configuration against (``tests/triggers`` compares it with the pinned
  botocore; ``nox -s upstream`` with the newest one).
- S3 User Guide, "Event message structure": versions 2.1 (most types), 2.2
  (replication) and 2.3 (Lifecycle, Intelligent-Tiering, object ACL, object
  tagging, restoration delete); "starting with version 2.4, Amazon S3 uses a
  single unified version for all event types".
- S3 User Guide, "EventBridge event message structure" and "Using
  EventBridge": the detail-types, ``reason`` and ``deletion-type`` values.

The ``MultipartUpload:*``, ``ObjectAnnotation:*`` and ``ObjectRetention:Put``
types are in botocore's model, but AWS publishes no sample record nor an
EventBridge detail-type for them (searched 2026-12-07): their records parse
with every field kept, and a trigger for them cannot go through EventBridge.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = [
    "ALL_EVENT_TYPES",
    "EVENTBRIDGE_FORMS",
    "EVENT_NAMES",
    "EVENT_TYPES",
    "UNIFIED_EVENT_VERSION",
    "WILDCARD_CATEGORIES",
    "EventBridgeRoute",
    "eventbridge_routes",
    "family_event_version",
]

# (category, actions, wildcard accepted, eventVersion before 2.4). A category
# without actions is a one-part name ("LifecycleTransition"). A version of None:
# the type came after S3 unified its versions, so it has no family version.
_FAMILIES: tuple[tuple[str, tuple[str, ...], bool, str | None], ...] = (
    ("ObjectCreated", ("Put", "Post", "Copy", "CompleteMultipartUpload"), True, "2.1"),
    ("ObjectRemoved", ("Delete", "DeleteMarkerCreated"), True, "2.1"),
    ("ObjectRestore", ("Post", "Completed", "Delete"), True, "2.1"),
    ("ReducedRedundancyLostObject", (), False, "2.1"),
    (
        "Replication",
        (
            "OperationFailedReplication",
            "OperationMissedThreshold",
            "OperationReplicatedAfterThreshold",
            "OperationNotTracked",
        ),
        True,
        "2.2",
    ),
    ("LifecycleExpiration", ("Delete", "DeleteMarkerCreated"), True, "2.3"),
    ("LifecycleTransition", (), False, "2.3"),
    ("IntelligentTiering", (), False, "2.3"),
    ("ObjectTagging", ("Put", "Delete"), True, "2.3"),
    ("ObjectAcl", ("Put",), False, "2.3"),
    ("ObjectAnnotation", ("Put", "Delete"), True, None),
    ("ObjectRetention", ("Put",), False, None),
    ("MultipartUpload", ("PartUploaded", "PartCopied", "Aborted"), True, None),
)

#: The version every event type carries since S3 unified them (the User Guide's
#: example shows 2.5); consumers compare with ``EventVersion.is_compatible``.
UNIFIED_EVENT_VERSION = "2.4"

#: Every concrete event name, as records carry it (no ``s3:``), in family order.
EVENT_NAMES: tuple[str, ...] = tuple(
    f"{category}:{action}" if action else category
    for category, actions, _, _ in _FAMILIES
    for action in (actions or ("",))
)

#: The categories a configuration may name with ``:*``.
WILDCARD_CATEGORIES: frozenset[str] = frozenset(
    category for category, _, wildcard, _ in _FAMILIES if wildcard
)

#: The event types S3 accepts in a notification configuration, sorted as
#: botocore lists them.
EVENT_TYPES: tuple[str, ...] = tuple(
    sorted(
        [f"s3:{name}" for name in EVENT_NAMES]
        + [f"s3:{category}:*" for category in WILDCARD_CATEGORIES]
    )
)

#: Every event S3 sends: one wildcard per category, and the names without one.
ALL_EVENT_TYPES: tuple[str, ...] = tuple(
    sorted(
        f"s3:{category}:{'*' if wildcard else actions[0]}" if actions else f"s3:{category}"
        for category, actions, wildcard, _ in _FAMILIES
    )
)

#: How S3 sends each event type to EventBridge: (detail-type, reason,
#: deletion-type); None where the detail says no more. Types missing here
#: are not sent to EventBridge.
EVENTBRIDGE_FORMS: dict[str, tuple[str, str | None, str | None]] = {
    "ObjectCreated:Put": ("Object Created", "PutObject", None),
    "ObjectCreated:Post": ("Object Created", "POST Object", None),
    "ObjectCreated:Copy": ("Object Created", "CopyObject", None),
    "ObjectCreated:CompleteMultipartUpload": ("Object Created", "CompleteMultipartUpload", None),
    "ObjectRemoved:Delete": ("Object Deleted", "DeleteObject", "Permanently Deleted"),
    "ObjectRemoved:DeleteMarkerCreated": (
        "Object Deleted",
        "DeleteObject",
        "Delete Marker Created",
    ),
    "LifecycleExpiration:Delete": ("Object Deleted", "Lifecycle Expiration", "Permanently Deleted"),
    "LifecycleExpiration:DeleteMarkerCreated": (
        "Object Deleted",
        "Lifecycle Expiration",
        "Delete Marker Created",
    ),
    "ObjectRestore:Post": ("Object Restore Initiated", None, None),
    "ObjectRestore:Completed": ("Object Restore Completed", None, None),
    "ObjectRestore:Delete": ("Object Restore Expired", None, None),
    "LifecycleTransition": ("Object Storage Class Changed", None, None),
    "IntelligentTiering": ("Object Access Tier Changed", None, None),
    "ObjectAcl:Put": ("Object ACL Updated", None, None),
    "ObjectTagging:Put": ("Object Tags Added", None, None),
    "ObjectTagging:Delete": ("Object Tags Deleted", None, None),
}


def family_event_version(name: str) -> str | None:
    """The ``eventVersion`` a type's records carried before S3 unified versions at 2.4.

    None for types that came after (they carry the unified version).

    >>> family_event_version("s3:LifecycleTransition"), family_event_version("ObjectCreated:Put")
    ('2.3', '2.1')
    """
    category = (name[3:] if name.startswith("s3:") else name).partition(":")[0]
    for family, _, _, version in _FAMILIES:
        if family == category:
            return version
    return None


class EventBridgeRoute(NamedTuple):
    """Which EventBridge events carry an S3 event type: a detail-type and the detail values.

    ``reasons`` and ``deletion_types`` are the values of ``detail.reason`` and
    ``detail.deletion-type`` that select it; None means any value.

    >>> route = eventbridge_routes("s3:ObjectRemoved:Delete")[0]
    >>> route.detail_type, route.reasons, route.deletion_types
    ('Object Deleted', ('DeleteObject',), ('Permanently Deleted',))
    """

    detail_type: str
    reasons: tuple[str, ...] | None
    deletion_types: tuple[str, ...] | None


def eventbridge_routes(event_type: str) -> tuple[EventBridgeRoute, ...]:
    """The EventBridge events that carry a configuration event type (wildcards too).

    An empty tuple: S3 sends no EventBridge event for that type. A field
    whose values cover every value its detail-type takes becomes None (any),
    so ``s3:ObjectCreated:*`` matches a reason S3 adds later.

    >>> eventbridge_routes("ObjectCreated:*")
    (EventBridgeRoute(detail_type='Object Created', reasons=None, deletion_types=None),)
    >>> eventbridge_routes("s3:LifecycleExpiration:*")[0].reasons
    ('Lifecycle Expiration',)
    >>> eventbridge_routes("s3:Replication:*")
    ()
    """
    name = event_type[3:] if event_type.startswith("s3:") else event_type
    if name.endswith(":*"):
        category = name[:-2]
        covered = [n for n in EVENT_NAMES if n.partition(":")[0] == category]
    else:
        covered = [name]
    forms = [EVENTBRIDGE_FORMS[n] for n in covered if n in EVENTBRIDGE_FORMS]
    routes: list[EventBridgeRoute] = []
    for detail_type in dict.fromkeys(form[0] for form in forms):
        mine = [form for form in forms if form[0] == detail_type]
        every = [form for form in EVENTBRIDGE_FORMS.values() if form[0] == detail_type]
        routes.append(
            EventBridgeRoute(
                detail_type,
                _selector([f[1] for f in mine], [f[1] for f in every]),
                _selector([f[2] for f in mine], [f[2] for f in every]),
            )
        )
    return tuple(routes)


def _selector(mine: list[str | None], every: list[str | None]) -> tuple[str, ...] | None:
    wanted = {value for value in mine if value is not None}
    if not wanted or wanted == {value for value in every if value is not None}:
        return None
    return tuple(sorted(wanted))
