"""job.response / build_response: a pure function, checked against a brute-force reference."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from s3types.batch import (
    MAX_RESULT_STRING,
    BatchResultCode,
    BatchTaskResult,
    parse_batch_job,
)
from s3types.batch._response import build_response
from s3types.testing import make_batch_job

_ids = st.sampled_from(["t1", "t2", "t3", "dGFzaw"])
_codes = st.sampled_from(list(BatchResultCode))
_strings = st.none() | st.text(max_size=5) | st.text(min_size=1020, max_size=1030)
_results = st.builds(BatchTaskResult, _ids, _codes, _strings)


def _reference(task_ids: list[str], results: list[BatchTaskResult]) -> list[dict[str, Any]] | None:
    """Brute force: take, for each task in order, the first unused result naming it."""
    unused = list(results)
    out: list[dict[str, Any]] = []
    for task_id in task_ids:
        match = next((r for r in unused if r.task_id == task_id), None)
        if match is None:
            return None
        unused.remove(match)
        text = match.result_string or ""
        if len(text) > MAX_RESULT_STRING:
            text = text[: MAX_RESULT_STRING - 3] + "..."
        out.append({"taskId": task_id, "resultCode": match.code.value, "resultString": text})
    return None if unused else out


@given(
    task_ids=st.lists(_ids, min_size=1, max_size=4),
    results=st.lists(_results, max_size=5),
    missing=_codes,
)
def test_response_matches_the_reference(
    task_ids: list[str], results: list[BatchTaskResult], missing: BatchResultCode
) -> None:
    expected = _reference(task_ids, results)
    kwargs: dict[str, Any] = {
        "schema_version": "2.0",
        "invocation_id": "aW52",
        "task_ids": task_ids,
        "results": results,
        "treat_missing_keys_as": missing,
    }
    if expected is None:
        with pytest.raises(ValueError, match="task '"):
            build_response(**kwargs)
        return
    response = build_response(**kwargs)
    assert response == {
        "invocationSchemaVersion": "2.0",
        "treatMissingKeysAs": missing.value,
        "invocationId": "aW52",
        "results": expected,
    }
    assert all(len(r["resultString"]) <= MAX_RESULT_STRING for r in response["results"])


@given(results=st.permutations([("t1", "a"), ("t2", "b"), ("t3", "c")]))
def test_results_come_back_in_task_order(results: list[tuple[str, str]]) -> None:
    response = build_response(
        schema_version="1.0",
        invocation_id="i",
        task_ids=["t1", "t2", "t3"],
        results=[BatchTaskResult(t, BatchResultCode.SUCCEEDED, s) for t, s in results],
    )
    assert [r["resultString"] for r in response["results"]] == ["a", "b", "c"]


def _job() -> Any:
    return parse_batch_job(make_batch_job(bucket="b", keys=["a", "b"], schema_version="1.0"))


def test_response_echoes_schema_version_and_invocation_id() -> None:
    job = _job()
    response = job.response([task.succeeded() for task in job.tasks])
    assert response["invocationSchemaVersion"] == "1.0"
    assert response["invocationId"] == job.invocation_id
    assert response["treatMissingKeysAs"] == "PermanentFailure"


def test_a_missing_result_names_the_task() -> None:
    job = _job()
    with pytest.raises(ValueError, match=f"task {job.tasks[1].task_id!r} has no result"):
        job.response([job.tasks[0].succeeded()])


def test_a_doubled_result_names_the_task() -> None:
    job = _job()
    first = job.tasks[0]
    with pytest.raises(ValueError, match=f"task {first.task_id!r} has 2 results"):
        job.response([first.succeeded(), first.permanent_failure(), job.tasks[1].succeeded()])


def test_a_result_for_another_task_is_refused() -> None:
    job = _job()
    stray = BatchTaskResult("nope", BatchResultCode.SUCCEEDED)
    with pytest.raises(ValueError, match="'nope', which is not in the job"):
        job.response([*(t.succeeded() for t in job.tasks), stray])


def test_a_code_that_is_not_a_result_code_is_refused() -> None:
    job = _job()
    bad = BatchTaskResult(job.tasks[0].task_id, "Done")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a result code"):
        job.response([bad, job.tasks[1].succeeded()])


def test_result_codes_as_strings_are_accepted() -> None:
    job = _job()
    as_text = BatchTaskResult(job.tasks[0].task_id, "TemporaryFailure")  # type: ignore[arg-type]
    response = job.response([as_text, job.tasks[1].succeeded()])
    assert response["results"][0]["resultCode"] == "TemporaryFailure"
