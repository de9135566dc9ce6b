"""Conversions with Powertools' Batch Operations and Object Lambda data classes.

Each conversion reads the data class's raw event (or the response's
fields), so nothing Powertools leaves out is lost; the typed side is
validated as :func:`s3types.batch.parse_batch_job` and
:func:`s3types.object_lambda.parse_object_lambda_event` do.
"""

from __future__ import annotations

from aws_lambda_powertools.utilities.data_classes import (
    S3BatchOperationEvent,
    S3BatchOperationResponse,
    S3BatchOperationResponseRecord,
)
from aws_lambda_powertools.utilities.data_classes.s3_object_event import S3ObjectLambdaEvent

from s3types.batch import BatchJob, BatchResponseDict, BatchResultCode, parse_batch_job
from s3types.object_lambda import ObjectLambdaEvent, parse_object_lambda_event

__all__ = [
    "batch_job_from_data_class",
    "batch_job_to_data_class",
    "batch_response_from_data_class",
    "batch_response_to_data_class",
    "object_lambda_event_from_data_class",
    "object_lambda_event_to_data_class",
]


def batch_job_from_data_class(event: S3BatchOperationEvent) -> BatchJob:
    """Parse Powertools' ``S3BatchOperationEvent`` into a :class:`s3types.batch.BatchJob`.

    >>> from s3types.testing import make_batch_job
    >>> wire = make_batch_job(bucket="b", keys=["a b.txt"], schema_version="1.0")
    >>> batch_job_from_data_class(S3BatchOperationEvent(wire)).tasks[0].key
    'a b.txt'
    """
    if not isinstance(event, S3BatchOperationEvent):
        raise TypeError(
            f"batch_job_from_data_class takes Powertools' S3BatchOperationEvent,"
            f" got {type(event).__name__}"
        )
    return parse_batch_job(event.raw_event)


def batch_job_to_data_class(job: BatchJob) -> S3BatchOperationEvent:
    """Give the job as Powertools' ``S3BatchOperationEvent``: the wire as it came.

    >>> from s3types.testing import make_batch_job
    >>> job = parse_batch_job(make_batch_job(bucket="b", keys=["a+b.txt"]))
    >>> data_class = batch_job_to_data_class(job)
    >>> data_class.task.s3_key, data_class.task.raw_event["s3Key"]
    ('a+b.txt', 'a%2Bb.txt')
    """
    return S3BatchOperationEvent(dict(job.raw))


def batch_response_to_data_class(response: BatchResponseDict) -> S3BatchOperationResponse:
    """Give a response built by ``job.response(...)`` as Powertools' ``S3BatchOperationResponse``.

    Powertools' ``asdict()`` refuses responses with other than one result
    (S3 sends one task per invocation); the data class itself holds them all.

    >>> from s3types.testing import make_batch_job
    >>> job = parse_batch_job(make_batch_job(bucket="b", keys=["k"]))
    >>> batch_response_to_data_class(job.response([job.tasks[0].succeeded("ok")])).asdict()
    ... # doctest: +NORMALIZE_WHITESPACE
    {'invocationSchemaVersion': '2.0', 'treatMissingKeysAs': 'PermanentFailure',
     'invocationId': 'YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo',
     'results': [{'taskId': 'dGFzay0x', 'resultCode': 'Succeeded', 'resultString': 'ok'}]}
    """
    return S3BatchOperationResponse(
        invocation_schema_version=response["invocationSchemaVersion"],
        invocation_id=response["invocationId"],
        treat_missing_keys_as=response["treatMissingKeysAs"],
        results=[
            S3BatchOperationResponseRecord(
                task_id=result["taskId"],
                result_code=result["resultCode"],
                result_string=result["resultString"],
            )
            for result in response["results"]
        ],
    )


def batch_response_from_data_class(response: S3BatchOperationResponse) -> BatchResponseDict:
    """Read Powertools' ``S3BatchOperationResponse`` as the response dict S3 expects.

    Result codes are checked against :class:`s3types.batch.BatchResultCode`
    (Powertools only warns); a ``None`` result string becomes ``""``.
    """
    return {
        "invocationSchemaVersion": response.invocation_schema_version,
        "treatMissingKeysAs": BatchResultCode(response.treat_missing_keys_as).value,
        "invocationId": response.invocation_id,
        "results": [
            {
                "taskId": result.task_id,
                "resultCode": BatchResultCode(result.result_code).value,
                "resultString": result.result_string or "",
            }
            for result in response.results
        ],
    }


def object_lambda_event_from_data_class(event: S3ObjectLambdaEvent) -> ObjectLambdaEvent:
    """Parse Powertools' ``S3ObjectLambdaEvent`` into the typed ``ObjectLambdaEvent``.

    Works for HeadObject and ListObjects requests too, which the data
    class's ``object_context`` cannot read.

    >>> from s3types.testing import make_object_lambda_event
    >>> object_lambda_event_from_data_class(
    ...     S3ObjectLambdaEvent(make_object_lambda_event("HeadObject"))).operation
    'HeadObject'
    """
    if not isinstance(event, S3ObjectLambdaEvent):
        raise TypeError(
            f"object_lambda_event_from_data_class takes Powertools' S3ObjectLambdaEvent,"
            f" got {type(event).__name__}"
        )
    return parse_object_lambda_event(event.raw_event)


def object_lambda_event_to_data_class(event: ObjectLambdaEvent) -> S3ObjectLambdaEvent:
    """Give the request as Powertools' ``S3ObjectLambdaEvent``, every field as it came.

    >>> from s3types.testing import make_object_lambda_event
    >>> event = parse_object_lambda_event(make_object_lambda_event())
    >>> object_lambda_event_to_data_class(event).request_route
    'io-use1-001'
    """
    return S3ObjectLambdaEvent(dict(event.raw))
