"""At-least-once delivery: idempotency keys, ``dedupe`` and ``latest_per_key``.

The properties build a true history per object (puts, copies and deletes,
each with a sequencer greater than the last), deliver it the way S3 may:
with repeats, in any order, sequencers written in different lengths and
cases, and check both functions against a brute-force reference and the
history itself.
"""

from __future__ import annotations

import doctest
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import s3types
import s3types._at_least_once
from s3types import S3Event, S3EventRecord, dedupe, latest_per_key, parse_event
from s3types.testing import make_event, via_eventbridge, via_sns, via_sqs

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
OBJECTS = (("photos", "a.jpg"), ("photos", "dir/red flower.jpg"), ("archive", "a.jpg"))
OPERATIONS = ("ObjectCreated:Put", "ObjectCreated:Copy", "ObjectRemoved:Delete")
WIDTH = 8  # hex digits of a generated sequencer before it is rewritten


def record(
    event_name: str = "ObjectCreated:Put",
    *,
    bucket: str = "photos",
    key: str = "a.jpg",
    sequencer: str | None = "0055AED6DC",
    event_time: datetime = T0,
    version_id: str | None = None,
    etag: str | None = None,
) -> S3EventRecord:
    """One record as S3 sends it; ``sequencer=None`` leaves the field out, as moto does."""
    event = make_event(
        event_name,
        bucket=bucket,
        key=key,
        sequencer=sequencer,
        event_time=event_time,
        version_id=version_id,
        etag=etag,
    )
    if sequencer is None:
        del event["Records"][0]["s3"]["object"]["sequencer"]
    return S3Event.model_validate(event).records[0]


# --- idempotency_key -----------------------------------------------------------------


def test_idempotency_key_is_the_same_for_every_delivery_route() -> None:
    event = make_event(
        bucket="photos", key="dir/red flower+1.jpg", sequencer="0055AED6DC", version_id="v1"
    )
    routes = [event, via_sqs(event), via_sns(event), via_sqs(event, through_sns=True)]
    keys = {parse_event(route).records[0].idempotency_key for route in routes}
    # EventBridge lowercases the sequencer and states the time to the second.
    keys.add(parse_event(via_eventbridge(event)).records[0].idempotency_key)
    assert len(keys) == 1


def test_idempotency_key_ignores_sequencer_case_and_trailing_zeros() -> None:
    assert record(sequencer="0055AED6DC").idempotency_key == (
        record(sequencer="0055aed6dc000").idempotency_key
    )


@pytest.mark.parametrize(
    "other",
    [
        {"bucket": "archive"},
        {"key": "b.jpg"},
        {"version_id": "v2"},
        {"sequencer": "0055AED6DD"},
        {"event_name": "ObjectTagging:Put"},
    ],
    ids=["bucket", "key", "version_id", "sequencer", "event_name"],
)
def test_idempotency_key_differs_when_a_field_that_names_a_notification_does(
    other: dict[str, str],
) -> None:
    base = {"version_id": "v1"}
    assert record(**base).idempotency_key != record(**{**base, **other}).idempotency_key  # type: ignore[arg-type]


def test_idempotency_key_ignores_event_time_and_etag_when_there_is_a_sequencer() -> None:
    first = record(event_time=T0, etag="0" * 32)
    again = record(event_time=T0 + timedelta(seconds=1), etag="1" * 32)
    assert first.idempotency_key == again.idempotency_key


def test_idempotency_key_without_sequencer_falls_back_to_event_time_and_etag() -> None:
    first = record(sequencer=None, event_time=T0, etag="0" * 32)
    assert (
        first.idempotency_key
        == record(sequencer=None, event_time=T0, etag="0" * 32).idempotency_key
    )
    assert (
        first.idempotency_key
        != record(
            sequencer=None, event_time=T0 + timedelta(milliseconds=1), etag="0" * 32
        ).idempotency_key
    )
    assert (
        first.idempotency_key
        != record(sequencer=None, event_time=T0, etag="1" * 32).idempotency_key
    )


def test_idempotency_key_is_64_hex_digits_whatever_the_key_length() -> None:
    long_key = "ä" * 512  # 1,024 bytes of UTF-8: S3's limit
    key = record(key=long_key).idempotency_key
    assert len(key) == 64
    assert set(key) <= set("0123456789abcdef")


