"""Regression tests for the core items of the reliability issue, named after what they protect."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest

from s3types import S3Event, S3EventError, Sequencer, parse_event
from s3types._limits import MAX_DEPTH
from s3types.testing import make_event, test_event, via_eventbridge, via_sns, via_sqs

PUT = make_event(bucket="photos", key="a b.txt", size=3)


def _rejected(event: Any) -> S3EventError:
    with pytest.raises(S3EventError) as caught:
        parse_event(event)
    return caught.value


def _with_object(**fields: Any) -> dict[str, Any]:
    event: dict[str, Any] = copy.deepcopy(dict(PUT))
    event["Records"][0]["s3"]["object"].update(fields)
    return event


def _with_bucket(name: str) -> dict[str, Any]:
    event: dict[str, Any] = copy.deepcopy(dict(PUT))
    event["Records"][0]["s3"]["bucket"]["name"] = name
    return event


# --- the s3:TestEvent --------------------------------------------------------


def test_model_validate_of_the_test_event_gives_an_event_with_no_records() -> None:
    for form in (test_event("photos"), json.dumps(test_event("photos"))):
        event = (
            S3Event.model_validate_json(form)
            if isinstance(form, str)
            else S3Event.model_validate(form)
        )
        assert event.is_test_event
        assert event.records == ()


def test_the_test_event_survives_model_dump_and_validate() -> None:
    event = parse_event(via_sqs(test_event("photos")))
    dumped = event.model_dump(mode="json", by_alias=True)
    assert dumped["Event"] == "s3:TestEvent"
    assert S3Event.model_validate(dumped).is_test_event
    assert parse_event(dumped).is_test_event
    assert parse_event(json.dumps(dumped)).is_test_event


def test_model_validate_without_records_is_still_an_error() -> None:
    with pytest.raises(ValueError, match="Records"):
        S3Event.model_validate({"records": []})


# --- nothing lost -------------------------------------------------------------


def test_eventbridge_unknown_fields_are_kept() -> None:
    bridge: dict[str, Any] = copy.deepcopy(dict(via_eventbridge(PUT)))
    bridge["detail"]["object"]["checksum-algorithm"] = "CRC32"
    bridge["detail"]["bucket"]["owner"] = "123"
    bridge["replay-name"] = "replay-1"
    bridge["resources"].append("arn:aws:s3:::photos/extra")
    (record,) = parse_event(bridge).records
    assert record.s3.object.model_extra == {"checksum-algorithm": "CRC32"}
    assert record.s3.bucket.model_extra == {"owner": "123"}
    assert record.model_extra is not None
    assert record.model_extra["eventBridge"]["replay-name"] == "replay-1"
    assert record.model_extra["eventBridge"]["resources"] == bridge["resources"]
    assert record.origin.envelope is bridge


def test_notification_fields_through_sqs_and_sns_are_kept() -> None:
    minio: dict[str, Any] = {**copy.deepcopy(dict(PUT)), "EventType": "s3:ObjectCreated:Put"}
    minio["Key"] = "photos/a b.txt"
    sqs: Any = via_sqs(PUT)
    sqs["Records"][0]["body"] = json.dumps(minio)
    sns: Any = via_sns(PUT)
    sns["Records"][0]["Sns"]["Message"] = json.dumps(minio)
    for delivery, message in ((sqs, sqs["Records"][0]), (sns, sns["Records"][0])):
        (record,) = parse_event(delivery).records
        # The envelope as it came: the notification's own fields are in its body.
        envelope = record.origin.envelope
        assert envelope is message
        body = envelope.get("body") or envelope["Sns"]["Message"]
        assert json.loads(body)["EventType"] == "s3:ObjectCreated:Put"
        assert json.loads(body)["Key"] == "photos/a b.txt"
    # A direct notification keeps them as the event's extras.
    assert parse_event(minio).model_extra == {
        "EventType": "s3:ObjectCreated:Put",
        "Key": minio["Key"],
    }


def test_sns_inside_sqs_keeps_the_sns_message_as_origin_inner() -> None:
    record = parse_event(via_sqs(PUT, through_sns=True)).records[0]
    assert record.origin.inner is not None
    assert record.origin.inner["Type"] == "Notification"


# --- the sequencer ------------------------------------------------------------


def test_equal_sequencers_hash_equal() -> None:
    assert Sequencer("0A") == Sequencer("0a00")
    assert hash(Sequencer("0A")) == hash(Sequencer("0a00"))
    assert {Sequencer("0A"): 1}[Sequencer("0a00")] == 1
    assert Sequencer("0a00") == "0A"  # its text is the canonical form
    assert hash(Sequencer("0a00")) == hash("0A")


def test_record_equality_follows_the_sequencer_rule() -> None:
    a = parse_event(_with_object(sequencer="0055AED6DC")).records[0]
    b = parse_event(_with_object(sequencer="0055aed6dc00")).records[0]
    assert a == b
    assert hash(a) == hash(b)
    assert a != parse_event(_with_object(sequencer="0055AED6DD")).records[0]


# --- one depth limit ----------------------------------------------------------


def _nested(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"a": value}
    return value


@pytest.mark.parametrize("depth", [150, 600])
def test_one_depth_limit_for_dicts_and_json_text(depth: int) -> None:
    event: dict[str, Any] = copy.deepcopy(dict(PUT))
    event["Records"][0]["opaqueData"] = _nested(depth)
    text = json.dumps(dict(PUT))[:-3] + ', "opaqueData": ' + json.dumps(_nested(depth)) + "}]}"
    messages = {str(_rejected(form)) for form in (event, text, text.encode())}
    assert messages == {str(_rejected(event))}
    assert f"more than {MAX_DEPTH} levels deep" in messages.pop()


def test_what_parses_can_be_dumped_pickled_and_copied() -> None:
    event: dict[str, Any] = copy.deepcopy(dict(PUT))
    event["Records"][0]["opaqueData"] = _nested(MAX_DEPTH - 5)
    parsed = parse_event(event)
    assert parsed.model_dump(mode="json")
    assert pickle.loads(pickle.dumps(parsed)) == parsed
    assert copy.deepcopy(parsed) == parsed


# --- JSON text ----------------------------------------------------------------


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_in_json_text_are_rejected(value: str) -> None:
    text = json.dumps(dict(PUT))[:-3] + f', "opaqueData": {value}' + "}]}"
    error = _rejected(text)
    assert "NaN and Infinity are not JSON" in str(error)


def test_a_lone_surrogate_escape_is_rejected_clearly() -> None:
    text = json.dumps(dict(PUT)).replace('"a+b.txt"', '"\\ud800"')
    assert "lone surrogate" in str(_rejected(text))


def test_a_key_with_a_lone_surrogate_is_refused_as_a_dict_as_in_text() -> None:
    # json.loads (and so Lambda's runtime) turns "\ud800" into a lone surrogate;
    # no S3 key can hold one, so a dict is refused as its JSON text is.
    event = json.loads(json.dumps(dict(PUT)).replace('"a+b.txt"', '"a\\ud800"'))
    message = str(_rejected(event))
    assert "Records[0].s3.object.key" in message
    assert "lone surrogate (U+D800" in message


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + json.dumps(dict(PUT)).encode(),
        json.dumps(dict(PUT)).encode("utf-16"),
        json.dumps(dict(PUT)).encode("utf-16-le"),
    ],
    ids=["utf-8-bom", "utf-16", "utf-16-le"],
)
def test_bom_and_utf16_input_say_it_is_an_encoding_problem(data: bytes) -> None:
    assert "encoding problem" in str(_rejected(data))


# --- bounded messages ---------------------------------------------------------


@pytest.mark.parametrize(
    "event",
    [
        {"A" * 10**7: 1},
        {"Records": [{"eventSource": "x" * 10**7}]},
        {"source": "aws.s3", "detail-type": "y" * 10**7, "detail": {}},
        {"source": "z" * 10**6, "detail-type": "y" * 10**6},
        {"Event": "e" * 10**6, "Service": "s" * 10**7},
    ],
    ids=["key-name", "eventSource", "detail-type-aws-s3", "source", "Service"],
)
def test_every_quoted_value_in_an_error_is_bounded(event: dict[str, Any]) -> None:
    assert len(str(_rejected(event))) < 600


# --- validation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "path"),
    [
        (_with_bucket(""), "Records[0].s3.bucket.name"),
        (_with_bucket("Not_A_Bucket!"), "Records[0].s3.bucket.name"),
        (_with_object(key=""), "Records[0].s3.object.key"),
        (_with_object(key="a" * 1025), "Records[0].s3.object.key"),
        (_with_object(key="%C3%A4" * 513), "Records[0].s3.object.key"),
        (_with_object(key="%C3%28"), "Records[0].s3.object.key"),
        (_with_object(key="%C3"), "Records[0].s3.object.key"),
        (_with_object(key="%ED%A0%80"), "Records[0].s3.object.key"),
    ],
    ids=[
        "empty-bucket",
        "bad-bucket",
        "empty-key",
        "long-key",
        "long-utf8-key",
        "c328",
        "c3",
        "surr",
    ],
)
def test_names_no_s3_object_could_have_are_rejected_with_the_path(
    event: dict[str, Any], path: str
) -> None:
    assert _rejected(event).path == path
    assert _rejected(json.dumps(event)).path == path


@pytest.mark.parametrize(
    "name",
    [
        "Legacy_Bucket",
        "UPPER.case",
        "my-ap-abc123xyz-s3alias",
        "data--usw2-az1--x-s3",
        "my-olap-abc--ol-s3",
        "a" * 255,
    ],
)
def test_bucket_names_s3_sends_stay_valid(name: str) -> None:
    assert parse_event(_with_bucket(name)).records[0].bucket_name == name


def test_a_key_of_exactly_1024_bytes_is_valid() -> None:
    assert parse_event(_with_object(key="%C3%A4" * 512)).records[0].key == "ä" * 512


# --- producers that differ from AWS -------------------------------------------


@pytest.mark.parametrize(
    ("reason", "name"),
    [
        ("POST Object", "ObjectCreated:Post"),  # AWS
        ("PostObject", "ObjectCreated:Post"),  # LocalStack (the API operation)
        ("Post", "ObjectCreated:Post"),  # moto (the event name's action)
        ("CompleteMultipartUpload", "ObjectCreated:CompleteMultipartUpload"),
        ("Complete Multipart Upload", "ObjectCreated:CompleteMultipartUpload"),
        ("Put", "ObjectCreated:Put"),
        ("Copy", "ObjectCreated:Copy"),
    ],
)
def test_eventbridge_reason_variants_of_emulators(reason: str, name: str) -> None:
    bridge: dict[str, Any] = copy.deepcopy(dict(via_eventbridge(PUT)))
    bridge["detail"]["reason"] = reason
    assert parse_event(bridge).records[0].event_name == name


# --- weak messages ------------------------------------------------------------


@pytest.mark.parametrize("first", [None, [1], 5])
def test_a_record_that_is_not_an_object_has_a_path(first: Any) -> None:
    error = _rejected({"Records": [first]})
    assert error.path == "Records[0]"
    assert "expected an S3 event record" in str(error)


def test_a_wrong_event_source_has_a_path() -> None:
    event: dict[str, Any] = copy.deepcopy(dict(PUT))
    event["Records"][0]["eventSource"] = "aws:kinesis"
    assert _rejected(event).path == "Records[0].eventSource"


def test_a_key_error_is_listed_once() -> None:
    error = _rejected(_with_object(key=7))
    assert "(1 problem)" in str(error)


def test_a_quoted_value_is_not_repeated() -> None:
    message = str(_rejected(_with_object(size="big")))
    assert "'big'" in message
    assert message.count("'big'") == 1


def test_an_unknown_record_does_not_quote_the_expected_shape_as_its_keys() -> None:
    error = _rejected({"Records": [{}]})
    assert "top-level keys" not in str(error)
    assert error.path == "Records[0]"


def test_eventbridge_errors_name_the_input_fields() -> None:
    bridge: dict[str, Any] = copy.deepcopy(dict(via_eventbridge(PUT)))
    bridge["detail"]["object"]["key"] = ""
    error = _rejected(bridge)
    assert error.path == "detail.object.key"
    assert "s3.object" not in str(error)


@pytest.mark.parametrize(
    ("event", "parser"),
    [
        (
            {"invocationSchemaVersion": "1.0", "invocationId": "i", "job": {}, "tasks": []},
            "s3types.batch.parse_batch_job",
        ),
        (
            {"getObjectContext": {"inputS3Url": "https://x"}, "userRequest": {}},
            "s3types.object_lambda.parse_object_lambda_event",
        ),
    ],
    ids=["batch-operations", "object-lambda"],
)
def test_other_s3_invocations_name_the_parser_to_use(event: dict[str, Any], parser: str) -> None:
    assert parser in str(_rejected(event))


@pytest.mark.parametrize(
    "where",
    [("userIdentity",), ("s3", "bucket"), ("s3", "bucket", "ownerIdentity"), ("s3", "object")],
)
def test_the_depth_limit_holds_in_every_block_kept_as_given(where: tuple[str, ...]) -> None:
    event: dict[str, Any] = copy.deepcopy(dict(PUT))
    block = event["Records"][0]
    for name in where:
        block = block[name]
    block["deep"] = _nested(MAX_DEPTH + 10)
    assert f"more than {MAX_DEPTH} levels deep" in str(_rejected(event))
