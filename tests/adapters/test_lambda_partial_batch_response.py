"""``@s3_record_handler`` answers with a partial batch response only where SQS reads one."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest

from s3types import S3EventRecord
from s3types.testing import make_event, via_eventbridge, via_sns, via_sqs
from s3types_lambda import LambdaContext, s3_record_handler

DELIVERIES: dict[str, Callable[[Any], Any]] = {
    "direct": lambda event: event,
    "sns": via_sns,
    "eventbridge": via_eventbridge,
    "sqs": via_sqs,
    "sqs-sns": lambda event: via_sqs(event, through_sns=True),
}


@pytest.mark.parametrize("delivery", list(DELIVERIES))
def test_only_an_sqs_delivery_gets_a_partial_batch_response(
    delivery: str, lambda_context: LambdaContext
) -> None:
    seen: list[str] = []

    @s3_record_handler()
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        seen.append(record.key)

    response = handler(DELIVERIES[delivery](make_event(bucket="b", key="a b.jpg")), lambda_context)

    assert seen == ["a b.jpg"]
    if delivery.startswith("sqs"):
        assert response == {"batchItemFailures": []}
    else:
        assert response is None  # S3, SNS and EventBridge invoke asynchronously: no batch


class _Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no text")


def test_an_sqs_message_whose_exception_cannot_be_described_is_still_reported(
    lambda_context: LambdaContext, caplog: pytest.LogCaptureFixture
) -> None:
    @s3_record_handler()
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        if record.key == "bad.jpg":
            raise _Unprintable

    batch = via_sqs(make_event(bucket="b", key="ok.jpg"), make_event(bucket="b", key="bad.jpg"))
    with caplog.at_level(logging.ERROR, logger="s3types_lambda"):
        response = handler(batch, lambda_context)
    assert response == {"batchItemFailures": [{"itemIdentifier": batch["Records"][1]["messageId"]}]}
    assert "_Unprintable" in caplog.text
