"""When every message of an SQS batch fails, we do what Powertools' ``BatchProcessor`` does."""

from __future__ import annotations

import pytest
from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,  # pyright: ignore[reportUnknownVariableType]
)
from aws_lambda_powertools.utilities.batch.exceptions import BatchProcessingError
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from s3types import S3EventRecord
from s3types.testing import make_event, via_sqs
from s3types_lambda import s3_record_handler


def test_every_message_failing_raises_in_both_instead_of_reporting(
    lambda_context: LambdaContext,
) -> None:
    batch = via_sqs(
        make_event(bucket="b", key="bad 1.jpg"), make_event(bucket="b", key="bad 2.jpg")
    )

    def powertools_record_handler(record: SQSRecord) -> None:
        raise ValueError(record.message_id)

    @s3_record_handler()
    def ours(record: S3EventRecord, context: LambdaContext) -> None:
        raise ValueError(record.origin.message_id)

    # Powertools' default (raise_on_entire_batch_failure=True): the invocation fails.
    with pytest.raises(BatchProcessingError, match=r"All records failed processing\. 2 individual"):
        process_partial_response(
            event=dict(batch),
            record_handler=powertools_record_handler,
            processor=BatchProcessor(event_type=EventType.SQS),
            context=lambda_context,
        )
    # Ours raises too: the first error, as it came from the function.
    with pytest.raises(ValueError, match=batch["Records"][0]["messageId"]):
        ours(batch, lambda_context)
