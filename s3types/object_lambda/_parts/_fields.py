"""Reading an S3 Object Lambda request's fields: typed values, or an error naming the field.

Each part's ``from_wire`` first checks the shape S3 sends in one expression
and makes the tuple directly (no NamedTuple ``__new__`` frame, see
``make_tuple``); anything else takes these field-by-field helpers, which
raise :class:`s3types.S3EventError` naming what is wrong and where.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, NoReturn, Protocol, TypeVar, cast

from s3types._errors import S3EventError
from s3types._invocation_input import short

__all__ = [
    "EMPTY",
    "fail",
    "make_tuple",
    "object_field",
    "optional_field",
    "string_map",
    "text_field",
]

#: The ``raw`` of a part made in code, and an absent object of strings.
EMPTY: Mapping[str, Any] = MappingProxyType({})
_MISSING: Any = object()
_T = TypeVar("_T")


class _TupleNew(Protocol):
    def __call__(self, cls: type[_T], values: Iterable[object], /) -> _T: ...


#: ``tuple.__new__``, typed: makes a NamedTuple from its values without a frame.
make_tuple = cast("_TupleNew", tuple.__new__)  # pyright: ignore[reportUnknownMemberType]


def fail(path: str, message: str) -> NoReturn:
    """Raise the :class:`s3types.S3EventError` for a bad field at ``path``."""
    raise S3EventError(f"not a valid S3 Object Lambda request: {path}: {message}", path=path)


def object_field(wire: Mapping[str, Any], name: str, path: str) -> Mapping[str, Any]:
    """The object field ``name`` of ``wire``; an error naming ``path.name`` otherwise."""
    value: object = wire.get(name, _MISSING)
    if type(value) is dict or isinstance(value, Mapping):
        return cast("Mapping[str, Any]", value)
    where = f"{path}.{name}" if path else name
    fail(
        where,
        "required field is missing"
        if value is _MISSING
        else f"expected an object, got {short(value)}",
    )


def text_field(wire: Mapping[str, Any], name: str, path: str) -> str:
    """The string field ``name`` of ``wire``; an error naming ``path.name`` otherwise."""
    value: object = wire.get(name, _MISSING)
    if type(value) is str:
        return value
    where = f"{path}.{name}" if path else name
    fail(
        where,
        "required field is missing"
        if value is _MISSING
        else f"expected a string, got {short(value)}",
    )


def optional_field(wire: Mapping[str, Any], name: str, path: str) -> str | None:
    """The string-or-null field ``name`` of ``wire``; an error naming ``path.name`` otherwise."""
    value: object = wire.get(name)
    if value is None or type(value) is str:
        return value
    fail(f"{path}.{name}", f"expected a string or null, got {short(value)}")


def string_map(wire: Mapping[str, Any], name: str, path: str) -> Mapping[str, str]:
    """The object of strings ``name`` of ``wire`` (empty if absent); an error naming the bad one."""
    value: object = wire.get(name)
    if value is None:
        return EMPTY
    if type(value) is not dict and not isinstance(value, Mapping):
        fail(f"{path}.{name}", f"expected an object of strings, got {short(value)}")
    items = cast("Mapping[object, object]", value)
    for key, text in items.items():
        if type(key) is not str or type(text) is not str:
            fail(f"{path}.{name}.{key}", f"expected a string, got {short(text)}")
    return cast("Mapping[str, str]", items)