def test_idempotency_key_is_stable_across_releases() -> None:
    """Stores keep these keys across deployments: the formula must not drift."""
    assert record(version_id="v1", sequencer="0055aed6dc00").idempotency_key == (
        "657ec9c2f69a966ff714a929cae20c905a20429c952c882138142265cc669d43"
    )


# --- dedupe and latest_per_key: examples ----------------------------------------------


def test_dedupe_keeps_the_first_delivery_and_the_order() -> None:
    a1, b, a1_again, a2 = (
        record(key="a", sequencer="01"),
        record(key="b", sequencer="02"),
        record(key="a", sequencer="01"),
        record(key="a", sequencer="03"),
    )
    kept = dedupe([a1, b, a1_again, a2])
    assert [id(r) for r in kept] == [id(a1), id(b), id(a2)]


def test_latest_per_key_resolves_a_put_delete_put_burst_to_the_last_put() -> None:
    put1 = record("ObjectCreated:Put", sequencer="0055AED6DC")
    delete = record("ObjectRemoved:Delete", sequencer="0055AED6DC0002")
    put2 = record("ObjectCreated:Put", sequencer="0055aed6dc0003")
    assert latest_per_key([put2, delete, put1]) == [put2]
    assert latest_per_key([put1, put2, delete]) == [put2]


def test_latest_per_key_a_delete_that_comes_first_still_wins_over_an_older_put() -> None:
    """The SDK issue: DELETEs processed before PUTs. The later event wins, not the later arrival."""
    put = record("ObjectCreated:Put", sequencer="0055AED6DC")
    delete = record("ObjectRemoved:Delete", sequencer="0055AED6DD")
    assert latest_per_key([delete, put]) == [delete]


def test_latest_per_key_never_compares_sequencers_across_keys() -> None:
    a = record(key="a", sequencer="FF")
    b = record(key="b", sequencer="01")
    other_bucket = record(bucket="archive", key="a", sequencer="00")
    assert latest_per_key([a, b, other_bucket]) == [a, b, other_bucket]


def test_latest_per_key_uses_event_time_without_sequencers() -> None:
    older = record(sequencer=None, event_time=T0)
    newer = record("ObjectRemoved:Delete", sequencer=None, event_time=T0 + timedelta(seconds=1))
    assert latest_per_key([newer, older]) == [newer]


def test_latest_per_key_equal_times_go_to_the_later_arrival() -> None:
    put = record(sequencer=None, event_time=T0)
    delete = record("ObjectRemoved:Delete", sequencer=None, event_time=T0)
    assert latest_per_key([put, delete]) == [delete]
    assert latest_per_key([delete, put]) == [put]


def test_latest_per_key_one_record_without_sequencer_puts_its_key_on_the_time_rule() -> None:
    # By sequencer `late` would lose; it has none, so times decide for the whole key.
    early = record(sequencer="FF", event_time=T0)
    late = record("ObjectRemoved:Delete", sequencer=None, event_time=T0 + timedelta(seconds=1))
    assert latest_per_key([early, late]) == [late]
    assert latest_per_key([late, early]) == [late]


def test_latest_per_key_and_dedupe_take_any_iterable_and_empty() -> None:
    assert latest_per_key(iter([])) == []
    assert dedupe(()) == []
    one = record()
    assert latest_per_key(r for r in [one]) == [one]


def test_public_names() -> None:
    assert s3types.dedupe is dedupe
    assert s3types.latest_per_key is latest_per_key
    assert "dedupe" in s3types.__all__
    assert "latest_per_key" in s3types.__all__


