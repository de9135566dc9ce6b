"""A trigger as an EventBridge rule pattern: the same scope, delivered through the default bus.

A pure function of values. Which event types map to which detail-types and
reasons is the catalog's (:func:`s3types._catalog.eventbridge_routes`); this
module turns a trigger's key prefix and suffix into EventBridge key filters.

The key's encoding. S3 writes a notification's key URL-encoded, form style
("red flower.jpg" -> "red+flower.jpg", "+" -> "%2B"; ``/`` kept), and
s3types' parser decodes an EventBridge key the same way. Whether S3 encodes
the key it sends to EventBridge is not documented: every example in the S3
user guide ("EventBridge event message structure") has a key that no encoding
changes, LocalStack (whose EventBridge snapshots were recorded against AWS,
but with such plain keys) sends ``quote(key)`` ("%20" for a space), and moto
5.2.6 sends the key as it is. So a filter is written in every one of those
encodings (EventBridge takes a list of alternatives), and in the form
encoding with "~" escaped too (Java's URLEncoder does; Python's quote does
not): an event matches when its key, in any of them, has the trigger's
prefix and suffix (repeats are dropped, so a plain filter is one entry). The list never
loses an event the trigger matches; it may let through an event the trigger
does not match (see :func:`may_overmatch`), which the handler's own filter,
``Trigger.matches``, then drops.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any, Literal
from urllib.parse import quote, quote_plus

from s3types.triggers._events import TriggerError
from s3types.triggers._trigger import Trigger

__all__ = [
    "EVENT_PATTERN_MAX_CHARS",
    "KEY_ENCODINGS",
    "VIAS",
    "Via",
    "check_via",
    "event_pattern",
    "eventbridge_refusal",
    "key_filter",
    "may_overmatch",
]

#: How a trigger's events reach its target: S3's notification configuration
#: (a rule per target, S3's overlap rule) or the bucket's EventBridge delivery
#: (an EventBridge rule per trigger on the default bus, no overlap rule).
Via = Literal["notification", "eventbridge"]
VIAS: tuple[Via, ...] = ("notification", "eventbridge")

#: botocore's events model, shape ``EventPattern`` (PutRule's limit).
EVENT_PATTERN_MAX_CHARS = 4096


def _form(key: str) -> str:
    # What S3 writes in a notification and s3types' parser decodes (unquote_plus).
    return quote_plus(key, safe="/", errors="surrogatepass")


def _form_tilde(key: str) -> str:
    # The same with "~" escaped, as Java's URLEncoder and Python before 3.7
    # write it: which of the two S3's encoder does is not documented.
    return _form(key).replace("~", "%7E")


def _percent(key: str) -> str:
    # LocalStack: urllib's quote, a space as "%20".
    return quote(key, safe="/", errors="surrogatepass")


def _raw(key: str) -> str:
    # moto 5.2.6: the key as it is.
    return key


#: Every encoding S3 (or an emulator) is known to use for the EventBridge key.
KEY_ENCODINGS: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("form", _form),
    ("form-tilde", _form_tilde),
    ("percent", _percent),
    ("raw", _raw),
)


def check_via(via: object, where: str) -> Via:
    """``via`` when it is one of :data:`VIAS`, else a TriggerError naming them."""
    if via not in VIAS:
        raise TriggerError(
            f"{where}: via={via!r} is not a delivery: give via='notification' (the bucket's"
            " notification configuration) or via='eventbridge' (EventBridge rules)"
        )
    return via


def _wildcard_text(text: str) -> str:
    # EventBridge's wildcard operator: "*" is any run of characters; a literal
    # "*" or "\" is escaped with "\". (Only the raw encoding can hold "\".)
    return text.replace("\\", "\\\\").replace("*", "\\*")


def _overlapping_keys(prefix: str, suffix: str) -> list[str]:
    # Keys shorter than prefix + suffix that start with one and end with the
    # other (S3's rule and Trigger.matches allow them to share characters).
    keys: list[str] = []
    for shared in range(min(len(prefix), len(suffix)), 0, -1):
        if prefix.endswith(suffix[:shared]):
            keys.append(prefix + suffix[shared:])
    return keys


def key_filter(prefix: str | None, suffix: str | None) -> list[Any] | None:
    """The EventBridge filter list for ``detail.object.key`` (None: any key).

    EventBridge allows one operator per filter object and takes a list as
    alternatives (any one matches). A prefix alone is a ``prefix`` filter, a
    suffix alone a ``suffix`` filter; both are a ``wildcard``
    (``prefix*suffix``) plus, as exact values, the keys shorter than both
    together that still start with the prefix and end with the suffix. Each
    in every encoding of :data:`KEY_ENCODINGS`, without repeats.

    >>> key_filter("in/", ".jpg")
    [{'wildcard': 'in/*.jpg'}]
    >>> key_filter("red flower/", None)
    [{'prefix': 'red+flower/'}, {'prefix': 'red%20flower/'}, {'prefix': 'red flower/'}]
    >>> key_filter("ab", "bc")
    [{'wildcard': 'ab*bc'}, 'abc']
    """
    if prefix is None and suffix is None:
        return None
    alternatives: list[Any] = []
    for _, encode in KEY_ENCODINGS:
        if suffix is None:
            assert prefix is not None
            entries: list[Any] = [{"prefix": encode(prefix)}]
        elif prefix is None:
            entries = [{"suffix": encode(suffix)}]
        else:
            wildcard = _wildcard_text(encode(prefix)) + "*" + _wildcard_text(encode(suffix))
            entries = [{"wildcard": wildcard}]
            entries += [encode(key) for key in _overlapping_keys(prefix, suffix)]
        alternatives += [entry for entry in entries if entry not in alternatives]
    return alternatives


def may_overmatch(trigger: Trigger) -> bool:
    """Whether the pattern can match an event (in S3's notification encoding) the trigger does not.

    Two cases, both dropped at run time by ``Trigger.matches``: the raw
    alternative of a prefix or suffix holding ``+`` or ``%`` reads as an
    encoded key ("a+b/" is also how "a b/" is written), and a suffix that
    starts with a hexadecimal digit can match the tail of an escape ("2B.jpg"
    ends "a%2B.jpg").

    >>> may_overmatch(Trigger("b", prefix="in/", suffix=".jpg"))
    False
    >>> may_overmatch(Trigger("b", prefix="c++/"))
    True
    """
    texts = [text for text in (trigger.prefix, trigger.suffix) if text is not None]
    if any("+" in text or "%" in text for text in texts):
        return True
    return trigger.suffix is not None and trigger.suffix[0] in "0123456789abcdefABCDEF"


def eventbridge_refusal(trigger: Trigger) -> str | None:
    """Why ``trigger`` cannot be delivered through EventBridge, or None when it can.

    >>> eventbridge_refusal(Trigger("b", ["s3:ObjectCreated:*"])) is None
    True
    >>> eventbridge_refusal(Trigger("b", ["s3:Replication:*"]))
    "trigger ...: S3 sends no EventBridge event for s3:Replication:*; ..."
    """
    from s3types._catalog import eventbridge_routes

    for event_type in trigger.events:
        if not eventbridge_routes(event_type):
            return (
                f"trigger {trigger}: S3 sends no EventBridge event for {event_type}; deliver"
                " it with via='notification', or leave that event type out"
            )
    return None


def _routes(trigger: Trigger) -> list[tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]]:
    from s3types._catalog import eventbridge_routes

    refusal = eventbridge_refusal(trigger)
    if refusal is not None:
        raise TriggerError(refusal)
    found: list[tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]] = []
    for event_type in trigger.events:
        for route in eventbridge_routes(event_type):
            found.append((route.detail_type, route.reasons, route.deletion_types))
    return found


def _union(first: tuple[str, ...] | None, second: tuple[str, ...] | None) -> tuple[str, ...] | None:
    if first is None or second is None:
        return None
    return tuple(dict.fromkeys([*first, *second]))


def _conditions(
    routes: Iterable[tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]],
) -> list[tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]]:
    # Routes of one detail-type that differ in one constraint only are merged
    # (their union is exact); routes differing in both stay apart ($or).
    merged: list[tuple[str, tuple[str, ...] | None, tuple[str, ...] | None]] = []
    for route in routes:
        detail_type, reasons, deletions = route
        for index, (other_type, other_reasons, other_deletions) in enumerate(merged):
            if other_type != detail_type:
                continue
            if other_deletions == deletions:
                merged[index] = (detail_type, _union(other_reasons, reasons), deletions)
                break
            if other_reasons == reasons:
                merged[index] = (detail_type, reasons, _union(other_deletions, deletions))
                break
        else:
            merged.append(route)
    return merged


def _branch(
    detail_types: list[str], reasons: tuple[str, ...] | None, deletions: tuple[str, ...] | None
) -> dict[str, Any]:
    branch: dict[str, Any] = {"detail-type": detail_types}
    detail: dict[str, Any] = {}
    if reasons is not None:
        detail["reason"] = list(reasons)
    if deletions is not None:
        detail["deletion-type"] = list(deletions)
    if detail:
        branch["detail"] = detail
    return branch


def event_pattern(trigger: Trigger) -> dict[str, Any]:
    """The EventBridge rule pattern matching the events S3 sends for ``trigger``'s scope.

    ``source`` is ``aws.s3``; ``detail.bucket.name`` the trigger's bucket;
    the detail-types, reasons and deletion-types its event types map to (the
    catalog's EventBridge routes; a type S3 sends no EventBridge event for is
    a TriggerError); its prefix and suffix as filters of
    ``detail.object.key`` (:func:`key_filter`, every known encoding). When
    event types need different reasons per detail-type, the pattern says so
    with ``$or``.

    >>> event_pattern(Trigger("photos", prefix="in/", suffix=".jpg"))
    {'source': ['aws.s3'], 'detail-type': ['Object Created'], 'detail': {'bucket': {'name': \
['photos']}, 'object': {'key': [{'wildcard': 'in/*.jpg'}]}}}
    """
    if trigger.bucket is None:
        raise TriggerError(
            f"trigger {trigger} names no bucket: an EventBridge rule matches one bucket's"
            " events; give Trigger(bucket, ...) or s3_record_handler(bucket=...)"
        )
    conditions = _conditions(_routes(trigger))
    detail_types = list(dict.fromkeys(condition[0] for condition in conditions))
    pattern: dict[str, Any] = {"source": ["aws.s3"], "detail-type": detail_types}
    detail: dict[str, Any] = {"bucket": {"name": [trigger.bucket]}}
    keys = key_filter(trigger.prefix, trigger.suffix)
    if keys is not None:
        detail["object"] = {"key": keys}
    constrained = [c for c in conditions if c[1] is not None or c[2] is not None]
    if len(conditions) == 1 and constrained:
        detail.update(_branch(detail_types, constrained[0][1], constrained[0][2]).get("detail", {}))
    elif constrained:
        free = [c[0] for c in conditions if c[1] is None and c[2] is None]
        branches = [_branch([c[0]], c[1], c[2]) for c in constrained]
        if free:
            branches.append({"detail-type": free})
        pattern["$or"] = branches
    pattern["detail"] = detail
    size = len(json.dumps(pattern, ensure_ascii=False))
    if size > EVENT_PATTERN_MAX_CHARS:
        raise TriggerError(
            f"trigger {trigger}: its EventBridge pattern is {size:,} characters, more than"
            f" EventBridge takes ({EVENT_PATTERN_MAX_CHARS:,}): every key filter is written in"
            f" {len(KEY_ENCODINGS)} encodings; use a shorter prefix or suffix"
        )
    return pattern
