"""The plain Lambda adapter: ``@s3_handler`` and ``@s3_record_handler`` (no extra installed)."""

from __future__ import annotations

import doctest
import importlib
import json
import logging
from typing import TYPE_CHECKING, Any

import pytest

from s3types import EventName, S3Event, S3EventError, S3EventRecord, parse_event
from s3types.testing import make_event, test_event, via_eventbridge, via_sns, via_sqs
from s3types_lambda import LambdaContext, SqsBatchResponseDict, s3_handler, s3_record_handler

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

HARD_KEY = "photos/red flower+1 100%.jpg"


class Boom(Exception):
    """What a handler raises in these tests."""


def keys_handler() -> Callable[[Mapping[str, Any], LambdaContext], list[str]]:
    @s3_handler
    def handler(event: S3Event, context: LambdaContext) -> list[str]:
        return [record.key for record in event.records]

    return handler


def recording_handler(
    seen: list[S3EventRecord], *, fail_on: str | None = None, **rules: Any
) -> Callable[[Mapping[str, Any], LambdaContext], SqsBatchResponseDict | None]:
    @s3_record_handler(backfill=False, **rules)
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        seen.append(record)
        if record.key == fail_on:
            raise Boom(record.key)

    return handler


# --- s3_handler -------------------------------------------------------------


@pytest.mark.parametrize(
    ("delivery", "service"),
    [
        (lambda e: e, "s3"),
        (via_sqs, "sqs"),
        (lambda e: via_sqs(e, through_sns=True), "sqs"),
        (via_sns, "sns"),
        (via_eventbridge, "eventbridge"),
    ],
    ids=["direct", "sqs", "sns-in-sqs", "sns", "eventbridge"],
)
def test_s3_handler_gets_the_typed_event_however_delivered(
    delivery: Callable[[Any], Mapping[str, Any]], service: str, lambda_context: LambdaContext
) -> None:
    seen: list[S3Event] = []

    @s3_handler
    def handler(event: S3Event, context: LambdaContext) -> str:
        seen.append(event)
        return "done"

    assert handler(delivery(make_event(bucket="photos", key=HARD_KEY)), lambda_context) == "done"
    (record,) = seen[0].records
    assert (record.bucket_name, record.key, record.origin.service) == ("photos", HARD_KEY, service)


def test_s3_handler_hands_over_every_record_of_an_sqs_batch(lambda_context: LambdaContext) -> None:
    batch = via_sqs(make_event(bucket="b", key="a.txt"), make_event(bucket="b", key="b c.txt"))
    assert keys_handler()(batch, lambda_context) == ["a.txt", "b c.txt"]


@pytest.mark.parametrize("delivery", [lambda e: e, via_sqs, via_sns], ids=["direct", "sqs", "sns"])
def test_s3_handler_hands_over_the_test_event(
    delivery: Callable[[Any], Mapping[str, Any]], lambda_context: LambdaContext
) -> None:
    seen: list[S3Event] = []

    @s3_handler
    def handler(event: S3Event, context: LambdaContext) -> None:
        seen.append(event)

    handler(delivery(test_event("photos")), lambda_context)
    assert seen[0].is_test_event
    assert seen[0].records == ()
    assert seen[0].test_event is not None
    assert seen[0].test_event.bucket == "photos"


def test_s3_handler_passes_the_context_and_keeps_the_function_metadata(
    lambda_context: LambdaContext,
) -> None:
    contexts: list[LambdaContext] = []

    def thumbnails(event: S3Event, context: LambdaContext) -> None:
        """Make thumbnails."""
        contexts.append(context)

    handler = s3_handler(thumbnails)
    handler(make_event(bucket="b", key="k"), lambda_context)
    assert contexts == [lambda_context]
    assert (handler.__name__, handler.__doc__) == ("thumbnails", "Make thumbnails.")
    assert handler.__wrapped__ is thumbnails  # type: ignore[attr-defined]


def test_s3_handler_rejects_other_events_before_the_function_runs(
    lambda_context: LambdaContext,
) -> None:
    calls: list[S3Event] = []
    handler = s3_handler(lambda event, context: calls.append(event))
    with pytest.raises(S3EventError) as caught:
        handler({"httpMethod": "GET", "path": "/", "requestContext": {}}, lambda_context)
    assert caught.value.looks_like == "an API Gateway REST API (v1) event"
    assert calls == []


