"""The demo's SQS side: receive what S3 sent, hand it to the function as Lambda would."""

from __future__ import annotations

import logging
import time
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from s3types._errors import S3EventError
from s3types._parse import parse_event

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence

    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sqs.type_defs import DeleteMessageBatchRequestEntryTypeDef, MessageTypeDef

    from s3types.testing._context import LocalLambdaContext

__all__ = ["Delivery", "QueuePoller", "TEST_EVENT"]

TEST_EVENT = ("s3:TestEvent", "")
_BATCH_SIZE = 10  # what Lambda's SQS event source mapping hands at most by default


@dataclass(frozen=True)
class Delivery:
    """One notification the queue delivered, and what the function did with it."""

    message_id: str
    event_name: str
    key: str
    raw_key: str
    size: int | None
    outcome: str
    failed: bool

    @property
    def seen(self) -> tuple[str, str]:
        """The (event name, key) pair this notification was about."""
        return self.event_name, self.key


class _FunctionLog(logging.Handler):
    """Collects what the demo function logs, by the key it was about."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.by_key: dict[str, list[str]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        key = getattr(record, "s3_key", "")
        self.by_key.setdefault(key, []).append(record.getMessage())


class QueuePoller:
    """Receives a queue's messages and runs a Lambda handler on them, like Lambda's SQS trigger.

    Each ``receive_message`` batch becomes the SQS event Lambda builds and
    one invocation; the messages the handler did not report in
    ``batchItemFailures`` are deleted, the others left for redelivery.
    """

    def __init__(
        self,
        sqs: SQSClient,
        queue_url: str,
        queue_arn: str,
        handler: Callable[[Mapping[str, Any], LocalLambdaContext], Any],
        context: Callable[[], LocalLambdaContext],
        function_logger: str,
    ) -> None:
        self._sqs = sqs
        self._queue_url = queue_url
        self._queue_arn = queue_arn
        self._region = queue_arn.split(":")[3]
        self._handler = handler
        self._context = context
        self._function_logger = function_logger

    def until(
        self,
        expected: Counter[tuple[str, str]],
        deadline: float,
        progress: Callable[[int, int], None],
    ) -> list[Delivery]:
        """Handle batches until every expected notification was seen or the deadline passed."""
        deliveries: list[Delivery] = []
        seen: Counter[tuple[str, str]] = Counter()
        total = sum(expected.values())
        progress(0, total)
        while not _covers(seen, expected) and time.monotonic() < deadline:
            wait = max(0, min(1, int(deadline - time.monotonic())))
            batch = self._receive(wait)
            if not batch:
                continue
            handled = self._handle(batch)
            deliveries.extend(handled)
            before = _count(seen, expected)
            seen.update(d.seen for d in handled)
            if _count(seen, expected) != before:
                progress(_count(seen, expected), total)
        return deliveries

    def _receive(self, wait_seconds: int) -> list[MessageTypeDef]:
        response = self._sqs.receive_message(
            QueueUrl=self._queue_url,
            MaxNumberOfMessages=_BATCH_SIZE,
            WaitTimeSeconds=wait_seconds,
        )
        return list(response.get("Messages", []))

    def _handle(self, batch: Sequence[MessageTypeDef]) -> list[Delivery]:
        event = {"Records": [self._lambda_record(message) for message in batch]}
        log = _FunctionLog()
        logger = logging.getLogger(self._function_logger)
        previous = logger.level, logger.propagate
        logger.addHandler(log)
        logger.setLevel(logging.INFO)
        logger.propagate = False
        try:
            response = self._handler(event, self._context())
            error = None
        except Exception as err:  # the whole batch failed, as in Lambda
            response, error = None, f"{type(err).__name__}: {err}"
        finally:
            logger.removeHandler(log)
            logger.setLevel(previous[0])
            logger.propagate = previous[1]
        failed_ids: set[str] = _failed_ids(response, event) if error is None else set()
        deliveries: list[Delivery] = []
        for record in event["Records"]:
            failed = error is not None or record["messageId"] in failed_ids
            deliveries.extend(_describe(record, log.by_key, failed, error))
        done: list[DeleteMessageBatchRequestEntryTypeDef] = [
            {"Id": str(i), "ReceiptHandle": record["receiptHandle"]}
            for i, record in enumerate(event["Records"])
            if error is None and record["messageId"] not in failed_ids
        ]
        if done:
            self._sqs.delete_message_batch(QueueUrl=self._queue_url, Entries=done)
        return deliveries

    def _lambda_record(self, message: MessageTypeDef) -> dict[str, Any]:
        # The shape Lambda's SQS event source mapping gives each message.
        return {
            # receive_message always sends these three, though the stubs mark them optional.
            "messageId": message.get("MessageId", ""),
            "receiptHandle": message.get("ReceiptHandle", ""),
            "body": message.get("Body", ""),
            "attributes": dict(message.get("Attributes", {})),
            "messageAttributes": {},
            "md5OfBody": message.get("MD5OfBody", ""),
            "eventSource": "aws:sqs",
            "eventSourceARN": self._queue_arn,
            "awsRegion": self._region,
        }


def _failed_ids(response: object, event: Mapping[str, Any]) -> set[str]:
    fields: Mapping[str, object] = (
        cast("Mapping[str, object]", response) if isinstance(response, dict) else {}
    )
    failures = fields.get("batchItemFailures")
    if not isinstance(failures, list):
        return set()
    return {
        str(cast("Mapping[str, object]", item).get("itemIdentifier"))
        for item in cast("list[object]", failures)
        if isinstance(item, dict)
    }


def _describe(
    record: Mapping[str, Any],
    function_log: Mapping[str, list[str]],
    failed: bool,
    error: str | None,
) -> Iterator[Delivery]:
    message_id = str(record["messageId"])
    try:
        event = parse_event({"Records": [record]})
    except S3EventError as err:
        yield Delivery(message_id, "(not S3)", "", "", None, f"not an S3 notification: {err}", True)
        return
    if event.is_test_event:
        outcome = error or ("FAILED" if failed else "skipped: a test event has no records")
        yield Delivery(message_id, TEST_EVENT[0], "", "", None, outcome, failed)
        return
    for s3_record in event.records:
        did = "; ".join(function_log.get(s3_record.key, ())) or "nothing (filtered out)"
        outcome = f"FAILED: {error}" if error else ("FAILED, left in the queue" if failed else did)
        yield Delivery(
            message_id,
            s3_record.event_name.value,
            s3_record.key,
            s3_record.raw_key,
            s3_record.size,
            outcome,
            failed,
        )


def _count(seen: Counter[tuple[str, str]], expected: Counter[tuple[str, str]]) -> int:
    return sum(min(seen[pair], wanted) for pair, wanted in expected.items())


def _covers(seen: Counter[tuple[str, str]], expected: Counter[tuple[str, str]]) -> bool:
    return _count(seen, expected) == sum(expected.values())
