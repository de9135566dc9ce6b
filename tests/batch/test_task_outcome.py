"""What a task function returns or raises is its task's result, never a false ``Succeeded``."""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest

from s3types.batch import BatchResultCode, BatchTask, BatchTaskResult, TemporaryFailure
from s3types.testing import LocalLambdaContext, make_batch_job
from s3types_lambda import LambdaContext, s3_batch_handler

CONTEXT = LocalLambdaContext(function_name="backfill", remaining_millis=60_000)
JOB = make_batch_job(bucket="photos", keys=["a.jpg", "b.jpg"])


def _results(function: Callable[[BatchTask, LambdaContext], Any]) -> list[tuple[str, str]]:
    handler = s3_batch_handler(function)
    return [(r["resultCode"], r["resultString"]) for r in handler(JOB, CONTEXT)["results"]]


def test_a_returned_permanent_failure_is_a_permanent_failure() -> None:
    assert _results(lambda task, context: task.permanent_failure(f"no {task.key}")) == [
        ("PermanentFailure", "no a.jpg"),
        ("PermanentFailure", "no b.jpg"),
    ]


def test_a_returned_temporary_failure_asks_s3_to_retry() -> None:
    assert _results(lambda task, context: task.temporary_failure("busy")) == [
        ("TemporaryFailure", "busy"),
        ("TemporaryFailure", "busy"),
    ]


def test_a_returned_result_code_is_that_code() -> None:
    assert _results(lambda task, context: BatchResultCode.TEMPORARY_FAILURE) == [
        ("TemporaryFailure", ""),
        ("TemporaryFailure", ""),
    ]


def test_a_returned_success_keeps_its_string() -> None:
    assert _results(lambda task, context: task.succeeded("tagged"))[0] == ("Succeeded", "tagged")


@pytest.mark.parametrize(
    ("returned", "named"),
    [(42, "(int)"), ({"ok": True}, "(dict)"), (False, "(bool)"), (b"done", "(bytes)")],
)
def test_any_other_return_value_is_a_permanent_failure_naming_its_type(
    returned: object, named: str
) -> None:
    for code, text in _results(lambda task, context: returned):
        assert code == "PermanentFailure"
        assert named in text
        assert "BatchTaskResult" in text  # and says what to return instead


def test_a_result_for_another_task_or_with_a_bad_code_fails_only_that_task() -> None:
    # Either would have made the whole response fail to build: every result lost.
    other = _results(lambda task, context: BatchTaskResult("elsewhere", BatchResultCode.SUCCEEDED))
    assert [code for code, _ in other] == ["PermanentFailure", "PermanentFailure"]
    assert "'elsewhere'" in other[0][1]
    bogus = _results(lambda task, context: BatchTaskResult(task.task_id, "Done"))  # type: ignore[arg-type]
    assert [code for code, _ in bogus] == ["PermanentFailure", "PermanentFailure"]
    assert "'Done'" in bogus[0][1]
    spelled = _results(lambda task, context: BatchTaskResult(task.task_id, "Succeeded"))  # type: ignore[arg-type]
    assert spelled == [("Succeeded", ""), ("Succeeded", "")]


def test_an_async_function_is_awaited() -> None:
    done: list[str] = []

    async def tag(task: BatchTask, context: LambdaContext) -> str:
        await asyncio.sleep(0)
        done.append(task.key)
        return f"tagged {task.key}"

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "coroutine was never awaited"
        assert _results(tag) == [("Succeeded", "tagged a.jpg"), ("Succeeded", "tagged b.jpg")]
    assert done == ["a.jpg", "b.jpg"]


def test_an_async_function_that_raises_or_fails_is_that_failure() -> None:
    async def busy(task: BatchTask, context: LambdaContext) -> str:
        raise TemporaryFailure("later")

    async def refused(task: BatchTask, context: LambdaContext) -> BatchTaskResult:
        return task.permanent_failure("refused")

    assert _results(busy)[0] == ("TemporaryFailure", "later")
    assert _results(refused)[0] == ("PermanentFailure", "refused")


def test_an_async_function_inside_a_running_loop_fails_its_task_and_says_why() -> None:
    async def tag(task: BatchTask, context: LambdaContext) -> str:
        return "tagged"

    async def main() -> list[tuple[str, str]]:
        return _results(tag)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        results = asyncio.run(main())
    assert results[0][0] == "PermanentFailure"
    assert "already runs one" in results[0][1]


def test_a_generator_function_is_refused_at_decoration() -> None:
    def tag(task: BatchTask, context: LambdaContext) -> Iterator[str]:
        yield "tagged"

    async def atag(task: BatchTask, context: LambdaContext) -> AsyncIterator[str]:
        yield "tagged"

    with pytest.raises(TypeError, match=r"tag is a generator function .* return the task's"):
        s3_batch_handler(tag)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"atag is a generator function"):
        s3_batch_handler(atag)  # type: ignore[arg-type]


def test_a_generator_returned_at_run_time_is_a_permanent_failure() -> None:
    def tags(task: BatchTask) -> Iterator[str]:
        yield "never"

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        results = _results(lambda task, context: tags(task))
    assert results[0][0] == "PermanentFailure"
    assert "(generator)" in results[0][1]


class _Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("__str__ is broken too")


class _NotText(Exception):
    def __str__(self) -> str:
        return 7  # type: ignore[return-value]


@pytest.mark.parametrize("error", [_Unprintable, _NotText])
def test_an_exception_that_cannot_be_described_still_gives_every_result(
    error: type[Exception], caplog: pytest.LogCaptureFixture
) -> None:
    def fail(task: BatchTask, context: LambdaContext) -> str:
        if task.key == "a.jpg":
            raise error
        return "tagged"

    with caplog.at_level(logging.ERROR, logger="s3types_lambda"):
        results = _results(fail)
    assert results == [
        (
            "PermanentFailure",
            f"{error.__name__} (its message cannot be shown: str() raised"
            f" {'RuntimeError' if error is _Unprintable else 'TypeError'})",
        ),
        ("Succeeded", "tagged"),
    ]
    assert "dGFzay0x" in caplog.text  # the failure is logged with its task id


def test_a_temporary_failure_that_cannot_be_described_is_still_temporary() -> None:
    class Busy(TemporaryFailure):
        def __str__(self) -> str:
            raise RuntimeError("no")

    def busy(task: BatchTask, context: LambdaContext) -> str:
        raise Busy

    assert _results(busy)[0][0] == "TemporaryFailure"


def test_an_exception_with_a_hostile_response_attribute_is_permanent() -> None:
    class Hostile(Exception):
        @property
        def response(self) -> object:
            raise RuntimeError("no response here")

    def fail(task: BatchTask, context: LambdaContext) -> str:
        raise Hostile("bad")

    assert _results(fail)[0] == ("PermanentFailure", "Hostile: bad")


def test_run_batch_task_is_the_outcome_other_handlers_share() -> None:
    from s3types.batch._outcome import run_batch_task

    task = BatchTask.from_wire({"taskId": "t1", "s3Key": "k", "s3Bucket": "b"})
    assert run_batch_task(lambda t, c: None, task, None, logger_name="x").code is (
        BatchResultCode.SUCCEEDED
    )
    assert run_batch_task(lambda t, c: 1.5, task, None, logger_name="x").code is (
        BatchResultCode.PERMANENT_FAILURE
    )
