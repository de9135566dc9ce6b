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

import hypothesis
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from s3types import EventName, EventVersion, S3Event, S3EventError, parse_event, records
from s3types.testing.strategies import (
    Delivery,
    deliveries,
    event_names,
    mutated,
    s3_events,
    s3_keys,
    s3_records,
)

EVENTS = Path(__file__).resolve().parent.parent / "events"
SEEDS = sorted(p for p in EVENTS.rglob("*.json"))


def _fuzz(examples: int, *, share: int = 1) -> settings:
    # The default is the fast subset CI runs (a few seconds in all).
    # S3TYPES_FUZZ_EXAMPLES=N runs N inputs per test (N // share for the tests
    # whose inputs cost more to build): `nox -s fuzz` sets it for >= 100,000.
    override = os.environ.get("S3TYPES_FUZZ_EXAMPLES")
    return settings(
        max_examples=int(override) // share if override else examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


FUZZ = _fuzz(300)
# Building a delivery costs about ten times more than mutating a fixture.
FUZZ_DELIVERIES = _fuzz(40, share=10)


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


def _summary(event: S3Event) -> list[tuple[object, ...]]:
    return [
        (r.bucket_name, r.key, r.raw_key, r.size, r.version_id, r.event_name, r.sequencer)
        for r in event.records
    ]


# EventBridge and Ceph's CloudEvents rewrite the one record and carry only
# some of its fields: a broken field they leave out cannot break them.
REWRITTEN = ("via_eventbridge", "via_sqs(via_eventbridge())", "Ceph CloudEvents")


@FUZZ_DELIVERIES
@given(delivery=deliveries(max_mutations=4))
def test_mutated_notifications_in_every_envelope_never_crash(delivery: Delivery) -> None:
    # Valid SQS, SNS, SNS-in-SQS, receive_message(), EventBridge (alone and in
    # SQS) and CloudEvents envelopes around a mutated notification.
    hypothesis.event(delivery.wrapper.split(" as ")[0])  # the share of each, in the statistics
    wrapped = check_parse(delivery.wire)
    direct = check_parse(delivery.event)
    if isinstance(direct, S3Event) and isinstance(wrapped, S3Event):
        assert _summary(wrapped) == _summary(direct), delivery.wrapper
        assert {r.origin.service for r in wrapped.records} <= {delivery.service}
    elif not delivery.wrapper.startswith(REWRITTEN) and not _form_changes_the_verdict(delivery):
        # The envelope changes nothing: a notification refused directly is
        # refused inside it, and one accepted directly is accepted.
        assert type(wrapped) is type(direct), (
            f"{delivery.wrapper}: direct gives {direct!r}, wrapped gives {wrapped!r}"
        )


def _form_changes_the_verdict(delivery: Delivery) -> bool:
    """Where a dict and its JSON text may still differ: a lone surrogate outside the key.

    JSON text with a lone surrogate ("\\ud800") anywhere is refused when it is
    read; a dict is refused for one in the key (no S3 key can hold it,
    tests/deliveries/test_reliability.py) but keeps one in an unknown field's
    text, which s3types does not scan. An envelope carries the notification
    as JSON text, so both outcomes are allowed for those. The depth limit
    (128 levels) is one rule for every form, so depth needs no exception.
    """
    text = json.dumps(delivery.event, ensure_ascii=False, default=repr)
    return any("\ud800" <= char <= "\udfff" for char in text)


WRAPPERS = [
    "direct",
    "via_sqs",
    "via_sqs(through_sns=True)",
    "via_sns",
    "sqs.receive_message()",
    "via_eventbridge",
    "via_sqs(via_eventbridge())",
    "Ceph CloudEvents",
]


@pytest.mark.parametrize("max_mutations", [0, 1])
@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_every_envelope_is_generated(wrapper: str, max_mutations: int) -> None:
    # The fuzz and property tests above reach every envelope, mutated or not.
    # Small one-record notifications with known names, so that the rewritten
    # forms (EventBridge, CloudEvents) come sooner.
    small = s3_records(keys=s3_keys(max_bytes=16), names=event_names(new=False))
    found = find(
        deliveries(s3_events(records=small, max_records=1), max_mutations=max_mutations),
        lambda delivery: delivery.wrapper.split(" as ")[0] == wrapper,
        # The first one found is enough: no shrinking.
        settings=settings(max_examples=1000, database=None, deadline=None, phases=[Phase.generate]),
    )
    assert found.service == ("sqs" if "sqs" in wrapper else found.service)
