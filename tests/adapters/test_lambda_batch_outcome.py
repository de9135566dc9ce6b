"""What the logs say an SQS batch's failures lead to, and that it is what really happens."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pytest

from s3types import S3EventRecord
from s3types.testing import make_event, via_sqs
from s3types_lambda import LambdaContext, SqsBatchResponseDict, s3_record_handler

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


class Boom(Exception):
    """What a handler raises in these tests."""


def failing_on(
    *keys: str,
) -> Callable[[Mapping[str, Any], LambdaContext], SqsBatchResponseDict | None]:
    @s3_record_handler()
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        if record.key in keys:
            raise Boom(record.key)

    return handler


def batch_of(*keys: str, fifo: bool = False) -> dict[str, Any]:
    arn = "arn:aws:sqs:us-east-1:123456789012:uploads" + (".fifo" if fifo else "")
    return dict(via_sqs(*(make_event(bucket="b", key=key) for key in keys), queue_arn=arn))


def lines(caplog: pytest.LogCaptureFixture) -> list[tuple[int, str]]:
    return [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "s3types_lambda"]


def test_when_every_message_fails_the_log_says_the_batch_is_raised_not_reported(
    lambda_context: LambdaContext, caplog: pytest.LogCaptureFixture
) -> None:
    batch = batch_of("bad 1.jpg", "bad 2.jpg")
    ids = [message["messageId"] for message in batch["Records"]]
    with caplog.at_level(logging.INFO, logger="s3types_lambda"), pytest.raises(Boom, match="bad 1"):
        failing_on("bad 1.jpg", "bad 2.jpg")(batch, lambda_context)

    assert lines(caplog) == [
        (logging.ERROR, f"SQS message {ids[0]} failed"),
        (logging.ERROR, f"SQS message {ids[1]} failed"),
        (
            logging.ERROR,
            "all 2 messages of the SQS batch failed: raising the first error, so the invocation"
            " fails and Lambda returns the whole batch to the queue (no batchItemFailures are"
            " reported)",
        ),
    ]
    # Each failure keeps its own traceback.
    assert [str(r.exc_info[1]) for r in caplog.records if r.exc_info] == ["bad 1.jpg", "bad 2.jpg"]


def test_when_some_messages_fail_the_log_says_they_are_reported(
    lambda_context: LambdaContext, caplog: pytest.LogCaptureFixture
) -> None:
    batch = batch_of("ok.jpg", "bad.jpg", "ok 2.jpg")
    ids = [message["messageId"] for message in batch["Records"]]
    with caplog.at_level(logging.INFO, logger="s3types_lambda"):
        response = failing_on("bad.jpg")(batch, lambda_context)

    assert response == {"batchItemFailures": [{"itemIdentifier": ids[1]}]}
    assert lines(caplog) == [
        (logging.ERROR, f"SQS message {ids[1]} failed"),
        (
            logging.WARNING,
            "1 of 3 SQS messages failed: reported in batchItemFailures, so SQS delivers them"
            " again (with ReportBatchItemFailures on in the event source mapping; without it"
            " they are deleted too); the 2 that succeeded are deleted from the queue",
        ),
    ]


def test_a_fifo_batch_whose_first_message_fails_is_raised_and_says_why(
    lambda_context: LambdaContext, caplog: pytest.LogCaptureFixture
) -> None:
    batch = batch_of("bad.jpg", "ok.jpg", "ok 2.jpg", fifo=True)
    with caplog.at_level(logging.INFO, logger="s3types_lambda"), pytest.raises(Boom):
        failing_on("bad.jpg")(batch, lambda_context)

    assert lines(caplog)[-1] == (
        logging.ERROR,
        "all 3 messages of the SQS batch failed (2 not run, to keep the FIFO order): raising the"
        " first error, so the invocation fails and Lambda returns the whole batch to the queue"
        " (no batchItemFailures are reported)",
    )


def test_a_batch_that_succeeds_logs_nothing(
    lambda_context: LambdaContext, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="s3types_lambda"):
        assert failing_on()(batch_of("a.jpg", "b.jpg"), lambda_context) == {"batchItemFailures": []}
    assert lines(caplog) == []
