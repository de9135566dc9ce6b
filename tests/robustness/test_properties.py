"""Properties over generated events: keys, names, lossless dumps, deliveries, sequencers."""

from __future__ import annotations

import itertools
import json
from datetime import datetime, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from s3types import EventName, EventVersion, S3Event, S3EventRecord, Sequencer, parse_event
from s3types.ops._names import MAX_KEY_BYTES, check_bucket_name, check_key
from s3types.testing import encode_key, make_event
from s3types.testing.strategies import (
    Delivery,
    bucket_names,
    deliveries,
    event_names,
    s3_events,
    s3_keys,
    sequencers,
)

# Sized so that tests/robustness runs in well under a minute on two cores.
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(key=s3_keys(), name=event_names())
def test_every_valid_key_comes_back_decoded(key: str, name: str) -> None:
    event = make_event(name, bucket="photos", key=key)
    for wire in (event, json.dumps(event), json.dumps(event, ensure_ascii=False).encode()):
        record = parse_event(wire).records[0]
        assert record.key == key
        assert record.raw_key == encode_key(key)


@PROPERTY
@given(name=event_names(prefixed=True))
def test_every_well_formed_name_parses(name: str) -> None:
    bare = name.removeprefix("s3:")
    record = parse_event(make_event(name, bucket="b", key="k")).records[0]
    assert record.event_name == bare
    assert str(record.event_name) == bare
    assert record.event_name.matches(f"s3:{record.event_name.category}:*")
    assert record.event_name.is_known == (bare in {member.value for member in EventName})


def _instant(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _assert_kept(dumped: Any, original: Any, where: str) -> None:
    """Every field of ``original`` is in ``dumped``, same value or its canonical form."""
    if isinstance(original, dict):
        assert isinstance(dumped, dict), f"{where}: {dumped!r} is not an object"
        for name, value in original.items():
            assert name in dumped, f"{where}.{name} is missing from the dump"
            _assert_kept(dumped[name], value, f"{where}.{name}")
    elif isinstance(original, list):
        assert isinstance(dumped, list), f"{where}: {dumped!r} is not a list"
        assert len(dumped) == len(original), where
        for index, (inner_dumped, inner) in enumerate(zip(dumped, original, strict=True)):
            _assert_kept(inner_dumped, inner, f"{where}[{index}]")
    elif where.endswith("].eventName"):
        assert dumped == original.removeprefix("s3:"), where
    elif where.endswith("].eventVersion"):
        assert EventVersion.parse(dumped) == EventVersion.parse(original), where
    elif where.endswith("].eventTime"):
        assert _instant(dumped) == _instant(original), where
    elif where.endswith(".object.size") and isinstance(original, str):
        assert dumped == int(original), where
    elif where.endswith(".object.versionId") and original in ("", "null"):
        assert dumped is None, where
    else:
        assert dumped == original, f"{where}: {dumped!r} != {original!r}"
        assert type(dumped) is type(original), f"{where}: {dumped!r} is not {original!r}"


@PROPERTY
@given(event=s3_events())
def test_dump_gives_back_every_input_field(event: dict[str, Any]) -> None:
    parsed = parse_event(event)
    dumped = parsed.model_dump(mode="json", by_alias=True)
    _assert_kept(dumped, event, "")
    assert S3Event.model_validate(dumped) == parsed
    assert S3Event.model_validate_json(parsed.model_dump_json()) == parsed


def _summary(record: S3EventRecord) -> tuple[object, ...]:
    return (
        record.bucket_name,
        record.key,
        record.raw_key,
        record.size,
        record.version_id,
        record.event_name,
        record.sequencer,
    )


@PROPERTY
@given(delivery=deliveries())
def test_every_delivery_gives_the_same_records(delivery: Delivery) -> None:
    expected = [_summary(record) for record in parse_event(delivery.event).records]
    parsed = parse_event(delivery.wire)
    assert [_summary(record) for record in parsed.records] == expected, delivery.wrapper
    for record in parsed.records:
        assert record.origin.service == delivery.service, delivery.wrapper
        if delivery.service == "sqs":
            assert record.origin.message_id, delivery.wrapper


def _s3_rule(left: str, right: str) -> int:
    """S3's documented comparison: right-pad the shorter with "0"; case-insensitive hex."""
    width = max(len(left), len(right))
    a, b = left.upper().ljust(width, "0"), right.upper().ljust(width, "0")
    return (a > b) - (a < b)


@PROPERTY
@given(left=sequencers(), right=sequencers())
def test_sequencer_order_follows_the_s3_rule(left: str, right: str) -> None:
    a, b = Sequencer(left), Sequencer(right)
    expected = _s3_rule(left, right)
    assert (a < b, a <= b, a == b, a != b, a >= b, a > b) == (
        expected < 0,
        expected <= 0,
        expected == 0,
        expected != 0,
        expected >= 0,
        expected > 0,
    )
    if a == b:
        assert hash(a) == hash(b)
    # Padding and case never change a sequencer's place.
    assert a == Sequencer(left.swapcase() + "0" * len(right))


@PROPERTY
@given(values=st.lists(sequencers() | st.text(max_size=8), min_size=3, max_size=8))
def test_sequencers_sort_in_a_total_order(values: list[str]) -> None:
    # Any text, not only hex: a malformed sequencer must not break sorting or sets.
    ordered = sorted(Sequencer(value) for value in values)
    for earlier, later in itertools.pairwise(ordered):
        assert earlier <= later
        assert not later < earlier
    # Transitive and consistent with equality and hashing, as a set and a dict need.
    for a in ordered:
        for b in ordered:
            for c in ordered:
                if a <= b and b <= c:
                    assert a <= c
            assert (a == b) == (a <= b and b <= a)
    assert len(set(ordered)) == len({_canonical(value) for value in values})


def _canonical(value: str) -> str:
    return value.upper().rstrip("0")


@PROPERTY
@given(bucket=bucket_names(), key=s3_keys())
def test_generated_names_pass_the_checks_of_the_typed_operations(bucket: str, key: str) -> None:
    assert check_bucket_name(bucket) == bucket
    assert check_key(key) == key
    assert 1 <= len(key.encode()) <= MAX_KEY_BYTES
