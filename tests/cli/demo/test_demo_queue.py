"""The demo's poller: Lambda's SQS event, partial batch failures, and what it deletes."""

from __future__ import annotations

import json
import time
import uuid
from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest

from s3types import S3EventRecord
from s3types._cli.demo.queue import TEST_EVENT, QueuePoller
from s3types._cli.demo.report import deliveries_table
from s3types.testing import LocalLambdaContext, make_event, test_event
from s3types_lambda import LambdaContext, s3_record_handler

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from mypy_boto3_sqs import SQSClient

    from s3types.testing import LocalS3Server


@pytest.fixture
def sqs(s3_server: LocalS3Server) -> SQSClient:
    return s3_server.sqs_client()


@pytest.fixture
def queue(sqs: SQSClient) -> tuple[str, str]:
    """A new queue whose messages stay invisible for a minute once received."""
    url = sqs.create_queue(
        QueueName=f"poller-{uuid.uuid4().hex[:12]}", Attributes={"VisibilityTimeout": "60"}
    )["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
    return url, arn["Attributes"]["QueueArn"]


def _poller(
    sqs: SQSClient, queue: tuple[str, str], handler: Callable[[Mapping[str, Any], Any], Any]
) -> QueuePoller:
    return QueuePoller(sqs, queue[0], queue[1], handler, LocalLambdaContext, "poller-test")


def _send(sqs: SQSClient, queue_url: str, *bodies: object) -> None:
    for body in bodies:
        sqs.send_message(QueueUrl=queue_url, MessageBody=json.dumps(body))


def _left(sqs: SQSClient, queue_url: str) -> int:
    attributes = sqs.get_queue_attributes(
        QueueUrl=queue_url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return sum(int(count) for count in attributes.values())


@s3_record_handler(events=["s3:ObjectCreated:*"])
def _fails_on_bad_keys(record: S3EventRecord, context: LambdaContext) -> None:
    if record.key.startswith("bad"):
        raise ValueError(f"cannot handle {record.key}")


def test_failed_messages_are_reported_and_left_in_the_queue(
    sqs: SQSClient, queue: tuple[str, str]
) -> None:
    _send(
        sqs,
        queue[0],
        test_event("b"),
        make_event(bucket="b", key="good one.txt"),
        make_event(bucket="b", key="bad one.txt"),
    )
    expected = Counter(
        [TEST_EVENT, ("ObjectCreated:Put", "good one.txt"), ("ObjectCreated:Put", "bad one.txt")]
    )
    progress: list[tuple[int, int]] = []

    deliveries = _poller(sqs, queue, _fails_on_bad_keys).until(
        expected, time.monotonic() + 20, lambda seen, total: progress.append((seen, total))
    )

    by_key = {d.key: d for d in deliveries}
    assert not by_key["good one.txt"].failed
    assert by_key["bad one.txt"].failed
    assert by_key["bad one.txt"].outcome == "FAILED, left in the queue"
    assert by_key[""].event_name == "s3:TestEvent"
    assert by_key[""].outcome == "skipped: a test event has no records"
    assert by_key["good one.txt"].raw_key == "good+one.txt"
    assert progress[0] == (0, 3)
    assert progress[-1] == (3, 3)
    assert _left(sqs, queue[0]) == 1
    assert "FAILED, left in the queue" in deliveries_table(deliveries)


def test_a_handler_that_raises_fails_the_whole_batch(
    sqs: SQSClient, queue: tuple[str, str]
) -> None:
    def crash(event: Mapping[str, Any], context: Any) -> Any:
        raise RuntimeError("out of memory")

    _send(sqs, queue[0], make_event(bucket="b", key="k.txt"))

    deliveries = _poller(sqs, queue, crash).until(
        Counter([("ObjectCreated:Put", "k.txt")]), time.monotonic() + 20, lambda *_: None
    )

    assert [d.outcome for d in deliveries] == ["FAILED: RuntimeError: out of memory"]
    assert _left(sqs, queue[0]) == 1


def test_a_message_that_is_not_an_s3_notification_is_shown_as_such(
    sqs: SQSClient, queue: tuple[str, str]
) -> None:
    _send(sqs, queue[0], {"orderId": 42})

    deliveries = _poller(sqs, queue, _fails_on_bad_keys).until(
        Counter([("(not S3)", "")]), time.monotonic() + 20, lambda *_: None
    )

    assert len(deliveries) == 1
    assert deliveries[0].failed
    assert deliveries[0].outcome.startswith("not an S3 notification: ")
