"""SQS partial batch responses: which messages Lambda should hand back to the queue."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypedDict, cast

from s3types import S3Event, S3EventError, S3EventRecord, parse_event

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
    batch: Mapping[str, Any], handle_record: Callable[[S3EventRecord], None]
) -> SqsBatchResponseDict:
    """Run ``handle_record`` on the records of each SQS message; name the messages that failed.

    Each message is parsed on its own, so one that is not an S3 notification
    fails alone. A message whose records raised, or that could not be parsed,
    is reported; the s3:TestEvent is skipped. A FIFO queue's messages after the
    first failure are reported unprocessed, to keep their order. When every
    message fails, the first error is raised instead: Lambda then retries the
    whole batch even when the event source mapping does not report batch item
    failures, and the invocation counts as an error.
    """
    messages = batch["Records"]
    fifo = _is_fifo(messages)
    # Every message must be nameable before any runs: a failure must be reportable.
    message_ids = [_message_id(message, index) for index, message in enumerate(messages)]
    failures: list[BatchItemFailureDict] = []
    first_error: Exception | None = None
    for index, (message, message_id) in enumerate(zip(messages, message_ids, strict=True)):
        if fifo and first_error is not None:
            failures.append({"itemIdentifier": message_id})
            continue
        try:
            for record in _parse_message(message, index).records:
                handle_record(record)
        except Exception as err:
            # Imported here: logging costs cold-start time in processes that
            # never see a failure (Lambda's own runtime has it loaded anyway).
            import logging

            logging.getLogger(LOGGER_NAME).exception(
                "SQS message %s failed; it is reported in batchItemFailures so SQS"
                " delivers it again",
                message_id,
            )
            failures.append({"itemIdentifier": message_id})
            first_error = first_error or err
    if first_error is not None and len(failures) == len(messages):
        raise first_error
    return {"batchItemFailures": failures}


def _parse_message(message: Mapping[str, Any], index: int) -> S3Event:
    try:
        return parse_event({"Records": [message]})
    except S3EventError as err:
        # Parsed alone, the message is Records[0]: name its place in the batch.
        here, there = "Records[0].body", f"Records[{index}].body"
        raise S3EventError(
            str(err).replace(here, there),
            path=err.path.replace(here, there, 1),
            looks_like=err.looks_like,
        ) from None


def _message_id(message: object, index: int) -> str:
    fields: Mapping[str, object] = (
        cast("Mapping[str, object]", message) if isinstance(message, Mapping) else {}
    )
    message_id = fields.get("messageId")
    if not isinstance(message_id, str) or not message_id:
        raise S3EventError(
            f"Records[{index}]: the SQS message has no messageId, so it cannot be reported"
            " as a failed batch item; is this a real SQS event?",
            path=f"Records[{index}].messageId",
        )
    return message_id


def _is_fifo(messages: list[Any]) -> bool:
    first = messages[0] if messages else None
    fields: Mapping[str, object] = (
        cast("Mapping[str, object]", first) if isinstance(first, Mapping) else {}
    )
    arn = fields.get("eventSourceARN")
    return isinstance(arn, str) and arn.endswith(".fifo")
