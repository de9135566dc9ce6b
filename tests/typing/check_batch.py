"""Type checks of Batch Operations and Object Lambda (mypy --strict; never run by pytest).

Each ``# type: ignore[code]`` marks misuse mypy must reject; with
``warn_unused_ignores`` a check that stops failing fails the type check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from typing_extensions import assert_type

from s3types.batch import (
    BatchJob,
    BatchResponseDict,
    BatchResultCode,
    BatchTask,
    BatchTaskResult,
    parse_batch_job,
)
from s3types.object_lambda import (
    ObjectLambdaEvent,
    ObjectLambdaResponse,
    OriginalObject,
    parse_object_lambda_event,
)
from s3types.ops import write_get_object_response
from s3types.testing import LocalLambdaContext, make_batch_job, make_object_lambda_event
from s3types_lambda import LambdaContext, s3_batch_handler, s3_object_lambda_handler
from s3types_powertools import batch_job_to_data_class, batch_response_to_data_class

job = parse_batch_job(make_batch_job(bucket="b", keys=["k"]))
assert_type(job, BatchJob)
assert_type(job.tasks, tuple[BatchTask, ...])
assert_type(job.user_arguments, Mapping[str, str])
assert_type(job.tasks[0].version_id, str | None)
assert_type(job.tasks[0].succeeded("ok"), BatchTaskResult)
response = job.response([job.tasks[0].succeeded()])
assert_type(response, BatchResponseDict)
assert_type(response["results"][0]["resultString"], str)
job.response([job.tasks[0].succeeded()], treat_missing_keys_as="Succeeded")  # type: ignore[arg-type]
job.response(["Succeeded"])  # type: ignore[list-item]
BatchTaskResult("t", BatchResultCode.SUCCEEDED, 3)  # type: ignore[arg-type]


@s3_batch_handler
def retag(task: BatchTask, context: LambdaContext) -> str:
    return task.key


assert_type(retag, Callable[[Mapping[str, Any], LambdaContext], BatchResponseDict])
retag(make_batch_job(bucket="b", keys=["k"]), LocalLambdaContext())


@s3_batch_handler  # type: ignore[arg-type]
def wrong_return(task: BatchTask, context: LambdaContext) -> int:
    return 1


@s3_batch_handler
def answers_with_a_result(task: BatchTask, context: LambdaContext) -> BatchTaskResult:
    return task.temporary_failure("busy")


@s3_batch_handler
def answers_with_a_code(task: BatchTask, context: LambdaContext) -> BatchResultCode:
    return BatchResultCode.PERMANENT_FAILURE


@s3_batch_handler
async def answers_later(task: BatchTask, context: LambdaContext) -> str:
    return task.key


@s3_batch_handler  # type: ignore[arg-type]
async def answers_later_wrongly(task: BatchTask, context: LambdaContext) -> int:
    return 1


@s3_batch_handler  # type: ignore[arg-type]
def wrong_argument(task: ObjectLambdaEvent, context: LambdaContext) -> None:
    return None


request = parse_object_lambda_event(make_object_lambda_event())
assert_type(request, ObjectLambdaEvent)
assert_type(request.output_route, str | None)
assert_type(request.user_request.header("Range"), str | None)


@s3_object_lambda_handler
def upper(event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext) -> object:
    return (chunk.upper() for chunk in original)


assert_type(upper, Callable[[Mapping[str, Any], LambdaContext], dict[str, Any]])


@s3_object_lambda_handler(client=None)
def typed(event: ObjectLambdaEvent, original: OriginalObject, context: LambdaContext) -> object:
    return ObjectLambdaResponse(b"x", status_code=206, content_range="bytes 0-0/1")


def chunks(original: OriginalObject) -> Iterator[bytes]:
    return iter(original)


ObjectLambdaResponse(status_code="200")  # type: ignore[arg-type]
write_get_object_response(None, request, b"x")  # type: ignore[arg-type]
assert_type(batch_job_to_data_class(job).invocation_id, str)
assert_type(batch_response_to_data_class(response).invocation_id, str)
