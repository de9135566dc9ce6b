"""Type checks of s3types.testing.strategies (mypy --strict and pyright; never run by pytest)."""

from __future__ import annotations

from typing import Any, Literal

from hypothesis import given
from hypothesis.strategies import SearchStrategy
from typing_extensions import assert_type

from s3types import S3Event, parse_event
from s3types.testing.strategies import (
    Delivery,
    bucket_names,
    deliveries,
    event_names,
    mutated,
    s3_events,
    s3_keys,
    s3_records,
    sequencers,
)

assert_type(s3_keys(), SearchStrategy[str])
assert_type(s3_keys(max_bytes=64), SearchStrategy[str])
assert_type(bucket_names(), SearchStrategy[str])
assert_type(event_names(new=False, prefixed=True), SearchStrategy[str])
assert_type(sequencers(), SearchStrategy[str])
assert_type(
    s3_records(keys=s3_keys(max_bytes=16), names=event_names()), SearchStrategy[dict[str, Any]]
)
assert_type(s3_events(records=s3_records(), min_records=0), SearchStrategy[dict[str, Any]])
assert_type(deliveries(s3_events(max_records=1)), SearchStrategy[Delivery])
assert_type(deliveries(max_mutations=4), SearchStrategy[Delivery])
assert_type(mutated({"Records": []}), SearchStrategy[Any])
assert_type(mutated([1], max_mutations=2, python_values=True, encode=False), SearchStrategy[Any])

s3_keys(1024)  # type: ignore[call-arg]
deliveries(s3_keys())  # type: ignore[arg-type]
deliveries(s3_events(), 4)  # type: ignore[call-arg]
mutated({}, 4)  # type: ignore[call-arg]


@given(deliveries())
def check_delivery(delivery: Delivery) -> None:
    assert_type(delivery.wire, dict[str, Any] | str | bytes)
    assert_type(delivery.service, Literal["s3", "sqs", "sns", "eventbridge"])
    assert_type(parse_event(delivery.wire), S3Event)
    delivery.service = "s3"  # type: ignore[misc]