def test_docstring_examples_run() -> None:
    result = doctest.testmod(s3types._at_least_once, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


# --- the properties ------------------------------------------------------------------


@dataclass(frozen=True)
class Delivered:
    """A delivered record and the truth about it: its object, event and sequencer value."""

    record: S3EventRecord
    object_id: tuple[str, str]
    event_name: str
    order: int  # the sequencer as a number: greater is later, for this object only


def _written(value: int, strip: bool, zeros: int, lower: bool) -> str:
    """One way S3 or EventBridge may write a sequencer value (all equal by S3's rule)."""
    text = f"{value:0{WIDTH}X}"
    if strip:
        text = text.rstrip("0") or "0"
    text += "0" * zeros
    return text.lower() if lower else text


_writings = st.tuples(st.booleans(), st.integers(0, 3), st.booleans())
_values = st.one_of(
    st.integers(1, 16**WIDTH - 1),
    # Values with trailing zeros, so written sequencers differ in length.
    st.integers(1, 255).map(lambda v: v * 16 ** (WIDTH - 2)),
)


@st.composite
def deliveries(draw: st.DrawFn) -> tuple[list[Delivered], dict[tuple[str, str], Delivered]]:
    """A history per object, delivered with repeats in any order; and each object's last event."""
    delivered: list[Delivered] = []
    last: dict[tuple[str, str], Delivered] = {}
    for object_id in draw(st.lists(st.sampled_from(OBJECTS), min_size=1, max_size=3, unique=True)):
        values = sorted(draw(st.sets(_values, min_size=1, max_size=5)))
        for value in values:
            event_name = draw(st.sampled_from(OPERATIONS))
            copies = draw(st.integers(1, 3))  # 1: delivered once; more: repeats
            items: list[Delivered] = []
            for _ in range(copies):
                strip, zeros, lower = draw(_writings)
                item = Delivered(
                    record(
                        event_name,
                        bucket=object_id[0],
                        key=object_id[1],
                        sequencer=_written(value, strip, zeros, lower),
                    ),
                    object_id,
                    event_name,
                    value,
                )
                items.append(item)
            delivered.extend(items)
            last[object_id] = items[0]
    return draw(st.permutations(delivered)), last


def _reference_latest(delivered: list[Delivered]) -> list[int]:
    """Brute force: kept when no record of its object is later, nor an equal one earlier."""
    kept: list[int] = []
    for i, mine in enumerate(delivered):
        beaten = any(
            other.object_id == mine.object_id
            and (other.order > mine.order or (other.order == mine.order and j < i))
            for j, other in enumerate(delivered)
        )
        if not beaten:
            kept.append(i)
    return kept


def _reference_dedupe(delivered: list[Delivered]) -> list[int]:
    """Brute force: a record is kept when no earlier record is the same notification."""
    return [
        i
        for i, mine in enumerate(delivered)
        if not any(
            (other.object_id, other.order, other.event_name)
            == (mine.object_id, mine.order, mine.event_name)
            for other in delivered[:i]
        )
    ]


def _positions(result: list[S3EventRecord], delivered: list[Delivered]) -> list[int]:
    where = {id(item.record): i for i, item in enumerate(delivered)}
    return [where[id(r)] for r in result]


@settings(max_examples=150, deadline=None)
@given(deliveries())
def test_latest_per_key_returns_the_true_last_state(
    case: tuple[list[Delivered], dict[tuple[str, str], Delivered]],
) -> None:
    delivered, last = case
    result = latest_per_key([item.record for item in delivered])
    positions = _positions(result, delivered)
    assert positions == _reference_latest(delivered)
    truth = {
        delivered[i].object_id: (delivered[i].event_name, delivered[i].order) for i in positions
    }
    assert truth == {object_id: (item.event_name, item.order) for object_id, item in last.items()}


@settings(max_examples=150, deadline=None)
@given(deliveries())
def test_dedupe_returns_the_distinct_notifications(
    case: tuple[list[Delivered], dict[tuple[str, str], Delivered]],
) -> None:
    delivered, _ = case
    result = dedupe([item.record for item in delivered])
    positions = _positions(result, delivered)
    assert positions == _reference_dedupe(delivered)
    distinct = {(item.object_id, item.order, item.event_name) for item in delivered}
    kept = [
        (delivered[i].object_id, delivered[i].order, delivered[i].event_name) for i in positions
    ]
    assert sorted(kept) == sorted(distinct)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(OBJECTS), st.integers(0, 50), st.sampled_from(OPERATIONS)),
        min_size=1,
        max_size=20,
    )
)
def test_latest_per_key_without_sequencers_takes_the_latest_time_then_the_last_arrival(
    events: list[tuple[tuple[str, str], int, str]],
) -> None:
    records = [
        record(
            name,
            bucket=bucket,
            key=key,
            sequencer=None,
            event_time=T0 + timedelta(milliseconds=ms),
        )
        for (bucket, key), ms, name in events
    ]
    result = latest_per_key(records)
    expected: list[int] = []
    for i, ((bucket, key), ms, _) in enumerate(events):
        later = any(
            (b, k) == (bucket, key) and (m > ms or (m == ms and j > i))
            for j, ((b, k), m, _) in enumerate(events)
        )
        if not later:
            expected.append(i)
    where = {id(r): i for i, r in enumerate(records)}
    assert [where[id(r)] for r in result] == expected
