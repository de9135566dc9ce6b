"""Resource limits: big batches parse; absurd inputs are handled or rejected, with short errors.

No timing assertions: these check the outcome and the size of error
messages. The times and memory measured on the reference machine are in the
issue's report (a 256 KB SQS batch parses in a few milliseconds).
"""

from __future__ import annotations

import json
import tracemalloc
from typing import Any

import pytest

from s3types import S3EventDict, S3EventError, parse_event
from s3types._parse import MAX_RECORDS
from s3types.testing import make_event, via_sqs

# An error message must stay readable whatever the input held.
MESSAGE_LIMIT = 2_000


def _rejected(wire: object) -> S3EventError:
    with pytest.raises(S3EventError) as caught:
        parse_event(wire)  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.strip()
    assert len(message) < MESSAGE_LIMIT, message[:300]
    return caught.value


def sqs_batch_of_size(total_bytes: int, messages: int = 10) -> dict[str, Any]:
    """An SQS batch of ``messages`` S3 notifications that is ``total_bytes`` of JSON or more."""
    # 1024-byte keys of two-byte characters: the longest S3 allows, 3 KB once encoded.
    events = [
        make_event(bucket="photos", key=f"{index:04d}/" + "é" * 509, size=index)
        for index in range(messages)
    ]
    while len(json.dumps(via_sqs(*events))) < total_bytes:
        for index, event in enumerate(events):
            number = len(event["Records"])
            key = f"{index:04d}/{number:04d}/" + "é" * 507
            event["Records"].append(make_event(bucket="photos", key=key)["Records"][0])
    return dict(via_sqs(*events))


def test_a_256_kb_sqs_batch_parses_completely() -> None:
    batch = sqs_batch_of_size(256 * 1024)
    assert len(json.dumps(batch)) >= 256 * 1024
    bodies = [json.loads(message["body"]) for message in batch["Records"]]
    expected = [
        (message["messageId"], record["s3"]["object"]["key"])
        for message, body in zip(batch["Records"], bodies, strict=True)
        for record in body["Records"]
    ]
    for wire in (batch, json.dumps(batch), json.dumps(batch).encode()):
        event = parse_event(wire)
        assert [(r.origin.message_id, r.raw_key) for r in event.records] == expected
        assert all(len(r.key.encode()) <= 1024 and r.key.endswith("é") for r in event.records)


def test_a_million_records_are_refused_before_validation() -> None:
    record = make_event(bucket="b", key="k")["Records"][0]
    error = _rejected({"Records": [record] * 1_000_000})
    assert error.path == "Records"
    assert f"({MAX_RECORDS})" in str(error)
    # As JSON text too (bare records: the count is checked before their fields).
    bare = ", ".join(['{"eventSource": "aws:s3"}'] * 1_000_000)
    assert _rejected('{"Records": [' + bare + "]}").path == "Records"


