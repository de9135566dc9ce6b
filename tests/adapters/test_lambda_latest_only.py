"""``s3_record_handler(latest_only=True)``: only each key's latest event runs, nothing is lost."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pytest

from s3types import S3EventRecord
from s3types.testing import make_event, via_eventbridge, via_sqs
from s3types_lambda import LambdaContext, SqsBatchResponseDict, s3_record_handler

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from s3types import S3EventDict


class Boom(Exception):
    """What a handler raises in these tests."""


def event(name: str, key: str, sequencer: str, bucket: str = "photos") -> S3EventDict:
    return make_event(name, bucket=bucket, key=key, sequencer=sequencer)


def recording(
    seen: list[tuple[str, str, str]], *, fail_on: str | None = None, **rules: Any
) -> Callable[[Mapping[str, Any], LambdaContext], SqsBatchResponseDict | None]:
    @s3_record_handler(latest_only=True, backfill=False, **rules)
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        seen.append((record.key, record.event_name.value, str(record.sequencer)))
        if str(record.sequencer) == fail_on:
            raise Boom(record.key)

    return handler


def message_ids(batch: Mapping[str, Any]) -> list[str]:
    return [message["messageId"] for message in batch["Records"]]


def test_a_put_delete_put_burst_across_messages_runs_once_for_the_last_put(
    lambda_context: LambdaContext, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[tuple[str, str, str]] = []
    batch = via_sqs(
        event("ObjectCreated:Put", "a.jpg", "0055AED6DC0003"),
        event("ObjectRemoved:Delete", "a.jpg", "0055aed6dc0002"),
        event("ObjectCreated:Put", "b.jpg", "01"),
        event("ObjectCreated:Put", "a.jpg", "0055AED6DC"),
    )
    with caplog.at_level(logging.DEBUG, logger="s3types_lambda"):
        response = recording(seen)(batch, lambda_context)

    assert response == {"batchItemFailures": []}
    assert seen == [
        ("a.jpg", "ObjectCreated:Put", "0055AED6DC0003"),
        ("b.jpg", "ObjectCreated:Put", "01"),
    ]
    skipped = [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG]
    ids = message_ids(batch)
    assert skipped == [
        f"latest_only: skipped ObjectRemoved:Delete of 'a.jpg' in bucket photos (sequencer"
        f" 0055AED6DC0002, message {ids[1]}): superseded by ObjectCreated:Put (sequencer"
        f" 0055AED6DC0003, message {ids[0]}) in this invocation",
        f"latest_only: skipped ObjectCreated:Put of 'a.jpg' in bucket photos (sequencer"
        f" 0055AED6DC, message {ids[3]}): superseded by ObjectCreated:Put (sequencer"
        f" 0055AED6DC0003, message {ids[0]}) in this invocation",
    ]


def test_a_skipped_records_message_is_not_failed_when_the_latest_fails(
    lambda_context: LambdaContext,
) -> None:
    seen: list[tuple[str, str, str]] = []
    batch = via_sqs(
        event("ObjectCreated:Put", "a.jpg", "01"),
        event("ObjectCreated:Put", "a.jpg", "02"),
        event("ObjectCreated:Put", "b.jpg", "01"),
    )
    response = recording(seen, fail_on="02")(batch, lambda_context)

    # Only the latest's message goes back to the queue: redelivered, it still is the latest.
    assert response == {"batchItemFailures": [{"itemIdentifier": message_ids(batch)[1]}]}
    assert [s[2] for s in seen] == ["02", "01"]


def test_repeats_of_one_notification_run_once(
    lambda_context: LambdaContext, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[tuple[str, str, str]] = []
    put = event("ObjectCreated:Put", "a.jpg", "0055AED6DC")
    # The same notification three times, once through EventBridge (lowercase sequencer).
    batch = via_sqs(put, via_eventbridge(put), put)

    with caplog.at_level(logging.DEBUG, logger="s3types_lambda"):
        assert recording(seen)(batch, lambda_context) == {"batchItemFailures": []}
    assert seen == [("a.jpg", "ObjectCreated:Put", "0055AED6DC")]
    ids = message_ids(batch)
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.DEBUG] == [
        f"latest_only: skipped ObjectCreated:Put of 'a.jpg' in bucket photos (sequencer"
        f" 0055AED6DC, message {ids[1]}): a repeat of message {ids[0]} in this invocation",
        f"latest_only: skipped ObjectCreated:Put of 'a.jpg' in bucket photos (sequencer"
        f" 0055AED6DC, message {ids[2]}): a repeat of message {ids[0]} in this invocation",
    ]


def test_the_filter_chooses_first_so_an_unheard_event_never_hides_a_heard_one(
    lambda_context: LambdaContext,
) -> None:
    seen: list[tuple[str, str, str]] = []
    batch = via_sqs(
        event("ObjectCreated:Put", "a.jpg", "01"),
        event("ObjectTagging:Put", "a.jpg", "02"),
    )
    handler = recording(seen, events=["s3:ObjectCreated:*"])

    assert handler(batch, lambda_context) == {"batchItemFailures": []}
    assert seen == [("a.jpg", "ObjectCreated:Put", "01")]


def test_a_direct_event_with_many_records_runs_the_latest_per_key(
    lambda_context: LambdaContext,
) -> None:
    seen: list[tuple[str, str, str]] = []
    notification = event("ObjectCreated:Put", "a.jpg", "03")
    notification["Records"] += [
        event("ObjectRemoved:Delete", "a.jpg", "04")["Records"][0],
        event("ObjectCreated:Put", "a.jpg", "03", bucket="archive")["Records"][0],
    ]

    assert recording(seen)(notification, lambda_context) is None
    assert seen == [("a.jpg", "ObjectRemoved:Delete", "04"), ("a.jpg", "ObjectCreated:Put", "03")]


def test_a_message_that_is_not_an_s3_notification_still_fails_alone(
    lambda_context: LambdaContext,
) -> None:
    seen: list[tuple[str, str, str]] = []
    batch = via_sqs(event("ObjectCreated:Put", "a.jpg", "01"), event("ObjectCreated:Put", "b", "1"))
    batch["Records"][1]["body"] = '{"orderId": 7}'

    response = recording(seen)(batch, lambda_context)

    assert response == {"batchItemFailures": [{"itemIdentifier": message_ids(batch)[1]}]}
    assert seen == [("a.jpg", "ObjectCreated:Put", "01")]


def test_without_latest_only_every_record_runs(lambda_context: LambdaContext) -> None:
    keys: list[str] = []

    @s3_record_handler()
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        keys.append(str(record.sequencer))

    batch = via_sqs(event("ObjectCreated:Put", "a", "02"), event("ObjectCreated:Put", "a", "01"))
    assert handler(batch, lambda_context) == {"batchItemFailures": []}
    assert keys == ["02", "01"]


def test_latest_only_must_be_a_bool() -> None:
    with pytest.raises(TypeError, match=r"latest_only=\.\.\.\) takes True or False, got 'yes'"):
        s3_record_handler(latest_only="yes")  # type: ignore[call-overload]
