"""``@s3_batch_handler``: one call per S3 Batch Operations task, and the response S3 expects."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from s3types_lambda._batch import LOGGER_NAME
from s3types_lambda._context import LambdaContext

if TYPE_CHECKING:
    # Imported when a handler runs: notification handlers never pay for them.
    from s3types.batch import BatchResponseDict, BatchResultCode, BatchTask, BatchTaskResult

__all__ = ["s3_batch_handler"]

ContextT = TypeVar("ContextT", bound=LambdaContext)
#: What a task function may return (or an ``async def`` one resolve to).
TaskReturn: TypeAlias = "str | BatchTaskResult | BatchResultCode | None"


def s3_batch_handler(
    func: Callable[[BatchTask, ContextT], TaskReturn | Awaitable[TaskReturn]], /
) -> Callable[[Mapping[str, Any], ContextT], BatchResponseDict]:
    """Turn ``def f(task: BatchTask, context) -> str | None`` into a Batch Operations handler.

    The handler parses the job (:func:`s3types.batch.parse_batch_job`,
    schema 1.0 or 2.0), calls ``f`` once per task and returns the response
    S3 expects, one result per task. What ``f`` returns is the result: a
    str (or None) is ``Succeeded`` with it as ``resultString`` (shown in
    the job's completion report); a :class:`s3types.batch.BatchTaskResult`
    (``task.temporary_failure("busy")``, ``task.permanent_failure(...)``)
    or a :class:`s3types.batch.BatchResultCode` is taken as it is; anything
    else is that task's ``PermanentFailure`` naming what came back, never a
    success. When ``f`` raises: ``TemporaryFailure`` (S3 retries the task)
    for :class:`s3types.batch.TemporaryFailure` or a botocore throttling,
    5xx, ``SlowDown`` or ``RequestTimeout`` error; ``PermanentFailure`` for
    any other exception, with the exception's type and message.

    ``f`` may be ``async def``: each task's coroutine is run to completion
    in an event loop of its own (Lambda's Python runtime calls handlers
    synchronously, as Powertools' async batch processing does). A generator
    function is refused here, at decoration: calling it would run nothing.

    The response is valid even when every task fails; each failure is
    logged (logger ``s3types_lambda``) with its task id and traceback. Only
    an input that is not a job raises (:class:`s3types.S3EventError`):
    there is no invocation id to answer.

    >>> from s3types.testing import make_batch_job
    >>> @s3_batch_handler
    ... def retag(task: BatchTask, context: LambdaContext) -> str:
    ...     return f"s3://{task.bucket_name}/{task.key}"
    >>> retag(make_batch_job(bucket="photos", keys=["a b.jpg"]), None)["results"]
    [{'taskId': 'dGFzay0x', 'resultCode': 'Succeeded', 'resultString': 's3://photos/a b.jpg'}]
    """
    from s3types.batch._outcome import check_task_function

    check_task_function(func, "@s3_batch_handler")

    @functools.wraps(func)
    def handler(event: Mapping[str, Any], context: ContextT) -> BatchResponseDict:
        from s3types.batch import parse_batch_job
        from s3types.batch._outcome import run_batch_task

        job = parse_batch_job(event)
        results = [
            run_batch_task(func, task, context, logger_name=LOGGER_NAME) for task in job.tasks
        ]
        return job.response(results)

    return handler
