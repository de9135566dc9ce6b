"""S3's overlap rule: two rules of one bucket may not both fire for the same event and key.

A pure function of values; the code that reads and writes a bucket's
configuration wraps it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable

from s3types.triggers._eventbridge.pattern import Via, check_via
from s3types.triggers._events import TriggerError, event_category, event_types_intersect
from s3types.triggers._trigger import Trigger

__all__ = ["S3_AMBIGUOUS_MESSAGE", "check_triggers", "overlap"]

S3_AMBIGUOUS_MESSAGE = (
    "Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules"
    " if the prefixes are overlapping for the same event type."
)
_TOP = "\U0010ffff"


def _prefixes_overlap(first: str | None, second: str | None) -> bool:
    if first is None or second is None:
        return True
    return first.startswith(second) or second.startswith(first)


def _suffixes_overlap(first: str | None, second: str | None) -> bool:
    if first is None or second is None:
        return True
    return first.endswith(second) or second.endswith(first)


def overlap(first: Trigger, second: Trigger) -> str | None:
    """How two rules overlap the way S3 rejects, or None when S3 accepts both.

    Same bucket, an event type of each that intersect (a wildcard covers its
    category's names), prefixes that overlap (one starts the other; none
    overlaps every prefix) and suffixes that overlap (one ends the other;
    none overlaps every suffix).

    >>> overlap(Trigger("b", prefix="images"), Trigger("b", prefix="images/"))
    "both fire for s3:ObjectCreated:* on a key like 'images/...'"
    >>> overlap(Trigger("b", suffix=".jpg"), Trigger("b", suffix=".png")) is None
    True
    """
    if first.bucket is not None and second.bucket is not None and first.bucket != second.bucket:
        return None
    if not _prefixes_overlap(first.prefix, second.prefix):
        return None
    # S3 compares the configured, URL-encoded strings: "2B" and "%2B" (the
    # suffix "+") overlap. Prefixes overlap alike encoded or not (the
    # encoding is a prefix-free code).
    if not _suffixes_overlap(first.encoded_suffix, second.encoded_suffix):
        return None
    shared = [
        b if a.endswith(":*") else a
        for a in first.events
        for b in second.events
        if event_types_intersect(a, b)
    ]
    if not shared:
        return None
    # A key both fire for: the longer prefix, then the longer suffix.
    prefix = max(first.prefix or "", second.prefix or "", key=len)
    suffix = max(first.suffix or "", second.suffix or "", key=len)
    return f"both fire for {shared[0]} on a key like {prefix + '...' + suffix!r}"


def _message(first: Trigger, second: Trigger, how: str) -> str:
    from s3types.triggers._eventbridge.pattern import eventbridge_refusal

    message = (
        f"rules {first} and {second} overlap: {how}. S3 refuses such a configuration"
        f' ("{S3_AMBIGUOUS_MESSAGE}"): give them event types that do not intersect, or'
        " prefixes of which neither starts the other, or suffixes of which neither ends the other"
    )
    if eventbridge_refusal(first) is None and eventbridge_refusal(second) is None:
        message += (
            "; or deliver them through EventBridge (via='eventbridge'), where rules may"
            " overlap and each target gets every event its rule matches"
        )
    return message


def check_triggers(triggers: Iterable[Trigger], *, via: Via = "notification") -> None:
    """Raise :class:`TriggerError` when two rules overlap the way S3 rejects.

    Give our triggers together with the rules already in a bucket's
    configuration (:func:`s3types.triggers.rules_of`) to learn before any
    write whether S3 will take the result. The error names both rules, the
    overlap, and quotes S3's own wording (and, when EventBridge can carry
    both, suggests ``via="eventbridge"``). Rules on different buckets never
    overlap. With ``via="eventbridge"`` nothing overlaps (EventBridge rules
    are independent): each trigger is only checked to have event types S3
    sends to EventBridge. Sorting by prefix (and by reversed suffix) keeps this near
    linear for rules that do not overlap.

    >>> check_triggers([Trigger("b", prefix="images/"), Trigger("b", prefix="logs/")])
    >>> check_triggers([Trigger("b", suffix="jpg", id="one"),
    ...                 Trigger("b", ["s3:ObjectCreated:Put"], suffix="pg", id="two")])
    Traceback (most recent call last):
    ...
    s3types.triggers.TriggerError: rules one (...) and two (...) overlap: ...
    """
    if check_via(via, "check_triggers") == "eventbridge":
        from s3types.triggers._eventbridge.pattern import eventbridge_refusal

        for trigger in triggers:
            refusal = eventbridge_refusal(trigger)
            if refusal is not None:
                raise TriggerError(refusal)
        return
    groups: dict[tuple[str | None, str], list[Trigger]] = defaultdict(list)
    unbound: list[Trigger] = []
    position: dict[int, int] = {}
    for trigger in triggers:
        position.setdefault(id(trigger), len(position))
        if not isinstance(trigger, Trigger):
            raise TypeError(f"check_triggers: expected Trigger, got {type(trigger).__name__}")
        if trigger.bucket is None:
            unbound.append(trigger)
        for category in dict.fromkeys(event_category(e) for e in trigger.events):
            groups[(trigger.bucket, category)].append(trigger)
    if unbound:
        # A rule with no bucket meets every bucket's rules of its categories.
        for (bucket, category), members in list(groups.items()):
            if bucket is not None and (None, category) in groups:
                members.extend(groups[(None, category)])
    for members in groups.values():
        found = _check_group(members)
        if found is not None:
            first, second, how = found
            if position[id(first)] > position[id(second)]:
                first, second = second, first  # name them in the order given
            raise TriggerError(_message(first, second, how))


def _check_group(members: list[Trigger]) -> tuple[Trigger, Trigger, str] | None:
    if len(members) < 2:
        return None
    by_prefix = sorted(members, key=_prefix_of)
    by_suffix = sorted(members, key=_reversed_suffix_of)
    # Candidates are the rules whose prefix (suffix) starts with another's: a
    # contiguous run in sorted order. Scan along the axis with fewer of them.
    if _candidates(by_prefix, _prefix_of) <= _candidates(by_suffix, _reversed_suffix_of):
        return _scan(by_prefix, _prefix_of)
    return _scan(by_suffix, _reversed_suffix_of)


def _prefix_of(trigger: Trigger) -> str:
    return trigger.prefix or ""


def _reversed_suffix_of(trigger: Trigger) -> str:
    return (trigger.encoded_suffix or "")[::-1]


def _candidates(ordered: list[Trigger], text: Callable[[Trigger], str]) -> int:
    values = [text(t) for t in ordered]
    return sum(bisect_left(values, value + _TOP) - index - 1 for index, value in enumerate(values))


def _scan(
    ordered: list[Trigger], text: Callable[[Trigger], str]
) -> tuple[Trigger, Trigger, str] | None:
    values = [text(t) for t in ordered]
    for index, value in enumerate(values):
        for other in range(index + 1, len(values)):
            if not values[other].startswith(value):
                break
            how = overlap(ordered[index], ordered[other])
            if how is not None and ordered[index] is not ordered[other]:
                return ordered[index], ordered[other], how
    return None
