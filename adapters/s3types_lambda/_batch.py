"""SQS partial batch responses: which messages Lambda should hand back to the queue."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypedDict, cast

from s3types import S3Event, S3EventError, S3EventRecord
from s3types._parse import parse_sqs_message

if TYPE_CHECKING:
    import logging

__all__ = ["BatchItemFailureDict", "SqsBatchResponseDict", "process_sqs_batch"]

#: The logger failed messages are reported to.
LOGGER_NAME = "s3types_lambda"


class BatchItemFailureDict(TypedDict):
    """One failed SQS message in a partial batch response."""

    itemIdentifier: str


class SqsBatchResponseDict(TypedDict):
    """The response that tells Lambda which SQS messages failed (``ReportBatchItemFailures``).

    >>> response: SqsBatchResponseDict = {"batchItemFailures": [{"itemIdentifier": "059f36b4"}]}
    """

    batchItemFailures: list[BatchItemFailureDict]


def process_sqs_batch(
    batch: Mapping[str, Any],
    handle_record: Callable[[S3EventRecord], None],
    *,
    prepare: Callable[[Sequence[S3EventRecord]], None] | None = None,
) -> SqsBatchResponseDict:
    """Run ``handle_record`` on the records of each SQS message; name the messages that failed.

    Each message is parsed on its own, so one that is not an S3 notification
    fails alone. ``prepare``, if given, first sees the records of every
    message that parsed, in batch order (to choose among them). A message
    whose records raised, or that could not be parsed, is reported; the
    s3:TestEvent is skipped. A FIFO queue's messages after the first failure
    are reported unprocessed, to keep their order.

    When every message fails, nothing is reported: the first error is raised
    instead, as Powertools' ``BatchProcessor`` does (its
    ``raise_on_entire_batch_failure``). The invocation then fails and Lambda
    returns the whole batch to the queue, also when the event source mapping
    does not report batch item failures. Each failure is logged when it
    happens, and the outcome once at the end, saying which of the two it was.
    """
    messages = batch["Records"]
    fifo = _is_fifo(messages)
    # Every message must be nameable before any runs: a failure must be reportable.
    message_ids = [_message_id(message, index) for index, message in enumerate(messages)]
    parsed = [_parse_or_error(message, index) for index, message in enumerate(messages)]
    if prepare is not None:
        prepare(
            [record for event in parsed if isinstance(event, S3Event) for record in event.records]
        )
    failures: list[BatchItemFailureDict] = []
    first_error: Exception | None = None
    not_run = 0
    for event, message_id in zip(parsed, message_ids, strict=True):
        if fifo and first_error is not None:
            failures.append({"itemIdentifier": message_id})
            not_run += 1
            continue
        try:
            if not isinstance(event, S3Event):
                raise event
            for record in event.records:
                handle_record(record)
        except Exception as err:
            _logger().error("SQS message %s failed", message_id, exc_info=err)
            failures.append({"itemIdentifier": message_id})
            first_error = first_error or err
    if first_error is None:
        return {"batchItemFailures": []}
    unprocessed = f" ({not_run} not run, to keep the FIFO order)" if not_run else ""
    if len(failures) == len(messages):
        _logger().error(
            "all %d messages of the SQS batch failed%s: raising the first error, so the"
            " invocation fails and Lambda returns the whole batch to the queue (no"
            " batchItemFailures are reported)",
            len(messages),
            unprocessed,
        )
        raise first_error
    _logger().warning(
        "%d of %d SQS messages failed%s: reported in batchItemFailures, so SQS delivers"
        " them again (with ReportBatchItemFailures on in the event source mapping; without"
        " it they are deleted too); the %d that succeeded are deleted from the queue",
        len(failures),
        len(messages),
        unprocessed,
        len(messages) - len(failures),
    )
    return {"batchItemFailures": failures}


def _logger() -> logging.Logger:
    # Imported here: logging costs cold-start time in processes that never
    # see a failure (Lambda's own runtime has it loaded anyway).
    import logging

    return logging.getLogger(LOGGER_NAME)


def _parse_or_error(message: Mapping[str, Any], index: int) -> S3Event | Exception:
    try:
        return parse_sqs_message(message, index)
    except Exception as err:
        return err


def _message_id(message: object, index: int) -> str:
    message_id = _field(message, "messageId")
    if not isinstance(message_id, str) or not message_id:
        raise S3EventError(
            f"Records[{index}]: the SQS message has no messageId, so it cannot be reported"
            " as a failed batch item; is this a real SQS event?",
            path=f"Records[{index}].messageId",
        )
    return message_id


def _is_fifo(messages: list[Any]) -> bool:
    first = messages[0] if messages else None
    arn = _field(first, "eventSourceARN")
    return isinstance(arn, str) and arn.endswith(".fifo")


def _field(message: object, name: str) -> object:
    # A message is whatever the batch held: only a mapping has fields.
    return cast("Mapping[str, object]", message).get(name) if isinstance(message, Mapping) else None