def test_s3_handler_parses_every_real_event_as_parse_event_does(
    real_event: dict[str, Any], lambda_context: LambdaContext
) -> None:
    handler = s3_handler(lambda event, context: event)
    event = handler(real_event, lambda_context)
    assert event.model_dump(mode="json") == parse_event(real_event).model_dump(mode="json")


# --- s3_record_handler: filters -------------------------------------------


@pytest.mark.parametrize(
    ("rules", "event_name", "key", "called"),
    [
        ({}, "ObjectRemoved:Delete", "x", True),
        ({"events": ["s3:ObjectCreated:*"]}, "ObjectCreated:Put", "x", True),
        ({"events": ["s3:ObjectCreated:*"]}, "ObjectCreated:CompleteMultipartUpload", "x", True),
        ({"events": ["s3:ObjectCreated:*"]}, "ObjectRemoved:Delete", "x", False),
        ({"events": ["ObjectCreated:Copy"]}, "ObjectCreated:Put", "x", False),
        (
            {"events": ["ObjectCreated:Copy", "s3:ObjectRemoved:*"]},
            "ObjectRemoved:Delete",
            "x",
            True,
        ),
        ({"events": ["s3:LifecycleTransition"]}, "LifecycleTransition", "x", True),
        # prefix and suffix test the decoded key, as S3's filter rules do
        ({"prefix": "photos/red flower+1"}, "ObjectCreated:Put", HARD_KEY, True),
        ({"prefix": "photos/red+flower%2B1"}, "ObjectCreated:Put", HARD_KEY, False),
        ({"suffix": " 100%.jpg"}, "ObjectCreated:Put", HARD_KEY, True),
        ({"suffix": ".JPG"}, "ObjectCreated:Put", HARD_KEY, False),
        ({"prefix": "café/", "suffix": ".png"}, "ObjectCreated:Put", "café/ä.png", True),
        ({"prefix": "café/", "suffix": ".png"}, "ObjectCreated:Put", "cafe/ä.png", False),
        (
            {"events": ["s3:ObjectCreated:*"], "prefix": "photos/"},
            "ObjectRemoved:Delete",
            HARD_KEY,
            False,
        ),
    ],
)
def test_record_handler_applies_s3_filter_rules(
    rules: dict[str, Any], event_name: str, key: str, called: bool, lambda_context: LambdaContext
) -> None:
    seen: list[S3EventRecord] = []
    response = recording_handler(seen, **rules)(
        make_event(event_name, bucket="b", key=key), lambda_context
    )
    assert response is None  # a direct notification: no partial batch response
    assert [record.key for record in seen] == ([key] if called else [])


def test_record_handler_matches_eventbridge_records_by_their_s3_event_name(
    lambda_context: LambdaContext,
) -> None:
    seen: list[S3EventRecord] = []
    handler = recording_handler(seen, events=["s3:ObjectCreated:Copy"])
    handler(via_eventbridge(make_event("ObjectCreated:Copy", bucket="b", key="k")), lambda_context)
    handler(via_eventbridge(make_event("ObjectCreated:Put", bucket="b", key="k")), lambda_context)
    assert [record.event_name for record in seen] == [EventName.OBJECT_CREATED_COPY]


def test_record_handler_skips_the_test_event(lambda_context: LambdaContext) -> None:
    seen: list[S3EventRecord] = []
    handler = recording_handler(seen)
    assert handler(test_event("b"), lambda_context) is None
    assert handler(via_sns(test_event("b")), lambda_context) is None
    assert handler(via_sqs(test_event("b")), lambda_context) == {"batchItemFailures": []}
    assert seen == []


