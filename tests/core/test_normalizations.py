"""Each normalization on its edge cases."""

from __future__ import annotations

import copy
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import unquote_plus

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from s3types import EventName, EventVersion, S3Event, S3EventError, Sequencer, parse_event
from s3types._values import MAX_WIRE_KEY_LENGTH, decode_key
from s3types.testing import encode_key, make_event


def _event(**object_fields: Any) -> dict[str, Any]:
    event: dict[str, Any] = copy.deepcopy(dict(make_event(bucket="bucket", key="k")))
    obj = event["Records"][0]["s3"]["object"]
    obj.clear()
    obj.update(object_fields)
    return event


def _record_field(field: str, value: Any) -> dict[str, Any]:
    event: dict[str, Any] = copy.deepcopy(dict(make_event(bucket="bucket", key="k")))
    event["Records"][0][field] = value
    return event


@pytest.mark.parametrize(
    ("wire", "decoded"),
    [
        ("red+flower.jpg", "red flower.jpg"),
        ("red%20flower.jpg", "red flower.jpg"),
        ("%C3%A4", "ä"),
        ("a%2Bb", "a+b"),
        ("a%2Bb+c", "a+b c"),
        ("100%25", "100%"),
        ("%3D%26%3A%40%24", "=&:@$"),
        ("+leading", " leading"),
        ("a/b/c.txt", "a/b/c.txt"),
        ("a%2Fb", "a/b"),
        ("%F0%9F%8E%89", "🎉"),
        ("plain-key_1.txt", "plain-key_1.txt"),
    ],
)
def test_key_is_decoded_once(wire: str, decoded: str) -> None:
    record = parse_event(_event(key=wire)).records[0]
    assert record.key == decoded
    assert record.s3.object.key == decoded
    assert record.raw_key == wire


def test_key_is_not_decoded_twice() -> None:
    # "%2520" is an encoded "%20": one decode gives "%20", not " ".
    assert parse_event(_event(key="%2520")).records[0].key == "%20"


@pytest.mark.parametrize(
    "key",
    [
        "red flower+1.jpg",
        "100% = done & more: @home $5.txt",
        "  leading spaces",
        "café/ünïcødé 🎉.txt",
        "a/b/c/d/e.txt",
        "x" * 1024,
        "é" * 512,  # 1024 UTF-8 bytes
    ],
)
def test_make_event_round_trips_hard_keys(key: str) -> None:
    event = make_event(bucket="b", key=key)
    assert event["Records"][0]["s3"]["object"]["key"] == encode_key(key)
    assert parse_event(event).records[0].key == key


@pytest.mark.parametrize(
    ("wire", "expected"),
    [(1024, 1024), ("1024", 1024), (0, 0), ("0", 0), (5.0, 5), (None, None)],
)
def test_size(wire: Any, expected: int | None) -> None:
    assert parse_event(_event(key="k", size=wire)).records[0].size == expected


def test_size_absent() -> None:
    assert parse_event(_event(key="k")).records[0].size is None


@pytest.mark.parametrize("wire", [-1, "-1", 1.5, True, False, "12a", "", "١٢", [], {}])
def test_bad_size_is_an_error_at_its_path(wire: Any) -> None:
    with pytest.raises(S3EventError) as caught:
        parse_event(_event(key="k", size=wire))
    assert caught.value.path == "Records[0].s3.object.size"
    assert "size" in str(caught.value)


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        (None, None),
        ("", None),
        ("null", None),
        ("3HL4kqtJlcpXroDTDmjVBH40Nrjfkd", "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd"),
        ("Null", "Null"),
    ],
)
def test_version_id(wire: str | None, expected: str | None) -> None:
    assert parse_event(_event(key="k", versionId=wire)).records[0].version_id == expected


def test_version_id_absent() -> None:
    assert parse_event(_event(key="k")).records[0].version_id is None


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("2.0", EventVersion(2, 0)),
        ("2.1", EventVersion(2, 1)),
        ("2.2", EventVersion(2, 2)),
        ("2.3", EventVersion(2, 3)),
        ("2.4", EventVersion(2, 4)),
        ("2.5", EventVersion(2, 5)),
        ("2.6", EventVersion(2, 6)),
        ("3.0", EventVersion(3, 0)),
        ("2.10", EventVersion(2, 10)),
        ("0", EventVersion(0, 0)),
    ],
)
def test_event_version(wire: str, expected: EventVersion) -> None:
    version = parse_event(_record_field("eventVersion", wire)).records[0].event_version
    assert version == expected
    assert str(version) == f"{expected.major}.{expected.minor}"


