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
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from s3types import EventName, EventVersion, S3Event, S3EventError, parse_event, records
from s3types.testing.strategies import Delivery, deliveries, mutated

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


SEED_INDEX = st.integers(0, len(SEED_EVENTS) - 1)


@FUZZ
@given(data=st.data(), seed=SEED_INDEX)
def test_mutated_real_events_never_crash(data: st.DataObject, seed: int) -> None:
    check_parse(data.draw(mutated(SEED_EVENTS[seed][1], encode=True)))


@FUZZ_DELIVERIES
@given(data=st.data(), delivery=deliveries())
def test_mutated_deliveries_never_crash(data: st.DataObject, delivery: Delivery) -> None:
    # Every wrapper, including those no fixture has (receive_message(), Ceph),
    # mutated as a whole: envelope fields and the JSON it carries alike.
    wire = delivery.wire
    tree = json.loads(wire) if isinstance(wire, (str, bytes)) else wire
    check_parse(data.draw(mutated(tree, encode=True)))


@FUZZ
@given(data=st.data(), seed=SEED_INDEX)
def test_python_values_in_dicts_never_crash(data: st.DataObject, seed: int) -> None:
    check_parse(data.draw(mutated(SEED_EVENTS[seed][1], max_mutations=3, python_values=True)))


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