def test_the_record_cap_counts_across_sqs_messages() -> None:
    record = make_event(bucket="b", key="k")["Records"][0]
    half: S3EventDict = {"Records": [record] * (MAX_RECORDS // 2)}
    # Exactly at the cap is still accepted...
    assert len(parse_event(via_sqs(half, half)).records) == MAX_RECORDS
    # ... one more record in the next message is not.
    over = via_sqs(half, half, make_event(bucket="b", key="k"))
    assert _rejected(over).path == "Records[2].body -> Records"


def test_more_sqs_messages_than_a_batch_can_hold_are_refused() -> None:
    message = via_sqs(make_event(bucket="b", key="k"))["Records"][0]
    batch = {"Records": [message] * (MAX_RECORDS + 1)}
    assert _rejected(batch).path == "Records"
    polled = {"Messages": [{"MessageId": "m", "ReceiptHandle": "r", "Body": "{}"}] * 10_001}
    assert _rejected(polled).path == "Messages"


def _nested_dict(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def _nested_list(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def test_unknown_fields_100_levels_deep_are_kept() -> None:
    event = make_event(bucket="b", key="k")
    event["Records"][0]["opaqueData"] = _nested_dict(100)  # type: ignore[typeddict-unknown-key]
    for wire in (event, json.dumps(event)):
        parsed = parse_event(wire)
        kept = parsed.model_dump(mode="json", by_alias=True)["Records"][0]["opaqueData"]
        assert kept == _nested_dict(100)


@pytest.mark.parametrize("depth", [100, 10_000])
def test_deep_nesting_where_a_record_belongs_is_refused(depth: int) -> None:
    for nested in (_nested_dict(depth), _nested_list(depth)):
        _rejected({"Records": [nested]})
        event = make_event(bucket="b", key="k")
        event["Records"][0]["s3"] = nested  # type: ignore[typeddict-item]
        _rejected(event)
    # In an SQS body (json.dumps itself cannot write 10,000 levels).
    body = '{"Records": [' + "[" * depth + "]" * depth + "]}"
    batch = via_sqs(make_event(bucket="b", key="k"))
    batch["Records"][0]["body"] = body
    assert _rejected(batch).path.startswith("Records[0].body")


def test_10000_levels_of_json_text_are_refused() -> None:
    deep = '{"a": ' * 10_000 + "1" + "}" * 10_000
    error = _rejected(deep)
    assert "more than 128 levels deep" in str(error)
    text = json.dumps(make_event(bucket="b", key="k"))
    in_field = text[:-3] + ', "opaqueData": ' + deep + "}]}"
    _rejected(in_field)
    batch = via_sqs(make_event(bucket="b", key="k"))
    batch["Records"][0]["body"] = deep
    assert _rejected(batch).path == "Records[0].body"


def test_10000_levels_of_unknown_field_in_a_dict_are_refused_like_text() -> None:
    # One depth limit for every form: what parses can be dumped, pickled, copied.
    event = make_event(bucket="b", key="k")
    event["Records"][0]["opaqueData"] = _nested_dict(10_000)  # type: ignore[typeddict-unknown-key]
    error = _rejected(event)
    assert "more than 128 levels deep" in str(error)
    assert error.path == ""


@pytest.mark.parametrize("piece", ["a", "é", "+", "😀", "a/b c", "%41", "%"])
def test_a_10_mb_key_is_rejected_before_decoding(piece: str) -> None:
    """No S3 key is longer than 3072 characters URL-encoded; decoding 10 MB would cost ~75x."""
    event = make_event(bucket="b", key="k")
    raw = piece * (10_000_000 // len(piece.encode()))
    event["Records"][0]["s3"]["object"]["key"] = raw
    size = len(raw.encode())
    for wire in (event, json.dumps(event, ensure_ascii=False).encode()):
        assert _rejected(wire).path == "Records[0].s3.object.key"
        # A few copies of the key at most, never one object per character.
        assert _peak_allocation_of_rejection(wire) < 10 * size


def _peak_allocation_of_rejection(wire: object) -> int:
    tracemalloc.start()
    try:
        with pytest.raises(S3EventError):
            parse_event(wire)  # type: ignore[arg-type]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("piece", ["%C3%A9", "%F0%9F%98%80", "a"])
def test_the_longest_key_s3_can_send_parses(piece: str) -> None:
    """1024 bytes of UTF-8, every byte escaped: 3072 characters on the wire."""
    event = make_event(bucket="b", key="k")
    raw = piece * (3072 // len(piece)) if "%" in piece else piece * 1024
    event["Records"][0]["s3"]["object"]["key"] = raw
    record = parse_event(event).records[0]
    assert record.raw_key == raw
    assert len(record.key.encode()) == len(raw) // (3 if "%" in piece else 1)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("eventName", "Object Created " * 700_000),
        ("eventVersion", "9" * 10_000_000),
        ("eventTime", "2" * 10_000_000),
        ("awsRegion", ["x" * 1000] * 10_000),
    ],
)
def test_10_mb_bad_values_give_short_errors(field: str, value: object) -> None:
    event: dict[str, Any] = dict(make_event(bucket="b", key="k"))
    event["Records"][0][field] = value
    error = _rejected(event)
    assert error.path == f"Records[0].{field}"


def test_a_10_mb_size_string_gives_a_short_error() -> None:
    event: dict[str, Any] = dict(make_event(bucket="b", key="k"))
    event["Records"][0]["s3"]["object"]["size"] = "9" * 10_000_000
    assert _rejected(event).path == "Records[0].s3.object.size"


def test_a_10_mb_body_that_is_not_json_gives_a_short_error() -> None:
    batch = via_sqs(make_event(bucket="b", key="k"))
    batch["Records"][0]["body"] = "{" + "x" * 10_000_000
    assert _rejected(batch).path == "Records[0].body"


def test_huge_numbers_are_sizes_or_errors() -> None:
    event: dict[str, Any] = dict(make_event(bucket="b", key="k"))
    event["Records"][0]["s3"]["object"]["size"] = 10**400
    text = json.dumps(event)
    assert parse_event(text).records[0].size == 10**400
    assert _rejected(text.replace(str(10**400), "1e400")).path == "Records[0].s3.object.size"


def test_many_problems_are_summarized() -> None:
    records = [{"eventSource": "aws:s3", "s3": {}}] * 1000
    error = _rejected({"Records": records})
    assert "1000 problems" in str(error) or "problems" in str(error)
    assert "... and" in str(error)
