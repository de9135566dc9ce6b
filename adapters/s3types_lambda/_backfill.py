"""One handler, two invocations: a Batch Operations job reaching a record handler.

S3 invokes the same function with notifications (live) and, during a
backfill, with Batch Operations jobs. A job is recognized by its values
(``invocationSchemaVersion`` "1.0" or "2.0", a ``job`` and ``tasks``),
parsed by :func:`s3types.batch.parse_batch_job`, and each task goes
through the handler's trigger as an ``ObjectCreated`` event would (a task
has no event type: it stands for an object that exists). A task the
trigger does not match is ``Succeeded``, its ``resultString`` saying it
was skipped and why; the others run the function through
:func:`s3types.batch._outcome.run_batch_task`, the per-task outcome
``@s3_batch_handler`` uses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from s3types_lambda._batch import LOGGER_NAME

if TYPE_CHECKING:
    from s3types.batch import BatchResponseDict, BatchTask, BatchTaskResult
    from s3types.triggers import Trigger

__all__ = ["answer_job", "is_batch_job", "task_mismatch"]

ContextT = TypeVar("ContextT")
_CREATED = "s3:ObjectCreated:"


def is_batch_job(event: object) -> bool:
    """Whether ``event`` is an S3 Batch Operations invocation (by its values, not keys alone).

    >>> is_batch_job({"invocationSchemaVersion": "2.0", "job": {}, "tasks": []})
    True
    >>> is_batch_job({"Records": []})
    False
    """
    if not isinstance(event, Mapping):
        return False
    wire = cast("Mapping[str, object]", event)
    return (
        wire.get("invocationSchemaVersion") in ("1.0", "2.0")
        and isinstance(wire.get("tasks"), list)
        and isinstance(wire.get("job"), Mapping)
    )


def task_mismatch(trigger: Trigger, task: BatchTask) -> str | None:
    """Why ``trigger`` would not fire for ``task`` as an ObjectCreated event; None when it would.

    >>> from s3types.batch import BatchTask
    >>> from s3types.triggers import Trigger
    >>> task = BatchTask.from_wire({"taskId": "t", "s3Key": "a.png", "s3Bucket": "photos"})
    >>> task_mismatch(Trigger("photos", suffix=".jpg"), task)
    "key 'a.png' does not end with suffix '.jpg'"
    """
    if not any(name.startswith(_CREATED) for name in trigger.events):
        return (
            f"the trigger fires on {', '.join(trigger.events)}; a Batch Operations task"
            " counts as s3:ObjectCreated:*"
        )
    if trigger.bucket is not None and task.bucket_name != trigger.bucket:
        return f"bucket {task.bucket_name[:100]!r} is not {trigger.bucket!r}"
    key = task.key
    if trigger.prefix is not None and not key.startswith(trigger.prefix):
        return f"key {key[:200]!r} does not start with prefix {trigger.prefix!r}"
    if trigger.suffix is not None and not key.endswith(trigger.suffix):
        return f"key {key[:200]!r} does not end with suffix {trigger.suffix!r}"
    return None


def answer_job(
    event: Mapping[str, Any],
    function: Callable[[BatchTask, ContextT], object],
    context: ContextT,
    trigger: Trigger,
) -> BatchResponseDict:
    """Run ``function`` on each task ``trigger`` matches; the job response, one result per task."""
    from s3types.batch import parse_batch_job
    from s3types.batch._outcome import run_batch_task

    job = parse_batch_job(event)
    results: list[BatchTaskResult] = []
    for task in job.tasks:
        reason = task_mismatch(trigger, task)
        if reason is None:
            results.append(run_batch_task(function, task, context, logger_name=LOGGER_NAME))
        else:
            results.append(task.succeeded(f"skipped: not for this function's trigger ({reason})"))
    return job.response(results)