@pytest.mark.parametrize(
    ("events", "error", "message"),
    [
        ("s3:ObjectCreated:*", TypeError, "events=['s3:ObjectCreated:*']"),
        ([], ValueError, "events is empty"),
        (["s3:ObjectCreated"], ValueError, "write 's3:ObjectCreated:*'"),
        (["ObjectCreated:"], ValueError, "did you mean 's3:ObjectCreated:*'?"),
        (["s3:*"], ValueError, "S3 has no catch-all"),
        (["*"], ValueError, "S3 has no catch-all"),
        (["s3:Object Created:*"], ValueError, "did you mean 's3:ObjectCreated:*'?"),
        # Issue 11: accepted before, then every record was skipped in silence.
        (["s3:ObjectCreate:*"], ValueError, "did you mean 's3:ObjectCreated:*'?"),
        (["s3:objectcreated:*"], ValueError, "case-sensitive: write 's3:ObjectCreated:*'"),
        (["s3:ObjectCreated:Putt"], ValueError, "did you mean 's3:ObjectCreated:Put'?"),
        ([42], TypeError, "is not a string"),
    ],
)
def test_record_handler_rejects_bad_event_patterns_when_decorating(
    events: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=r"^s3_record_handler: ") as caught:
        s3_record_handler(events=events)
    assert message in str(caught.value)


# --- s3_record_handler: SQS partial batch responses ------------------------


def message_ids(batch: Mapping[str, Any]) -> list[str]:
    return [message["messageId"] for message in batch["Records"]]


def test_record_handler_reports_an_empty_failure_list_when_all_succeed(
    lambda_context: LambdaContext,
) -> None:
    seen: list[S3EventRecord] = []
    batch = via_sqs(*(make_event(bucket="b", key=f"{n}.jpg") for n in range(3)))
    response = recording_handler(seen)(batch, lambda_context)
    assert response == {"batchItemFailures": []}
    assert [record.origin.message_id for record in seen] == message_ids(batch)


def test_record_handler_names_exactly_the_messages_whose_records_raised(
    lambda_context: LambdaContext,
) -> None:
    seen: list[S3EventRecord] = []
    batch = via_sqs(
        make_event(bucket="b", key="ok 1.jpg"),
        make_event(bucket="b", key="bad.jpg"),
        make_event(bucket="b", key="ok 2.jpg"),
    )
    response = recording_handler(seen, fail_on="bad.jpg")(batch, lambda_context)
    # The exact shape Lambda reads with ReportBatchItemFailures on.
    assert json.loads(json.dumps(response)) == {
        "batchItemFailures": [{"itemIdentifier": message_ids(batch)[1]}]
    }
    assert [record.key for record in seen] == ["ok 1.jpg", "bad.jpg", "ok 2.jpg"]


