"""The event types S3 accepts in a notification configuration, and how two of them intersect."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

from s3types._catalog import EVENT_TYPES, WILDCARD_CATEGORIES

__all__ = [
    "EVENT_TYPES",
    "EventCoverage",
    "TriggerError",
    "check_event_type",
    "event_types_intersect",
    "rule_event_type",
]

# The one catalog of S3's event types (botocore's S3 model, shape "Event", is
# the list S3 validates a configuration against; a test holds the two together).
_ACCEPTED = frozenset(EVENT_TYPES)
_BY_LOWER = {name.lower(): name for name in EVENT_TYPES}
# A name S3 may add later: "s3:Category", "s3:Category:Action" or "s3:Category:*".
_WELL_FORMED = r"s3:[A-Za-z]+(?::(?:[A-Za-z]+|\*))?"


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
    if full in _ACCEPTED or _known_to_botocore(full):
        return full
    shown = repr(name) if len(name) <= 100 else repr(name[:100]) + "..."
    hint = ""
    if name in ("*", "s3:*"):
        hint = "; S3 has no catch-all: list the categories, e.g. 's3:ObjectCreated:*'"
    elif full[3:] in WILDCARD_CATEGORIES:
        hint = f"; S3 names these with an action: write {full + ':*'!r} for all of them"
    elif full.lower() in _BY_LOWER:
        hint = f"; event types are case-sensitive: write {_BY_LOWER[full.lower()]!r}"
    else:
        import difflib  # only on this error path: it costs import time

        # The botocore model's names too, when this name made us read it.
        known = sorted({*EVENT_TYPES, *(_BOTOCORE_EVENT_TYPES[0] if _BOTOCORE_EVENT_TYPES else ())})
        closest = difflib.get_close_matches(full[:200], known, n=1, cutoff=0.0)
        if closest:
            hint = f"; did you mean {closest[0]!r}?"
    raise TriggerError(
        f"{where}: {shown} is not an event type S3 accepts in a notification configuration{hint}"
    )


def rule_event_type(name: object, where: str) -> str:
    """An event type of a rule S3 already accepted: kept when well formed, else checked.

    S3 may know types newer than this release; a malformed one is a
    TriggerError naming the closest valid name.

    >>> rule_event_type("s3:ObjectFutureType:*", "rule 'x'")
    's3:ObjectFutureType:*'
    """
    if isinstance(name, str) and re.fullmatch(_WELL_FORMED, name):
        return name
    return check_event_type(name, where)


def _known_to_botocore(full: str) -> bool:
    """True when the installed botocore's S3 model lists a type this catalog does not know yet.

    S3 accepts it, so a trigger may name it before s3types learns it. Only a
    well-formed name not in the catalog gets here: botocore is never imported
    for a known one (that would cost a cold start about 100 ms).
    """
    if len(full) > 200 or not re.fullmatch(_WELL_FORMED, full):
        return False
    return full in _botocore_event_types()


_BOTOCORE_EVENT_TYPES: list[frozenset[str]] = []


def _botocore_event_types() -> frozenset[str]:
    if not _BOTOCORE_EVENT_TYPES:
        names: frozenset[str] = frozenset()
        try:
            # Typed as Any: botocore is optional here, and its stubs may be absent.
            session: Any = importlib.import_module("botocore.session")
        except ImportError:  # no botocore: nothing more to know
            session = None
        if session is not None:
            try:
                shape = session.Session().get_service_model("s3").shape_for("Event")
                names = frozenset(str(name) for name in getattr(shape, "enum", ()) or ())
            except Exception:  # a broken or partial botocore data folder
                names = frozenset()
        _BOTOCORE_EVENT_TYPES.append(names)
    return _BOTOCORE_EVENT_TYPES[0]


class EventCoverage:
    """The events (wire names, without ``s3:``) a trigger's event types cover.

    Exact names, and the categories a wildcard covers. A one-part name
    (``"s3:IntelligentTiering"``) covers the two-part names some producers
    send for it (``"IntelligentTiering:..."``).

    >>> coverage = EventCoverage(["s3:ObjectRemoved:*"])
    >>> coverage.covers("ObjectRemoved:Delete", "ObjectRemoved")
    True
    """

    __slots__ = ("_categories", "_names")

    def __init__(self, events: Iterable[str]) -> None:
        self._names = frozenset(e[3:] for e in events if not e.endswith(":*"))
        self._categories = frozenset(
            e[3:].removesuffix(":*") for e in events if e.endswith(":*") or e.count(":") == 1
        )

    def covers(self, name: str, category: str) -> bool:
        """Whether an event named ``name`` (of ``category``) is one of the event types."""
        return name in self._names or category in self._categories


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
