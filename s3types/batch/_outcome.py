"""One task's outcome: run a task function and turn what it returned or raised into its result.

The one place that decides what a Batch Operations task ends as, for every
handler that runs task functions (``@s3_batch_handler``, and any other
that answers a job): a handler calls :func:`check_task_function` when it
decorates and :func:`run_batch_task` per task. A function that returns
something that is not a result is never counted as done.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from s3types._invocation_input import short
from s3types.batch._failures import result_for_exception
from s3types.batch._results import BatchResultCode, BatchTaskResult

if TYPE_CHECKING:
    from s3types.batch._model import BatchTask

__all__ = ["RETURNS", "check_task_function", "result_for_return", "run_batch_task"]

ContextT = TypeVar("ContextT")

#: What a task function may return, as error messages say it.
RETURNS = (
    "a str (or None) for Succeeded with that resultString, a BatchTaskResult"
    " (task.succeeded(...), task.temporary_failure(...), task.permanent_failure(...)),"
    " or a BatchResultCode"
)


def check_task_function(function: Callable[..., object], where: str) -> None:
    """Refuse, at decoration, a task function whose call runs none of its body.

    A generator function (``def`` with ``yield``, or ``async def`` with
    ``yield``) only makes a generator when called: its tasks would be
    answered without the work being done. An ``async def`` function is
    accepted (:func:`run_batch_task` runs it to completion).

    >>> def tag(task, context):
    ...     yield "tagged"
    >>> check_task_function(tag, "@s3_batch_handler")
    Traceback (most recent call last):
    ...
    TypeError: @s3_batch_handler: tag is a generator function (it yields), so calling it runs none of its body: ...
    """  # noqa: E501
    if not callable(function):
        raise TypeError(f"{where} decorates a function, not {type(function).__name__}")
    if inspect.isgeneratorfunction(function) or inspect.isasyncgenfunction(function):
        name = getattr(function, "__name__", type(function).__name__)
        raise TypeError(
            f"{where}: {name} is a generator function (it yields), so calling it runs none"
            f" of its body: return the task's result instead of yielding it ({RETURNS})"
        )


def result_for_return(task: BatchTask, value: object) -> BatchTaskResult:
    """The result of a task whose function returned ``value``.

    A str (or None) is ``Succeeded`` with that ``resultString``; a
    :class:`BatchTaskResult` for this task is taken as it is; a
    :class:`BatchResultCode` is that code with no ``resultString``.
    Anything else is this task's ``PermanentFailure``, naming what came
    back (never a success: a function returning ``False`` or a dict said
    something, and it is not "done").

    >>> from s3types.batch import BatchTask
    >>> task = BatchTask.from_wire({"taskId": "t1", "s3Key": "k", "s3Bucket": "b"})
    >>> result_for_return(task, "tagged").code.value
    'Succeeded'
    >>> result_for_return(task, task.temporary_failure("busy")).code.value
    'TemporaryFailure'
    >>> result_for_return(task, {"ok": True}).result_string
    "the task function returned {'ok': True} (dict), which is not a result: return a str ..."
    """
    if value is None or type(value) is str:
        return BatchTaskResult(task.task_id, BatchResultCode.SUCCEEDED, value)
    if isinstance(value, BatchResultCode):
        return BatchTaskResult(task.task_id, value, None)
    if isinstance(value, BatchTaskResult):
        return _checked_result(task, value)
    if isinstance(value, str):  # a str subclass: its text, as a plain str
        return BatchTaskResult(task.task_id, BatchResultCode.SUCCEEDED, str.__str__(value))
    _close(value)
    return task.permanent_failure(
        f"the task function returned {short(value)} ({type(value).__name__}), which is not"
        f" a result: return {RETURNS}"
    )


def _checked_result(task: BatchTask, result: BatchTaskResult) -> BatchTaskResult:
    # A dataclass checks nothing: a wrong code or task id would make the whole
    # response fail to build, and every task's result would be lost with it.
    if result.task_id != task.task_id:
        return task.permanent_failure(
            f"the task function returned the result of task {result.task_id!r}, not of"
            f" this task ({task.task_id!r}): return task.succeeded(...) and the like"
        )
    try:
        code = BatchResultCode(result.code)
    except ValueError:
        choices = ", ".join(code.value for code in BatchResultCode)
        return task.permanent_failure(
            f"the task function returned a result whose code {result.code!r} is none of {choices}"
        )
    text: object = result.result_string
    if text is not None and not isinstance(text, str):
        return task.permanent_failure(
            f"the task function returned a result whose result_string is a"
            f" {type(text).__name__}, not a str"
        )
    if code is result.code and (text is None or type(text) is str):
        return result
    return BatchTaskResult(task.task_id, code, None if text is None else str.__str__(text))


def _close(value: object) -> None:
    # A coroutine or generator that is dropped unrun warns "never awaited";
    # closing it says it was seen and refused.
    close = getattr(value, "close", None)
    if inspect.iscoroutine(value) or inspect.isgenerator(value) or inspect.isasyncgen(value):
        assert close is not None
        try:
            result: object = close()
        except Exception:
            return
        if inspect.isawaitable(result):  # an async generator's aclose() is not close()
            _close(result)


def run_batch_task(
    function: Callable[[BatchTask, ContextT], object],
    task: BatchTask,
    context: ContextT,
    *,
    logger_name: str,
) -> BatchTaskResult:
    """Run ``function(task, context)`` and give the task's result, whatever happens.

    The return value becomes the result by :func:`result_for_return`; a
    coroutine (from an ``async def`` function) is run to completion first,
    in an event loop of its own (as Lambda's Python runtime calls handlers
    synchronously). An exception becomes ``TemporaryFailure`` or
    ``PermanentFailure`` by :func:`~s3types.batch._failures.result_for_exception`
    and is logged (logger ``logger_name``) with the task id and traceback.
    Only a ``BaseException`` that is not an ``Exception`` (``SystemExit``,
    ``KeyboardInterrupt``) goes through.

    >>> from s3types.batch import BatchTask
    >>> task = BatchTask.from_wire({"taskId": "t1", "s3Key": "k", "s3Bucket": "b"})
    >>> async def tag(task, context):
    ...     return f"tagged {task.key}"
    >>> run_batch_task(tag, task, None, logger_name="s3types").result_string
    'tagged k'
    """
    try:
        value = function(task, context)
        if inspect.iscoroutine(value):
            value = _run_coroutine(value)
        return result_for_return(task, value)
    except Exception as err:
        result = result_for_exception(task.task_id, err)
        # Imported here: logging costs cold-start time in processes without failures.
        import logging

        logging.getLogger(logger_name).exception(
            "S3 Batch Operations task %s (s3://%s/%s) failed: %s",
            task.task_id,
            task.bucket_name,
            task.key,
            result.code.value,
        )
        return result


def _run_coroutine(coroutine: Coroutine[Any, Any, object]) -> object:
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    coroutine.close()
    raise RuntimeError(
        "an async def task function is run in an event loop of its own, and this thread"
        " already runs one: call the handler from synchronous code (as Lambda does)"
    )