def test_record_handler_reports_messages_that_are_not_s3_notifications(
    lambda_context: LambdaContext, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[S3EventRecord] = []
    batch = via_sqs(make_event(bucket="b", key="a.jpg"), make_event(bucket="b", key="b.jpg"))
    batch["Records"][0]["body"] = "not JSON at all"
    batch["Records"][1]["body"] = json.dumps({"orderId": 7})
    batch["Records"].append(via_sqs(make_event(bucket="b", key="c.jpg"))["Records"][0])
    with caplog.at_level(logging.ERROR, logger="s3types_lambda"):
        response = recording_handler(seen)(batch, lambda_context)
    failed = message_ids(batch)[:2]
    assert response == {"batchItemFailures": [{"itemIdentifier": i} for i in failed]}
    assert [record.key for record in seen] == ["c.jpg"]
    errors = [r.exc_info[1] for r in caplog.records if r.exc_info]
    assert [type(error) for error in errors] == [S3EventError, S3EventError]
    # Each message is parsed alone, but the error names its place in the batch.
    assert isinstance(errors[1], S3EventError)
    assert errors[1].path == "Records[1].body"
    assert str(errors[1]).startswith("Records[1].body: this message is not an S3 event")
    assert all(message_id in caplog.text for message_id in failed)


def test_record_handler_skips_test_event_messages_without_failing_them(
    lambda_context: LambdaContext,
) -> None:
    seen: list[S3EventRecord] = []
    batch = via_sqs(test_event("b"), make_event(bucket="b", key="a.jpg"))
    assert recording_handler(seen)(batch, lambda_context) == {"batchItemFailures": []}
    assert [record.key for record in seen] == ["a.jpg"]


def test_record_handler_raises_when_every_message_fails(lambda_context: LambdaContext) -> None:
    batch = via_sqs(make_event(bucket="b", key="bad.jpg"), make_event(bucket="b", key="bad.jpg"))
    with pytest.raises(Boom, match=r"bad\.jpg"):
        recording_handler([], fail_on="bad.jpg")(batch, lambda_context)


def test_record_handler_reports_the_rest_of_a_fifo_batch_after_a_failure(
    lambda_context: LambdaContext,
) -> None:
    seen: list[S3EventRecord] = []
    keys = ["1.jpg", "bad.jpg", "3.jpg", "4.jpg"]
    batch = via_sqs(
        *(make_event(bucket="b", key=key) for key in keys),
        queue_arn="arn:aws:sqs:us-east-1:123456789012:uploads.fifo",
    )
    response = recording_handler(seen, fail_on="bad.jpg")(batch, lambda_context)
    assert response == {
        "batchItemFailures": [{"itemIdentifier": i} for i in message_ids(batch)[1:]]
    }
    assert [record.key for record in seen] == ["1.jpg", "bad.jpg"]


def test_record_handler_refuses_a_batch_with_a_message_it_cannot_name(
    lambda_context: LambdaContext,
) -> None:
    seen: list[S3EventRecord] = []
    batch = via_sqs(make_event(bucket="b", key="a.jpg"), make_event(bucket="b", key="b.jpg"))
    del batch["Records"][1]["messageId"]  # type: ignore[misc]
    with pytest.raises(S3EventError, match=r"Records\[1\]: the SQS message has no messageId"):
        recording_handler(seen)(batch, lambda_context)
    assert seen == []


@pytest.mark.parametrize(
    "delivery", [lambda e: e, via_sns, via_eventbridge], ids=["direct", "sns", "eventbridge"]
)
def test_record_handler_lets_errors_propagate_outside_sqs(
    delivery: Callable[[Any], Mapping[str, Any]], lambda_context: LambdaContext
) -> None:
    handler = recording_handler([], fail_on="bad.jpg")
    with pytest.raises(Boom):
        handler(delivery(make_event(bucket="b", key="bad.jpg")), lambda_context)
    with pytest.raises(S3EventError):
        handler({"source": "aws.events", "detail-type": "Scheduled Event"}, lambda_context)


def test_record_handler_processes_polled_receive_message_output(
    lambda_context: LambdaContext,
) -> None:
    seen: list[S3EventRecord] = []
    message = via_sqs(make_event(bucket="b", key="polled.jpg"))["Records"][0]
    polled = {"Messages": [{"MessageId": message["messageId"], "Body": message["body"]}]}
    # Not a Lambda SQS delivery: no event source mapping reads a partial batch response.
    assert recording_handler(seen)(polled, lambda_context) is None
    assert [(r.key, r.origin.message_id) for r in seen] == [("polled.jpg", message["messageId"])]


def test_record_handler_runs_on_every_real_event(
    real_event: dict[str, Any], lambda_context: LambdaContext
) -> None:
    seen: list[S3EventRecord] = []
    first = (real_event.get("Records") or [{}])[0]
    from_sqs = first.get("eventSource") == "aws:sqs" or "messageId" in first
    expected_response: SqsBatchResponseDict | None = {"batchItemFailures": []} if from_sqs else None
    assert recording_handler(seen)(real_event, lambda_context) == expected_response
    expected = parse_event(real_event).records
    assert [(r.bucket_name, r.key) for r in seen] == [(r.bucket_name, r.key) for r in expected]


def test_record_handler_keeps_the_function_metadata() -> None:
    def thumbnail(record: S3EventRecord, context: LambdaContext) -> None:
        """Make one thumbnail."""

    handler = s3_record_handler()(thumbnail)
    assert (handler.__name__, handler.__doc__) == ("thumbnail", "Make one thumbnail.")


@pytest.mark.parametrize(
    "name",
    [
        "s3types_lambda",
        "s3types_lambda._batch",
        "s3types_lambda._context",
        "s3types_lambda._filters",
        "s3types_lambda._handlers",
    ],
)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0


def test_importing_the_adapter_loads_no_deployment_tools_nor_logging(
    modules_loaded_by: Callable[[str], set[str]], deployment_only: frozenset[str]
) -> None:
    # Cold start: only what a running handler needs (benchmarks/ measures the ms).
    loaded = modules_loaded_by("import s3types_lambda")
    assert loaded & deployment_only == set()
    assert "logging" not in loaded