@pytest.mark.parametrize("wire", ["", "two", "2.", ".1", "2.1.3", "v2.1", "2,1", 2.1, None, "-1.0"])
def test_bad_event_version(wire: Any) -> None:
    with pytest.raises(S3EventError) as caught:
        parse_event(_record_field("eventVersion", wire))
    assert caught.value.path == "Records[0].eventVersion"


def test_event_version_ordering_and_compatibility() -> None:
    assert EventVersion(2, 1) < EventVersion(2, 10) < EventVersion(3, 0)
    assert EventVersion(2, 6).is_compatible(EventVersion(2, 1))
    assert not EventVersion(2, 0).is_compatible(EventVersion(2, 1))
    assert not EventVersion(3, 0).is_compatible(EventVersion(2, 1))


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("2021-02-19 02:03:08.330496Z", datetime(2021, 2, 19, 2, 3, 8, 330496, timezone.utc)),
        ("2019-09-03T19:37:27.192Z", datetime(2019, 9, 3, 19, 37, 27, 192000, timezone.utc)),
        ("1970-01-01T00:00:00Z", datetime(1970, 1, 1, tzinfo=timezone.utc)),
        # moto writes local-less timestamps: they are UTC.
        ("2024-05-01T10:00:00.123456", datetime(2024, 5, 1, 10, 0, 0, 123456, timezone.utc)),
        ("2016-10-12T06:51:33-07:00", datetime(2016, 10, 12, 13, 51, 33, tzinfo=timezone.utc)),
    ],
)
def test_event_time_is_aware_utc(wire: str, expected: datetime) -> None:
    moment = parse_event(_record_field("eventTime", wire)).records[0].event_time
    assert moment == expected
    assert moment.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "wire",
    [
        "date",
        "",
        "2016–09–08T22:34:38.226Z",
        None,
        # Valid times that fall outside datetime's range once moved to UTC.
        "9999-12-31T23:59:59-01:00",
        "0001-01-01T00:00:00+01:00",
    ],
)
def test_bad_event_time(wire: Any) -> None:
    with pytest.raises(S3EventError) as caught:
        parse_event(_record_field("eventTime", wire))
    assert caught.value.path == "Records[0].eventTime"


def test_event_names() -> None:
    assert parse_event(_record_field("eventName", "s3:ObjectCreated:Put")).records[
        0
    ].event_name is (EventName.OBJECT_CREATED_PUT)
    future = parse_event(_record_field("eventName", "ObjectCreated:Teleport")).records[0].event_name
    assert future == "ObjectCreated:Teleport"
    assert isinstance(future, EventName)
    assert not future.is_known
    assert future.matches("s3:ObjectCreated:*")
    by_name: dict[str, int] = {EventName.OBJECT_CREATED_PUT: 1}
    assert by_name["ObjectCreated:Put"] == 1
    assert {"ObjectCreated:Put": 2}[EventName.OBJECT_CREATED_PUT] == 2
    assert str(EventName.OBJECT_REMOVED_DELETE) == "ObjectRemoved:Delete"
    assert f"{EventName.OBJECT_REMOVED_DELETE}" == "ObjectRemoved:Delete"


@pytest.mark.parametrize("wire", ["", "Object Created", "ObjectCreated:", "s3:", "A:B:C", "x1", 3])
def test_bad_event_names(wire: Any) -> None:
    with pytest.raises(S3EventError) as caught:
        parse_event(_record_field("eventName", wire))
    assert caught.value.path == "Records[0].eventName"


@pytest.mark.parametrize(
    ("name", "pattern", "matches"),
    [
        ("ObjectCreated:Put", "s3:ObjectCreated:*", True),
        ("ObjectCreated:Put", "ObjectCreated:Put", True),
        ("ObjectCreated:Put", "s3:ObjectCreated:Copy", False),
        ("ObjectRemoved:DeleteMarkerCreated", "s3:ObjectRemoved:*", True),
        ("LifecycleTransition", "s3:LifecycleTransition", True),
        ("LifecycleExpiration:Delete", "s3:ObjectRemoved:*", False),
    ],
)
def test_event_name_matches(name: str, pattern: str, matches: bool) -> None:
    assert EventName(name).matches(pattern) is matches


def test_every_documented_event_name_parses() -> None:
    for member in EventName:
        record = parse_event(make_event(member, bucket="b", key="k")).records[0]
        assert record.event_name is member


