"""parse_event over every delivery, and its errors."""

from __future__ import annotations

import json
from typing import Any

import pytest

from s3types import S3EventError, parse_event, records
from s3types.testing import make_event, test_event, via_eventbridge, via_sns, via_sqs

PUT = make_event(bucket="photos", key="red flower+1.jpg", size=7, version_id="v1")
DELETE = make_event("ObjectRemoved:DeleteMarkerCreated", bucket="photos", key="old/ä.txt")


def _same(event: Any) -> list[tuple[object, ...]]:
    return [
        (r.bucket_name, r.key, r.size, r.version_id, r.event_name, r.sequencer)
        for r in parse_event(event).records
    ]


@pytest.mark.parametrize(
    ("wrap", "service"),
    [
        (lambda e: e, "s3"),
        (via_sqs, "sqs"),
        (lambda e: via_sqs(e, through_sns=True), "sqs"),
        (via_sns, "sns"),
        (via_eventbridge, "eventbridge"),
        (lambda e: via_sqs(via_eventbridge(e)), "sqs"),
        (lambda e: json.dumps(via_sqs(e)), "sqs"),
        (lambda e: json.dumps(via_sns(e)).encode(), "sns"),
    ],
)
@pytest.mark.parametrize("event", [PUT, DELETE])
def test_every_wrapper_gives_the_same_records(wrap: Any, service: str, event: Any) -> None:
    parsed = parse_event(wrap(event))
    assert _same(wrap(event)) == _same(event)
    assert [r.origin.service for r in parsed.records] == [service]


def test_sqs_batch_keeps_message_ids() -> None:
    batch = via_sqs(PUT, DELETE, test_event("photos"))
    event = parse_event(batch)
    ids = [m["messageId"] for m in batch["Records"]]
    assert [r.origin.message_id for r in event.records] == ids[:2]
    assert [r.origin.receipt_handle for r in event.records] == [
        m["receiptHandle"] for m in batch["Records"][:2]
    ]
    assert not event.is_test_event


def test_test_event_direct_and_through_sqs_and_sns() -> None:
    for delivery in (test_event("photos"), via_sqs(test_event("photos")), via_sns(test_event("b"))):
        event = parse_event(delivery)
        assert event.is_test_event
        assert event.records == ()
        assert event.test_event is not None
    assert list(records(test_event("photos"))) == []


def test_receive_message_output() -> None:
    body = json.dumps(PUT)
    output = {
        "Messages": [
            {"MessageId": "m-1", "ReceiptHandle": "rh-1", "MD5OfBody": "x", "Body": body},
            {"MessageId": "m-2", "ReceiptHandle": "rh-2", "Body": json.dumps(test_event("b"))},
        ],
        "ResponseMetadata": {"HTTPStatusCode": 200},
    }
    event = parse_event(output)
    assert [(r.key, r.origin.message_id, r.origin.receipt_handle) for r in event.records] == [
        ("red flower+1.jpg", "m-1", "rh-1")
    ]
    assert parse_event({"ResponseMetadata": {"HTTPStatusCode": 200}}).records == ()


def test_ceph_cloud_event_form() -> None:
    record = PUT["Records"][0]
    assert parse_event({"data": record}).records[0].key == "red flower+1.jpg"


def test_records_iterates() -> None:
    assert [r.key for r in records(via_sqs(PUT, DELETE))] == ["red flower+1.jpg", "old/ä.txt"]


