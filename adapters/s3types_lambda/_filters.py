"""S3's notification filter rules (event patterns, key prefix and suffix) applied to records."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from s3types import EventName, S3EventRecord

__all__ = ["RecordFilter", "check_event_patterns"]

_CATEGORY = re.compile(r"[A-Za-z]+")
# Categories S3 only sends with an action: a bare "ObjectCreated" matches nothing.
_CATEGORIES_WITH_ACTIONS = frozenset(name.category for name in EventName if name.action)


def check_event_patterns(events: Iterable[str] | None, *, where: str) -> tuple[str, ...] | None:
    """Validate notification event patterns (``"s3:ObjectCreated:*"``, ...) once, up front.

    Returns them as a tuple (None stays None: every event). Raises TypeError
    for a bare string and ValueError for an empty list or a malformed pattern,
    naming ``where`` (the decorator the user called).

    >>> check_event_patterns(["s3:ObjectCreated:*", "ObjectRemoved:Delete"], where="f")
    ('s3:ObjectCreated:*', 'ObjectRemoved:Delete')
    """
    if events is None:
        return None
    if isinstance(events, str):
        raise TypeError(
            f"{where}: events must be a list of patterns, not a string: write events=[{events!r}]"
        )
    patterns = tuple(events)
    if not patterns:
        raise ValueError(
            f"{where}: events is empty, so no record would ever match;"
            " leave it out (None) to accept every event"
        )
    for pattern in patterns:
        _check_pattern(pattern, where)
    return patterns


def _check_pattern(pattern: object, where: str) -> None:
    if not isinstance(pattern, str):
        raise TypeError(f"{where}: event pattern {pattern!r} is not a string")
    name = pattern.removeprefix("s3:")
    if name.endswith(":*"):
        if _CATEGORY.fullmatch(name[:-2]):
            return
    elif name in _CATEGORIES_WITH_ACTIONS:
        raise ValueError(
            f"{where}: event pattern {pattern!r} matches no event: S3 names {name} events"
            f" with an action; write 's3:{name}:*' for all of them"
        )
    else:
        try:
            EventName(name)
        except ValueError:
            pass
        else:
            return
    raise ValueError(
        f"{where}: {pattern!r} is not an S3 event pattern: expected 's3:Category:*' or an"
        " event name such as 's3:ObjectCreated:Put' (the 's3:' prefix is optional)"
    )


@dataclass(frozen=True)
class RecordFilter:
    """Which records a handler wants, by S3's notification filter rules.

    ``events`` are notification-config patterns (None: all); ``prefix`` and
    ``suffix`` are tested against the decoded key, as S3's filter rules are.

    >>> from s3types import parse_event
    >>> from s3types.testing import make_event
    >>> record = parse_event(make_event(bucket="b", key="photos/red flower.jpg")).records[0]
    >>> rules = RecordFilter(events=("s3:ObjectCreated:*",), prefix="photos/", suffix=".jpg")
    >>> rules.accepts(record)
    True
    """

    events: tuple[str, ...] | None = None
    prefix: str | None = None
    suffix: str | None = None

    def accepts(self, record: S3EventRecord) -> bool:
        """True when the record passes every rule."""
        if self.events is not None and not any(
            record.event_name.matches(pattern) for pattern in self.events
        ):
            return False
        key = record.key
        if self.prefix and not key.startswith(self.prefix):
            return False
        return not (self.suffix and not key.endswith(self.suffix))
