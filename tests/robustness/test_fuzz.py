"""Mutated real events: ``parse_event`` returns a valid event or raises S3EventError, nothing else.

Every fixture under tests/events/ is a seed. Hypothesis drops fields, swaps
types, puts huge, empty, null, deeply nested and non-JSON values in, breaks
percent-escapes, and corrupts the JSON text (truncation, invalid UTF-8,
bad escapes), also inside the JSON carried in SQS bodies and SNS messages.
Whatever comes out, the only exception allowed is :class:`S3EventError`
with a message, raised by our own checks: never KeyError, TypeError,
AttributeError, RecursionError, UnicodeError or a raw pydantic
ValidationError, and never one that the last-resort handler in
``parse_event`` had to translate.
"""

from __future__ import annotations

import copy
import datetime
import json
import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from s3types import EventName, EventVersion, S3Event, S3EventError, parse_event, records
from s3types.testing.strategies import Delivery, deliveries

EVENTS = Path(__file__).resolve().parent.parent / "events"
SEEDS = sorted(p for p in EVENTS.rglob("*.json"))


def _fuzz(examples: int) -> settings:
    # S3TYPES_FUZZ_EXAMPLES=50000 fuzzes longer; the defaults keep CI fast.
    return settings(
        max_examples=int(os.environ.get("S3TYPES_FUZZ_EXAMPLES", str(examples))),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


FUZZ = _fuzz(1000)
# Generating a delivery costs more than mutating a fixture.
FUZZ_DELIVERIES = _fuzz(200)


def _seed_events() -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for path in SEEDS:
        loaded = json.loads(path.read_bytes())
        name = path.relative_to(EVENTS).as_posix()
        items = loaded if isinstance(loaded, list) else [loaded]
        found.extend((f"{name}[{index}]", item) for index, item in enumerate(items))
    return found


SEED_EVENTS = _seed_events()


def check_parse(wire: object) -> S3Event | S3EventError:
    """Parse ``wire``; require a valid event or an S3EventError of our own making."""
    try:
        event = parse_event(wire)  # type: ignore[arg-type]
    except S3EventError as err:
        assert str(err).strip(), "S3EventError without a message"
        # Our checks raise "from None" or with no cause; a cause means the
        # last-resort handler in parse_event caught a bug (KeyError, ...).
        assert err.__cause__ is None, f"parse_event's safety net caught {err.__cause__!r}"
        assert not isinstance(err.__context__, RecursionError), "hit the recursion limit"
        return err
    assert isinstance(event, S3Event)
    for record in event.records:
        assert isinstance(record.key, str) and isinstance(record.raw_key, str)
        assert isinstance(record.bucket_name, str)
        assert record.size is None or (type(record.size) is int and record.size >= 0)
        assert record.version_id is None or record.version_id not in ("", "null")
        assert isinstance(record.event_name, EventName)
        assert isinstance(record.event_version, EventVersion)
        assert record.event_time.utcoffset() == datetime.timedelta(0)
    assert [r.key for r in records(wire)] == [r.key for r in event.records]  # type: ignore[arg-type]
    return event


@pytest.mark.parametrize(("name", "seed"), SEED_EVENTS, ids=[name for name, _ in SEED_EVENTS])
def test_every_seed_as_dict_text_and_bytes(name: str, seed: Any) -> None:
    outcomes = [
        check_parse(wire)
        for wire in (copy.deepcopy(seed), json.dumps(seed), json.dumps(seed).encode())
    ]
    # The form of delivery never changes the verdict.
    assert len({type(outcome) for outcome in outcomes}) == 1, name


@dataclass
class Embedded:
    """JSON carried as a string (an SQS body, an SNS Message), mutated as a tree."""

    value: Any
    corrupt: list[tuple[str, int, str]] = field(default_factory=list)


def _unwrap(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _unwrap(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unwrap(v) for v in value]
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return Embedded(_unwrap(json.loads(value)))
        except ValueError:
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
    if isinstance(value, Embedded):
        text = json.dumps(_wrap(value.value), ensure_ascii=False, default=repr)
        return _text_corrupted(text, value.corrupt)
    if isinstance(value, dict):
        return {k: _wrap(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


def _locations(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) in the tree; (Embedded, None) stands for its JSON text."""
    found: list[tuple[Any, Any]] = []
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, Embedded):
            found.append((current, None))
            stack.append(current.value)
            if isinstance(current.value, (dict, list)):
                found.append((current, "value"))
        elif isinstance(current, dict):
            for k, v in current.items():
                found.append((current, k))
                stack.append(v)
        elif isinstance(current, list):
            for index, v in enumerate(current):
                found.append((current, index))
                stack.append(v)
    return found


def _nested(depth: int, leaf: Any, *, as_list: bool) -> Any:
    for _ in range(depth):
        leaf = [leaf] if as_list else {"Records": leaf}
    return leaf


BAD_ESCAPES = ["%", "%Z", "%zz", "%C3%28", "%ED%A0%80", "%FF%FE", "%00", "%%", "%C3", "+%2"]
NASTY = st.one_of(
    st.sampled_from(
        [None, "", " ", "null", 0, -1, -(2**63), 2**64, 10**40, 0.5, -0.0, 1e308, True, False]
    ),
    st.sampled_from([[], {}, [{}], [None], {"Records": []}, "{}", "[]", "\ud800", "\x00"]),
    st.sampled_from(BAD_ESCAPES),
    st.text(max_size=20),
    st.integers(),
    st.floats(allow_nan=False),
    st.builds(
        lambda piece, n: piece * n, st.sampled_from(["x", "%", "%C3", "+", "é"]), st.just(10**6)
    ),
    st.builds(
        _nested,
        st.sampled_from([20, 60, 150]),
        st.sampled_from([None, {}, "s3", 1]),
        as_list=st.booleans(),
    ),
)  # fmt: skip
# What a dict handed to parse_event directly may hold that JSON cannot.
PYTHON_ONLY = st.sampled_from(
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
RENAMES = [str.lower, str.upper, lambda k: k + " ", lambda k: "", lambda k: k.swapcase()]
TEXT_PIECES = ["\\", '"', "\\u12", "\\ud800", "\ud800", "{", "]", ",", "\x00", "\u2028", "é"]


def _mutate(data: st.DataObject, tree: Any, *, python_values: bool) -> None:
    locations = _locations(tree)
    if not locations:
        return
    container, key = data.draw(st.sampled_from(locations))
    if isinstance(container, Embedded):
        if key is None:
            kind = data.draw(st.sampled_from(["truncate", "insert", "replace"]))
            piece = data.draw(st.sampled_from(TEXT_PIECES))
            container.corrupt.append((kind, data.draw(st.integers(0, 10**6)), piece))
        else:
            container.value = copy.deepcopy(data.draw(NASTY))
        return
    value = container[key]
    ops = ["drop", "nasty", "nasty", "wrap", "nest"]
    if isinstance(value, str):
        ops += ["escape", "escape"]
    if isinstance(value, (dict, list)):
        ops += ["swap"]
    if isinstance(container, dict):
        ops += ["rename"]
    if python_values:
        ops += ["python"]
    op = data.draw(st.sampled_from(ops))
    if op == "drop":
        del container[key]
    elif op == "nasty":
        # A copy: later mutations must not change the strategy's own values.
        container[key] = copy.deepcopy(data.draw(NASTY))
    elif op == "python":
        container[key] = data.draw(PYTHON_ONLY)
    elif op == "wrap":
        container[key] = [value]
    elif op == "nest":
        container[key] = _nested(data.draw(st.integers(1, 120)), value, as_list=True)
    elif op == "escape":
        at = data.draw(st.integers(0, len(value)))
        container[key] = value[:at] + data.draw(st.sampled_from(BAD_ESCAPES)) + value[at:]
    elif op == "swap":
        container[key] = (
            list(value.values())
            if isinstance(value, dict)
            else {str(i): v for i, v in enumerate(value)}
        )
    else:
        renamed = data.draw(st.sampled_from(RENAMES))(key)
        container[renamed] = container.pop(key)


def _encoded(data: st.DataObject, event: Any) -> Any:
    encoding = data.draw(st.sampled_from(["dict", "text", "bytes", "broken bytes", "broken text"]))
    if encoding == "dict":
        return event
    text = json.dumps(event, ensure_ascii=data.draw(st.booleans()))
    if encoding == "text":
        return text
    if encoding == "broken text":
        edits = data.draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["truncate", "insert", "replace"]),
                    st.integers(0, len(text)),
                    st.sampled_from(TEXT_PIECES),
                ),
                min_size=1,
                max_size=3,
            )
        )
        return _text_corrupted(text, edits)
    raw = text.encode("utf-8", "surrogatepass")
    if encoding == "bytes":
        return raw
    at = data.draw(st.integers(0, len(raw)))
    junk = data.draw(
        st.one_of(
            st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x00"]),
            st.binary(min_size=1, max_size=4),
        )
    )
    return raw[:at] + junk + raw[at + data.draw(st.integers(0, 2)) :]


SEED_INDEX = st.integers(0, len(SEED_EVENTS) - 1)


@FUZZ
@given(data=st.data(), seed=SEED_INDEX, mutations=st.integers(1, 4))
def test_mutated_real_events_never_crash(data: st.DataObject, seed: int, mutations: int) -> None:
    tree = _unwrap(copy.deepcopy(SEED_EVENTS[seed][1]))
    for _ in range(mutations):
        _mutate(data, tree, python_values=False)
    check_parse(_encoded(data, _wrap(tree)))


@FUZZ_DELIVERIES
@given(data=st.data(), delivery=deliveries(), mutations=st.integers(1, 4))
def test_mutated_deliveries_never_crash(
    data: st.DataObject, delivery: Delivery, mutations: int
) -> None:
    # Every wrapper, including those no fixture has (receive_message(), Ceph).
    wire = delivery.wire
    tree = _unwrap(json.loads(wire) if isinstance(wire, (str, bytes)) else wire)
    for _ in range(mutations):
        _mutate(data, tree, python_values=False)
    check_parse(_encoded(data, _wrap(tree)))


@FUZZ
@given(data=st.data(), seed=SEED_INDEX, mutations=st.integers(1, 3))
def test_python_values_in_dicts_never_crash(data: st.DataObject, seed: int, mutations: int) -> None:
    tree = _unwrap(copy.deepcopy(SEED_EVENTS[seed][1]))
    for _ in range(mutations):
        _mutate(data, tree, python_values=True)
    check_parse(_wrap(tree))


@FUZZ
@given(wire=st.one_of(st.binary(max_size=64), st.text(max_size=64)))
def test_arbitrary_text_and_bytes_never_crash(wire: bytes | str) -> None:
    check_parse(wire)


def _event_like_containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    names = st.sampled_from(["Records", "s3", "eventSource", "body", "Message", "detail"])
    return st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(names | st.text(max_size=6), inner, max_size=4),
    )


JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8))


@FUZZ
@given(wire=st.recursive(JSON_SCALARS, _event_like_containers, max_leaves=20))
def test_arbitrary_json_values_never_crash(wire: Any) -> None:
    check_parse(wire)
