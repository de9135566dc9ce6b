"""Hostile variants of a wire event: fields dropped, retyped, nested, renamed, text corrupted."""

from __future__ import annotations

import copy
import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from hypothesis import strategies as st

from s3types.testing.strategies._values import is_array as _is_array
from s3types.testing.strategies._values import is_object as _is_object

__all__ = ["BAD_ESCAPES", "mutated"]

#: Percent-escapes no key decoder may let through: incomplete, not hex, not UTF-8.
BAD_ESCAPES = ("%", "%Z", "%zz", "%C3%28", "%ED%A0%80", "%FF%FE", "%00", "%%", "%C3", "+%2")


@dataclass
class _Embedded:
    """JSON carried as a string (an SQS body, an SNS Message), mutated as a tree."""

    value: Any
    corrupt: list[tuple[str, int, str]] = field(default_factory=list[tuple[str, int, str]])


def _unwrap(value: Any) -> Any:
    if _is_object(value):
        return {k: _unwrap(v) for k, v in value.items()}
    if _is_array(value):
        return [_unwrap(v) for v in value]
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return _Embedded(_unwrap(json.loads(value)))
        except (ValueError, RecursionError):
            return value
    return value


def _text_corrupted(text: str, edits: list[tuple[str, int, str]]) -> str:
    for kind, position, piece in edits:
        at = position % (len(text) + 1)
        if kind == "truncate":
            text = text[:at]
        elif kind == "insert":
            text = text[:at] + piece + text[at:]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    return text


def _wrap(value: Any) -> Any:
    if isinstance(value, _Embedded):
        text = json.dumps(_wrap(value.value), ensure_ascii=False, default=repr)
        return _text_corrupted(text, value.corrupt)
    if _is_object(value):
        return {k: _wrap(v) for k, v in value.items()}
    if _is_array(value):
        return [_wrap(v) for v in value]
    return value