@pytest.mark.parametrize(
    ("smaller", "larger"),
    [
        ("0055AED6DCD90281E5", "0055AED6DCD90281E6"),
        ("0055AED6DC", "0055AED6DD00"),  # shorter padded with zeros
        ("0055aed6dcd90281e5", "0055AED6DCD90281E6"),  # case-insensitive
        ("617f08299329d189", "617F0837B476E463"),
    ],
)
def test_sequencer_ordering(smaller: str, larger: str) -> None:
    assert Sequencer(smaller) < Sequencer(larger)
    assert Sequencer(larger) > Sequencer(smaller)
    assert Sequencer(smaller) != Sequencer(larger)


def test_sequencer_equality_follows_padding() -> None:
    assert Sequencer("0A") == Sequencer("0a00")
    assert hash(Sequencer("0A")) == hash(Sequencer("0a00"))
    assert Sequencer("0A") <= Sequencer("0A000") <= Sequencer("0A")
    assert sorted(map(Sequencer, ["0B", "0A1", "0a", "0A0"])) == ["0A", "0A", "0A1", "0B"]


def test_sequencer_from_record_and_missing() -> None:
    assert parse_event(_event(key="k", sequencer="0055AED6DCD90281E5")).records[0].sequencer == (
        Sequencer("0055aed6dcd90281e5")
    )
    assert parse_event(_event(key="k")).records[0].sequencer is None


def test_unknown_fields_are_kept() -> None:
    event = _event(key="k", size=1)
    event["Records"][0]["s3"]["bucket"]["awsGeneratedTags"] = {"aws:x": "y"}
    event["Records"][0]["source"] = {"host": "127.0.0.1"}
    record = S3Event.model_validate(event).records[0]
    assert record.s3.bucket.model_extra == {"awsGeneratedTags": {"aws:x": "y"}}
    dumped = record.model_dump(mode="json", by_alias=True)
    assert dumped["source"] == {"host": "127.0.0.1"}
    assert dumped["s3"]["bucket"]["awsGeneratedTags"] == {"aws:x": "y"}


def test_identity_and_request_blocks_read_as_models() -> None:
    event: dict[str, Any] = copy.deepcopy(dict(make_event(bucket="bucket", key="k")))
    event["Records"][0]["userIdentity"]["sessionContext"] = {"mfa": True}
    record = S3Event.model_validate(event).records[0]
    assert record.user_identity is not None
    assert record.user_identity.principal_id == "AWS:AIDAEXAMPLEUSER"
    assert record.user_identity.model_extra == {"sessionContext": {"mfa": True}}
    assert record.user_identity is record.user_identity  # built once
    assert record.request_parameters is not None
    assert record.request_parameters.source_ip_address == "203.0.113.10"
    assert record.response_elements is not None
    assert record.response_elements.x_amz_id_2 is not None
    assert record.s3.bucket is record.s3.bucket  # built once
    assert (record.bucket_name, record.s3.bucket.arn) == ("bucket", "arn:aws:s3:::bucket")
    assert record.s3.bucket.owner_identity is not None
    assert record.s3.bucket.owner_identity.principal_id == "A3NL1KOZZKEXAMPLE"
    assert hash(record) == hash(S3Event.model_validate(event).records[0])
    assert record.model_dump(mode="json")["userIdentity"]["sessionContext"] == {"mfa": True}


def test_a_bad_identity_is_an_error_at_parse_time() -> None:
    event = _record_field("userIdentity", {"principalId": 5})
    with pytest.raises(S3EventError) as caught:
        parse_event(event)
    assert caught.value.path == "Records[0].userIdentity.principalId"


def test_a_bucket_without_a_name_is_an_error_at_parse_time() -> None:
    event: dict[str, Any] = copy.deepcopy(dict(make_event(bucket="bucket", key="k")))
    del event["Records"][0]["s3"]["bucket"]["name"]
    with pytest.raises(S3EventError) as caught:
        parse_event(event)
    assert caught.value.path == "Records[0].s3.bucket.name"


_KEY_PIECES = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(max_codepoint=127)),
    st.sampled_from(
        ["%", "%2", "%2B", "%C3", "%A4", "%e2%9c%93", "%ZZ", "+", "%F0%9F", "%8E%89", "\\", "\\x41"]
    ),
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_KEY_PIECES).map("".join))
def test_decode_key_is_exactly_unquote_plus(raw: str) -> None:
    # unquote_plus, strict: an escape that is not UTF-8, an empty key or one
    # over 1,024 bytes names no S3 object and is refused instead.
    raw = raw[:MAX_WIRE_KEY_LENGTH]
    try:
        expected: str | None = unquote_plus(raw, errors="strict")
    except UnicodeDecodeError:
        expected = None
    if not raw or expected is None or len(expected.encode("utf-8", "surrogatepass")) > 1024:
        with pytest.raises(ValueError, match="key"):
            decode_key(raw)
    else:
        assert decode_key(raw) == expected
