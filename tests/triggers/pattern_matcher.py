"""A reference EventBridge pattern matcher, for the operators s3types generates only.

Exact values, ``prefix``, ``suffix``, ``wildcard`` and ``$or``, as the
EventBridge user guide ("Content filtering in Amazon EventBridge event
patterns") defines them: a list is alternatives, every field of an object
must match, one operator per filter object (more is an error here, as
EventBridge refuses it), a field missing from the event matches nothing.
Cross-checked against moto's matcher in test_eventbridge_pattern.py.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["matches"]

_MISSING = object()


def matches(pattern: dict[str, Any], event: Any) -> bool:
    """Whether ``event`` matches ``pattern``."""
    for name, rule in pattern.items():
        if name == "$or":
            if not any(matches(branch, event) for branch in rule):
                return False
            continue
        value = event.get(name, _MISSING) if isinstance(event, dict) else _MISSING
        if isinstance(rule, dict):
            if not matches(rule, value):
                return False
        elif not _leaf(rule, value):
            return False
    return True


def _leaf(filters: list[Any], value: Any) -> bool:
    if value is _MISSING:
        return False
    values = value if isinstance(value, list) else [value]
    return any(_one(entry, item) for entry in filters for item in values)


def _one(entry: Any, value: Any) -> bool:
    if not isinstance(entry, dict):
        return bool(entry == value)
    if len(entry) != 1:
        raise ValueError(f"one operator per filter object, got {sorted(entry)}")
    ((operator, argument),) = entry.items()
    if not isinstance(value, str):
        return False
    if operator == "prefix":
        return value.startswith(argument)
    if operator == "suffix":
        return value.endswith(argument)
    if operator == "wildcard":
        return _wildcard(argument).fullmatch(value) is not None
    raise ValueError(f"operator {operator!r} is not one s3types generates")


def _wildcard(text: str) -> re.Pattern[str]:
    parts: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in "*\\":
            parts.append(re.escape(text[index + 1]))
            index += 2
            continue
        parts.append(".*" if char == "*" else re.escape(char))
        index += 1
    return re.compile("".join(parts), re.DOTALL)