def _locations(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) in the tree; (_Embedded, None) stands for its JSON text."""
    found: list[tuple[Any, Any]] = []
    stack: list[Any] = [value]
    while stack:
        current: Any = stack.pop()
        if isinstance(current, _Embedded):
            found.append((current, None))
            stack.append(current.value)
            if isinstance(current.value, (dict, list)):
                found.append((current, "value"))
        elif _is_object(current):
            mapping = current
            for k, v in mapping.items():
                found.append((mapping, k))
                stack.append(v)
        elif _is_array(current):
            items = current
            for index, v in enumerate(items):
                found.append((items, index))
                stack.append(v)
    return found


def _nested(depth: int, leaf: Any, *, as_list: bool) -> Any:
    for _ in range(depth):
        leaf = [leaf] if as_list else {"Records": leaf}
    return leaf


_NASTY = st.one_of(
    st.sampled_from(
        [None, "", " ", "null", 0, -1, -(2**63), 2**64, 10**40, 0.5, -0.0, 1e308, True, False]
    ),
    st.sampled_from([[], {}, [{}], [None], {"Records": []}, "{}", "[]", "\ud800", "\x00"]),
    st.sampled_from(BAD_ESCAPES),
    st.text(max_size=20),
    st.integers(),
    st.floats(allow_nan=False),
    st.sampled_from(["x", "%", "%C3", "+", "é"]).map(lambda piece: piece * 10**6),
    st.builds(
        _nested,
        st.sampled_from([20, 60, 150]),
        st.sampled_from([None, {}, "s3", 1]),
        as_list=st.booleans(),
    ),
)  # fmt: skip
# What a dict handed to parse_event directly may hold that JSON cannot.
_PYTHON_ONLY = st.sampled_from(
    [
        b"bytes",
        b"\xff\xfe",
        bytearray(b"{}"),
        (1, 2),
        frozenset({1}),
        object(),
        float("nan"),
        float("inf"),
        Decimal("1.5"),
        datetime.datetime(2024, 1, 1),
        Ellipsis,
        2 + 3j,
    ]
)


def _with_space(name: str) -> str:
    return name + " "


def _emptied(name: str) -> str:
    return ""


_RENAMES: list[Callable[[str], str]] = [str.lower, str.upper, _with_space, _emptied, str.swapcase]
_TEXT_PIECES = ["\\", '"', "\\u12", "\\ud800", "\ud800", "{", "]", ",", "\x00", "\u2028", "é"]


def _mutate(draw: st.DrawFn, tree: Any, *, python_values: bool) -> None:
    locations = _locations(tree)
    if not locations:
        return
    container, key = draw(st.sampled_from(locations))
    if isinstance(container, _Embedded):
        if key is None:
            kind = draw(st.sampled_from(["truncate", "insert", "replace"]))
            piece = draw(st.sampled_from(_TEXT_PIECES))
            container.corrupt.append((kind, draw(st.integers(0, 10**6)), piece))
        else:
            container.value = copy.deepcopy(draw(_NASTY))
        return
    value: Any = container[key]
    ops = ["drop", "nasty", "nasty", "wrap", "nest"]
    if isinstance(value, str):
        ops += ["escape", "escape"]
    if _is_object(value) or _is_array(value):
        ops += ["swap"]
    if _is_object(container):
        ops += ["rename"]
    if python_values:
        ops += ["python"]
    op = draw(st.sampled_from(ops))
    if op == "drop":
        del container[key]
    elif op == "nasty":
        # A copy: later mutations must not change the strategy's own values.
        container[key] = copy.deepcopy(draw(_NASTY))
    elif op == "python":
        container[key] = draw(_PYTHON_ONLY)
    elif op == "wrap":
        container[key] = [value]
    elif op == "nest":
        container[key] = _nested(draw(st.integers(1, 120)), value, as_list=True)
    elif op == "escape":
        text = cast("str", value)
        at = draw(st.integers(0, len(text)))
        container[key] = text[:at] + draw(st.sampled_from(BAD_ESCAPES)) + text[at:]
    elif op == "swap":
        if _is_object(value):
            container[key] = list(value.values())
        elif _is_array(value):
            container[key] = {str(i): v for i, v in enumerate(value)}
    else:
        mapping = cast("dict[str, Any]", container)
        renamed = draw(st.sampled_from(_RENAMES))(cast("str", key))
        mapping[renamed] = mapping.pop(key)


def _encoded(draw: st.DrawFn, event: Any) -> Any:
    encoding = draw(st.sampled_from(["dict", "text", "bytes", "broken bytes", "broken text"]))
    if encoding == "dict":
        return event
    text = json.dumps(event, ensure_ascii=draw(st.booleans()))
    if encoding == "text":
        return text
    if encoding == "broken text":
        edits = draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["truncate", "insert", "replace"]),
                    st.integers(0, len(text)),
                    st.sampled_from(_TEXT_PIECES),
                ),
                min_size=1,
                max_size=3,
            )
        )
        return _text_corrupted(text, edits)
    raw = text.encode("utf-8", "surrogatepass")
    if encoding == "bytes":
        return raw
    at = draw(st.integers(0, len(raw)))
    junk = draw(
        st.one_of(
            st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x00"]),
            st.binary(min_size=1, max_size=4),
        )
    )
    return raw[:at] + junk + raw[at + draw(st.integers(0, 2)) :]


@st.composite
def _mutated(
    draw: st.DrawFn, value: Any, max_mutations: int, python_values: bool, encode: bool
) -> Any:
    tree = _unwrap(copy.deepcopy(value))
    for _ in range(draw(st.integers(1, max_mutations))):
        _mutate(draw, tree, python_values=python_values)
    wire = _wrap(tree)
    return _encoded(draw, wire) if encode else wire


def mutated(
    value: Any, *, max_mutations: int = 4, python_values: bool = False, encode: bool = False
) -> st.SearchStrategy[Any]:
    """Hostile variants of ``value`` (a wire event as a dict or list): what a parser must survive.

    Each variant applies 1 to ``max_mutations`` mutations anywhere in the
    tree: a field dropped, renamed (case, spaces, empty), replaced by a
    nasty value (null, empty, huge numbers and strings, lone surrogates,
    deep nesting), wrapped in a list, nested 120 deep, a dict made a list
    or back, a bad percent-escape put into a string. JSON carried as a
    string (an SQS ``body``, an SNS ``Message``) is mutated as a tree too,
    or its text is truncated or corrupted. ``python_values=True`` also puts
    in values JSON cannot hold (bytes, NaN, ``Decimal``, ``object()``).
    ``encode=True`` hands the result over as a dict, JSON text or bytes, or
    as broken text or bytes (truncated, invalid UTF-8, bad escapes).
    ``value`` itself is never changed.

    >>> from hypothesis import given, settings
    >>> from s3types import S3EventError, parse_event
    >>> from s3types.testing import make_event
    >>> @settings(max_examples=20)
    ... @given(mutated(make_event(bucket="photos", key="a.jpg"), encode=True))
    ... def test_nothing_but_s3_event_error(wire: object) -> None:
    ...     try:
    ...         parse_event(wire)
    ...     except S3EventError:
    ...         pass
    >>> test_nothing_but_s3_event_error()
    """
    if max_mutations < 1:
        raise ValueError(f"max_mutations must be at least 1, got {max_mutations}")
    if python_values and encode:
        raise ValueError("python_values=True gives values JSON cannot encode: use encode=False")
    return _mutated(value, max_mutations, python_values, encode)
