"""Type checks of the core public API (mypy --strict only; never run by pytest)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Literal

from typing_extensions import assert_type

from s3types import (
    EventName,
    EventVersion,
    Origin,
    RequestParameters,
    ResponseElements,
    S3Event,
    S3EventDict,
    S3EventError,
    S3EventRecord,
    S3TestEvent,
    Sequencer,
    UserIdentity,
    parse_event,
    records,
)
from s3types.testing import make_event, test_event, via_eventbridge, via_sns, via_sqs

wire: S3EventDict = make_event(bucket="b", key="k")
event = parse_event(wire)
assert_type(event, S3Event)
assert_type(parse_event(b"{}"), S3Event)
assert_type(parse_event("{}"), S3Event)
assert_type(event.records, tuple[S3EventRecord, ...])
assert_type(event.is_test_event, bool)
assert_type(event.test_event, S3TestEvent | None)
assert_type(records(wire), Iterator[S3EventRecord])
assert_type(S3Event.model_validate(wire), S3Event)
assert_type(S3Event.model_validate_json("{}"), S3Event)

record = event.records[0]
assert_type(record.bucket_name, str)
assert_type(record.key, str)
assert_type(record.raw_key, str)
assert_type(record.size, int | None)
assert_type(record.etag, str | None)
assert_type(record.version_id, str | None)
assert_type(record.sequencer, Sequencer | None)
assert_type(record.event_name, EventName)
assert_type(record.event_time, datetime)
assert_type(record.event_version, EventVersion)
assert_type(record.region, str)
assert_type(record.origin, Origin)
assert_type(record.origin.service, Literal["s3", "sqs", "sns", "eventbridge"])
assert_type(record.origin.message_id, str | None)
assert_type(record.s3.bucket.arn, str | None)
assert_type(record.user_identity, UserIdentity | None)
assert_type(record.request_parameters, RequestParameters | None)
assert_type(record.response_elements, ResponseElements | None)
assert_type(record.s3.bucket.owner_identity, UserIdentity | None)
assert_type(record.event_version.major, int)
assert_type(record.event_version.is_compatible(EventVersion(2, 1)), bool)
assert_type(record.event_name.matches("s3:ObjectCreated:*"), bool)
assert_type(S3EventError("x").path, str)
assert_type(S3EventError("x").looks_like, str | None)

parse_event(via_sqs(wire))
parse_event(via_sns(wire))
parse_event(via_eventbridge(wire))
parse_event(test_event("b"))

# Misuse mypy must reject (a vanished error fails the check: warn_unused_ignores).
record.size + 1  # type: ignore[operator]
len(record.version_id)  # type: ignore[arg-type]
record.key = "other"  # type: ignore[misc]
parse_event(42)  # type: ignore[arg-type]
make_event(bucket="b")  # type: ignore[call-arg]
make_event("ObjectCreated:Put", "b", "k")  # type: ignore[call-arg]
