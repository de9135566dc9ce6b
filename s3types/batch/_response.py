"""The response S3 Batch Operations expects, built from task results: a pure function."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Literal

from typing_extensions import TypedDict

from s3types.batch._results import BatchResultCode, BatchTaskResult, bound_result_string

__all__ = ["BatchResponseDict", "BatchResultDict", "build_response"]

_CodeText = Literal["Succeeded", "TemporaryFailure", "PermanentFailure"]


class BatchResultDict(TypedDict):
    """One entry of ``results``: ``taskId``, ``resultCode``, ``resultString``."""

    taskId: str
    resultCode: _CodeText
    resultString: str


class BatchResponseDict(TypedDict):
    """What the function returns to S3 Batch Operations (field names as S3 reads them)."""

    invocationSchemaVersion: str
    treatMissingKeysAs: _CodeText
    invocationId: str
    results: list[BatchResultDict]


def _code(value: object, where: str) -> BatchResultCode:
    try:
        return BatchResultCode(value)
    except ValueError:
        choices = ", ".join(repr(code.value) for code in BatchResultCode)
        raise ValueError(f"{where} is {value!r}, not a result code: use one of {choices}") from None


def build_response(
    *,
    schema_version: str,
    invocation_id: str,
    task_ids: Sequence[str],
    results: Iterable[BatchTaskResult],
    treat_missing_keys_as: BatchResultCode = BatchResultCode.PERMANENT_FAILURE,
) -> BatchResponseDict:
    """The response for a job whose tasks are ``task_ids``: one result per task, in task order.

    A job may list one task id several times (S3 sends one task per
    invocation; hand-made jobs repeat ids): then it needs that many results.
    Raises ValueError naming the task that has no result, more results than
    tasks, or is not in the job; and for a code that is not a
    :class:`BatchResultCode`.

    >>> build_response(schema_version="1.0", invocation_id="aW52", task_ids=["t1"],
    ...     results=[BatchTaskResult("t1", BatchResultCode.SUCCEEDED, "ok")])["results"]
    [{'taskId': 't1', 'resultCode': 'Succeeded', 'resultString': 'ok'}]
    """
    missing_code = _code(treat_missing_keys_as, "treat_missing_keys_as")
    by_task: dict[str, list[BatchResultDict]] = {}
    for result in results:
        code = _code(result.code, f"the result code of task {result.task_id!r}")
        by_task.setdefault(result.task_id, []).append(
            {
                "taskId": result.task_id,
                "resultCode": code.value,
                "resultString": bound_result_string(result.result_string) or "",
            }
        )
    expected = Counter(task_ids)
    unknown = [task_id for task_id in by_task if task_id not in expected]
    if unknown:
        raise ValueError(
            f"results name task {unknown[0]!r}, which is not in the job"
            f" (its tasks: {', '.join(map(repr, expected))})"
        )
    for task_id, count in expected.items():
        given = len(by_task.get(task_id, ()))
        if given < count:
            raise ValueError(
                f"task {task_id!r} has no result: give exactly one result per task"
                if given == 0
                else f"task {task_id!r} is listed {count} times but has {given} results"
            )
        if given > count:
            raise ValueError(
                f"task {task_id!r} has {given} results (doubled): give exactly one per task"
                if count == 1
                else f"task {task_id!r} is listed {count} times but has {given} results"
            )
    ordered: list[BatchResultDict] = []
    taken: Counter[str] = Counter()
    for task_id in task_ids:
        ordered.append(by_task[task_id][taken[task_id]])
        taken[task_id] += 1
    return {
        "invocationSchemaVersion": schema_version,
        "treatMissingKeysAs": missing_code.value,
        "invocationId": invocation_id,
        "results": ordered,
    }