@pytest.mark.parametrize(
    ("event", "looks_like"),
    [
        ({"httpMethod": "GET", "requestContext": {}, "path": "/"}, "API Gateway REST API (v1)"),
        ({"version": "2.0", "routeKey": "$default", "requestContext": {}}, "HTTP API (v2)"),
        ({"Records": [{"eventSource": "aws:dynamodb", "dynamodb": {}}]}, "DynamoDB Streams"),
        ({"Records": [{"eventSource": "aws:kinesis", "kinesis": {}}]}, "Kinesis"),
        ({"source": "aws.events", "detail-type": "Scheduled Event", "detail": {}}, "aws.events"),
        (
            {"source": "aws.s3", "detail-type": "AWS API Call via CloudTrail", "detail": {}},
            "CloudTrail",
        ),
        ({"awslogs": {"data": "H4sI"}}, "CloudWatch Logs"),
        ([PUT, PUT], "a list of events"),
    ],
)
def test_other_lambda_events_say_what_they_look_like(event: Any, looks_like: str) -> None:
    with pytest.raises(S3EventError) as caught:
        parse_event(event)
    assert caught.value.looks_like is not None
    assert looks_like in caught.value.looks_like
    assert looks_like in str(caught.value)


def test_sqs_with_a_non_s3_body_names_the_message() -> None:
    batch: Any = via_sqs(PUT)
    batch["Records"].append(dict(batch["Records"][0], body=json.dumps({"order": 42})))
    with pytest.raises(S3EventError) as caught:
        parse_event(batch)
    assert caught.value.path == "Records[1].body"
    assert "not an S3 event notification" in str(caught.value)


def test_sqs_body_that_is_another_event_says_which() -> None:
    batch: Any = via_sqs(PUT)
    body = {"Records": [{"eventSource": "aws:dynamodb"}]}
    batch["Records"][0] = dict(batch["Records"][0], body=json.dumps(body))
    with pytest.raises(S3EventError) as caught:
        parse_event(batch)
    assert caught.value.looks_like == "a DynamoDB Streams event"


def test_sqs_body_not_json() -> None:
    batch: Any = via_sqs(PUT)
    batch["Records"][0] = dict(batch["Records"][0], body="hello")
    with pytest.raises(S3EventError) as caught:
        parse_event(batch)
    assert caught.value.path == "Records[0].body"
    assert "not valid JSON" in str(caught.value)


def test_bad_field_inside_sqs_body_has_the_full_path() -> None:
    bad = json.loads(json.dumps(PUT))
    bad["Records"][0]["s3"]["object"]["size"] = -5
    with pytest.raises(S3EventError) as caught:
        parse_event(via_sqs(PUT, bad))
    assert caught.value.path == "Records[1].body -> Records[0].s3.object.size"


def test_bad_field_inside_eventbridge_uses_eventbridge_names() -> None:
    bridge = json.loads(json.dumps(via_eventbridge(PUT)))
    bridge["detail"]["object"]["size"] = "big"
    with pytest.raises(S3EventError) as caught:
        parse_event(bridge)
    assert caught.value.path == "detail.object.size"


@pytest.mark.parametrize(
    "value", [None, 42, 1.5, "not json", b"\xff\xfe", "[1,2", "", "null", "{}", True]
)
def test_never_another_exception_type(value: Any) -> None:
    with pytest.raises(S3EventError) as caught:
        parse_event(value)
    assert str(caught.value)


def test_s3_event_error_is_a_value_error() -> None:
    assert issubclass(S3EventError, ValueError)


def test_via_eventbridge_without_a_sequencer() -> None:
    event: Any = make_event("ObjectRemoved:Delete", bucket="b", key="k")
    event["Records"][0]["s3"]["object"]["sequencer"] = None
    bridge = via_eventbridge(event)
    assert "sequencer" not in bridge["detail"]["object"]
    assert parse_event(bridge).records[0].sequencer is None


def test_text_and_dict_agree_on_a_foreign_event_source() -> None:
    """JSON text is validated in one pass only when the dict path would call it direct."""
    event: Any = json.loads(json.dumps(PUT))
    event["Records"][0]["eventSource"] = "aws:kinesis"
    for form in (event, json.dumps(event), json.dumps(event).encode()):
        with pytest.raises(S3EventError) as caught:
            parse_event(form)
        assert caught.value.looks_like == "a Kinesis Data Streams event"
