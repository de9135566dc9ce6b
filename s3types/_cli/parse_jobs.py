"""``s3types parse`` on the other S3 invocations: Batch Operations jobs and Object Lambda requests.

``parse.py`` shows notifications; what ``s3types event batch|object-lambda``
prints is read here, with the parser of its kind, and shown the same two
ways (a text summary, or ``--json``), the kind named first.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from s3types._cli.event_jobs import JobKind, check_invocation, invocation_kind

if TYPE_CHECKING:
    from s3types.batch import BatchJob
    from s3types.object_lambda import ObjectLambdaEvent

__all__ = ["job_kind", "show_job"]

_TASK_COLUMNS = ("#", "task id", "bucket", "key", "version id")


def job_kind(data: bytes) -> tuple[JobKind, Mapping[str, Any]] | None:
    """The kind and the decoded JSON of a Batch Operations job or Object Lambda request.

    None for anything else (a notification, or text that is not JSON: the
    notification parser then says what is wrong with it).

    >>> job_kind(b'{"invocationSchemaVersion": "2.0", "tasks": []}')[0].value
    'batch'
    >>> job_kind(b'{"Records": []}') is None
    True
    """
    try:
        decoded: object = json.loads(data)
    except (ValueError, RecursionError):
        return None
    kind = invocation_kind(decoded)
    if kind is None or not isinstance(decoded, Mapping):
        return None
    return kind, cast("Mapping[str, Any]", decoded)


def show_job(kind: JobKind, event: Mapping[str, Any], *, as_json: bool, shown: Any) -> str:
    """Validate ``event`` (raises :class:`s3types.S3EventError`) and describe it.

    ``shown`` escapes text from the event for a terminal (``parse._shown``).
    """
    check_invocation(event, kind)
    if kind is JobKind.BATCH:
        from s3types.batch import parse_batch_job

        job = parse_batch_job(event)
        return _job_json(job) if as_json else _job_text(job, shown)
    from s3types.object_lambda import parse_object_lambda_event

    request = parse_object_lambda_event(event)
    return _request_json(request) if as_json else _request_text(request, shown)


def _job_text(job: BatchJob, shown: Any) -> str:
    count = f"{len(job.tasks)} task{'s' if len(job.tasks) != 1 else ''}"
    lines = [
        f"kind: S3 Batch Operations job {shown(job.job_id)} (schema {job.schema_version},"
        f" invocation {shown(job.invocation_id)}), {count}"
    ]
    if job.user_arguments:
        arguments = ", ".join(f"{shown(k)}={shown(v)}" for k, v in job.user_arguments.items())
        lines.append(f"user arguments: {arguments}")
    rows: list[tuple[str, ...]] = [_TASK_COLUMNS]
    for index, task in enumerate(job.tasks):
        rows.append(
            (
                str(index),
                shown(task.task_id),
                shown(task.bucket_name),
                shown(task.key),
                shown(task.version_id or "-"),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(_TASK_COLUMNS))]
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join(lines)


def _job_json(job: BatchJob) -> str:
    return json.dumps(
        {
            "kind": JobKind.BATCH.value,
            "schema_version": job.schema_version,
            "invocation_id": job.invocation_id,
            "job_id": job.job_id,
            "user_arguments": dict(job.user_arguments),
            "tasks": [
                {
                    "task_id": task.task_id,
                    "bucket": task.bucket_name,
                    "key": task.key,
                    "raw_key": task.raw_key,
                    "version_id": task.version_id,
                }
                for task in job.tasks
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


def _request_text(request: ObjectLambdaEvent, shown: Any) -> str:
    lines = [
        f"kind: S3 Object Lambda request {shown(request.request_id)}: {request.operation}",
        f"original (inputS3Url): {shown(request.input_s3_url.split('?', 1)[0])}",
    ]
    if request.output_route is not None:
        lines.append(f"answer: WriteGetObjectResponse, route {shown(request.output_route)}")
    lines.append(f"caller asked: {shown(request.user_request.url)}")
    caller_range = request.user_request.header("Range")
    if caller_range is not None:
        lines.append(f"caller's Range: {shown(caller_range)}")
    lines.append(f"access point payload: {shown(request.configuration.payload or '-')}")
    return "\n".join(lines)


def _request_json(request: ObjectLambdaEvent) -> str:
    return json.dumps(
        {
            "kind": JobKind.OBJECT_LAMBDA.value,
            "request_id": request.request_id,
            "operation": request.operation,
            "input_s3_url": request.input_s3_url,
            "output_route": request.output_route,
            "output_token": request.output_token,
            "user_request_url": request.user_request.url,
            "payload": request.configuration.payload,
        },
        indent=2,
        ensure_ascii=False,
    )
