"""``@s3_batch_handler``: one call per S3 Batch Operations task, and the response S3 expects."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from s3types_lambda._batch import LOGGER_NAME
from s3types_lambda._context import LambdaContext

if TYPE_CHECKING:
    # Imported when a handler runs: notification handlers never pay for them.
    from s3types.batch import BatchResponseDict, BatchTask, BatchTaskResult

__all__ = ["s3_batch_handler"]

ContextT = TypeVar("ContextT", bound=LambdaContext)


def s3_batch_handler(
    func: Callable[[BatchTask, ContextT], str | None], /
) -> Callable[[Mapping[str, Any], ContextT], BatchResponseDict]:
    """Turn ``def f(task: BatchTask, context) -> str | None`` into a Batch Operations handler.

    The handler parses the job (:func:`s3types.batch.parse_batch_job`,
    schema 1.0 or 2.0), calls ``f`` once per task and returns the response
    S3 expects, one result per task: ``Succeeded`` with what ``f`` returned
    as ``resultString`` (shown in the job's completion report);
    ``TemporaryFailure`` (S3 retries the task) when ``f`` raises
    :class:`s3types.batch.TemporaryFailure` or a botocore throttling, 5xx,
    ``SlowDown`` or ``RequestTimeout`` error; ``PermanentFailure`` for any
    other exception, with the exception's type and message. The response is
    valid even when every task fails; each failure is logged (logger
    ``s3types_lambda``) with its task id and traceback. Only an input that
    is not a job raises (:class:`s3types.S3EventError`): there is no
    invocation id to answer.

    >>> from s3types.testing import make_batch_job
    >>> @s3_batch_handler
    ... def retag(task: BatchTask, context: LambdaContext) -> str:
    ...     return f"s3://{task.bucket_name}/{task.key}"
    >>> retag(make_batch_job(bucket="photos", keys=["a b.jpg"]), None)["results"]
    [{'taskId': 'dGFzay0x', 'resultCode': 'Succeeded', 'resultString': 's3://photos/a b.jpg'}]
    """

    @functools.wraps(func)
    def handler(event: Mapping[str, Any], context: ContextT) -> BatchResponseDict:
        from s3types.batch import parse_batch_job
        from s3types.batch._failures import result_for_exception

        job = parse_batch_job(event)
        results: list[BatchTaskResult] = []
        for task in job.tasks:
            try:
                value = func(task, context)
                results.append(task.succeeded(None if value is None else str(value)))
            except Exception as err:
                result = result_for_exception(task.task_id, err)
                # Imported here, as in the SQS handler: logging costs cold-start time.
                import logging

                logging.getLogger(LOGGER_NAME).exception(
                    "S3 Batch Operations task %s (s3://%s/%s) failed: %s",
                    task.task_id,
                    task.bucket_name,
                    task.key,
                    result.code.value,
                )
                results.append(result)
        return job.response(results)

    return handler
