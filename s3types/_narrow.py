"""Typed narrowing of JSON values: a value as an object or an array, or None.

``isinstance(value, Mapping)`` narrows to ``Mapping[Unknown, Unknown]``,
which strict pyright refuses to let spread; these helpers narrow to
``Mapping[str, Any]`` / ``list[Any]``, the types JSON gives. They import
nothing of the package, so any module can use them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

__all__ = ["as_list", "as_mapping"]


def as_mapping(value: object) -> Mapping[str, Any] | None:
    """``value`` as a JSON object, or None if it is not one."""
    # type() first: an ABC isinstance check costs ~10x more, and JSON gives dicts.
    if type(value) is dict or isinstance(value, Mapping):
        return cast("Mapping[str, Any]", value)
    return None


def as_list(value: object) -> list[Any] | None:
    """``value`` as a JSON array (a list, exactly), or None if it is not one."""
    if type(value) is list:
        found: list[Any] = value  # pyright: ignore[reportUnknownVariableType]
        return found
    return None
