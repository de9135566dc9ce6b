"""Batch Operations and Object Lambda with Powertools' real data classes, parser and decorators."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from typing import Any

import pytest
from aws_lambda_powertools.utilities.data_classes import (
    S3BatchOperationEvent,
    S3BatchOperationResponse,
    S3BatchOperationResponseRecord,
    event_source,
)
from aws_lambda_powertools.utilities.data_classes.s3_object_event import S3ObjectLambdaEvent
from aws_lambda_powertools.utilities.parser import event_parser, parse
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import ValidationError

import s3types_powertools._invocations
from s3types.batch import BatchJob, BatchTask, parse_batch_job
from s3types.object_lambda import ObjectLambdaEvent, parse_object_lambda_event
from s3types.testing import make_batch_job, make_object_lambda_event
from s3types_lambda import s3_batch_handler
from s3types_powertools import (
    batch_job_from_data_class,
    batch_job_to_data_class,
    batch_response_from_data_class,
    batch_response_to_data_class,
    object_lambda_event_from_data_class,
    object_lambda_event_to_data_class,
)

EVENTS = Path(__file__).parent.parent / "events"
BATCH = sorted(p for p in (EVENTS / "batch-operations").rglob("*.json") if "template" not in p.name)
OBJECT_LAMBDA = sorted((EVENTS / "object-lambda").rglob("*.json"))


def test_docstring_examples() -> None:
    result = doctest.testmod(
        s3types_powertools._invocations,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("path", BATCH, ids=lambda p: p.name)
def test_batch_jobs_go_both_ways(path: Path) -> None:
    wire = json.loads(path.read_text())
    job = batch_job_from_data_class(S3BatchOperationEvent(wire))
    assert job == parse_batch_job(wire)
    back = batch_job_to_data_class(job)
    assert back.raw_event == wire
    assert [t.s3_key for t in back.tasks] == [t.key for t in job.tasks]


def test_bucket_names_from_arns_with_a_region_are_right() -> None:
    # Powertools takes split(":::")[-1] of the ARN, which keeps the whole ARN
    # when it names a region and account; ours is the bucket.
    path = EVENTS / "batch-operations/aws-lambda-go/s3-batch-job-request-1.0.json"
    job = batch_job_from_data_class(S3BatchOperationEvent(json.loads(path.read_text())))
    assert job.tasks[0].bucket_name == "awsexamplebucket"


@pytest.mark.parametrize("path", OBJECT_LAMBDA, ids=lambda p: p.name)
def test_object_lambda_requests_go_both_ways(path: Path) -> None:
    wire = json.loads(path.read_text())
    event = object_lambda_event_from_data_class(S3ObjectLambdaEvent(wire))
    assert event == parse_object_lambda_event(wire)
    back = object_lambda_event_to_data_class(event)
    assert back.raw_event == wire
    assert back.request_id == event.request_id
    assert back.protocol_version == event.protocol_version
    if event.operation == "GetObject":
        assert (back.request_route, back.request_token) == (event.output_route, event.output_token)
        assert back.input_s3_url == event.input_s3_url


def test_responses_go_both_ways() -> None:
    job = parse_batch_job(make_batch_job(bucket="b", keys=["k"]))
    response = job.response([job.tasks[0].temporary_failure("busy")])
    data_class = batch_response_to_data_class(response)
    assert data_class.asdict() == response
    assert batch_response_from_data_class(data_class) == response


def test_a_powertools_response_with_a_bad_code_is_refused() -> None:
    built = S3BatchOperationResponse(
        "1.0",
        "inv",
        "Succeeded",
        [S3BatchOperationResponseRecord("t", "Done")],  # type: ignore[arg-type]
    )
    with pytest.raises(ValueError, match="'Done' is not a valid BatchResultCode"):
        batch_response_from_data_class(built)


def test_other_data_classes_are_refused() -> None:
    with pytest.raises(TypeError, match="S3BatchOperationEvent"):
        batch_job_from_data_class(S3ObjectLambdaEvent(make_object_lambda_event()))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="S3ObjectLambdaEvent"):
        object_lambda_event_from_data_class(S3BatchOperationEvent({}))  # type: ignore[arg-type]


@pytest.mark.parametrize("path", BATCH, ids=lambda p: p.name)
def test_batch_job_is_a_parser_model(path: Path) -> None:
    @event_parser(model=BatchJob)
    def handler(event: BatchJob, context: LambdaContext) -> list[str]:
        return [task.bucket_name for task in event.tasks]

    wire = json.loads(path.read_text())
    assert handler(wire, None) == [t.bucket_name for t in parse_batch_job(wire).tasks]  # type: ignore[arg-type]
    assert parse(event=wire, model=BatchJob) == parse_batch_job(wire)


@pytest.mark.parametrize("path", OBJECT_LAMBDA, ids=lambda p: p.name)
def test_object_lambda_event_is_a_parser_model(path: Path) -> None:
    @event_parser(model=ObjectLambdaEvent)
    def handler(event: ObjectLambdaEvent, context: LambdaContext) -> str:
        return event.operation

    wire = json.loads(path.read_text())
    assert handler(wire, None) == parse_object_lambda_event(wire).operation  # type: ignore[arg-type]


def test_the_parser_reports_bad_jobs() -> None:
    wire: dict[str, Any] = make_batch_job(bucket="b", keys=["k"])
    del wire["tasks"][0]["s3Key"]
    with pytest.raises(ValidationError, match="s3Key"):
        parse(event=wire, model=BatchJob)


def test_s3_batch_handler_stacks_under_powertools_event_source() -> None:
    @event_source(data_class=S3BatchOperationEvent)
    def handler(event: S3BatchOperationEvent, context: LambdaContext) -> Any:
        @s3_batch_handler
        def per_task(task: BatchTask, context: LambdaContext) -> str:
            return task.key

        return per_task(event.raw_event, context)

    wire = make_batch_job(bucket="b", keys=["a b"])
    assert handler(wire, None)["results"][0]["resultString"] == "a b"  # type: ignore[arg-type]
