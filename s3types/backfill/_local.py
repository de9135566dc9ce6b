"""The local backfill engine: the function's own handler, one schema 2.0 task per invocation.

For tests, demos and small buckets. It lists the objects (or reads a CSV
manifest), invokes the handler with the event S3 Batch Operations would
send (one task per invocation, as S3 does), a few at a time on a thread
pool, and writes the completion report in S3's format, which
:func:`read_report` then reads back. At scale the job runs on S3 Batch
Operations (:func:`plan_backfill`, :func:`submit_backfill`): this engine
has none of its distribution, retries of ``TemporaryFailure`` tasks, or
per-account rate limits, and does not pretend to.
"""

from __future__ import annotations

import base64
import json
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote_plus

from s3types.backfill._arns import BackfillError
from s3types.backfill._locations import parse_location
from s3types.backfill._objects import (
    ObjectRef,
    backfill_triggers,
    listed_objects,
    manifest_objects,
)
from s3types.backfill._report import BackfillReport, read_report
from s3types.backfill._report_writer import ReportWriter
from s3types.batch import BatchResultCode
from s3types.batch._results import bound_result_string

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types.triggers import Trigger

__all__ = ["run_local"]

#: How many tasks run at once unless told: small, as a laptop or a CI runner is.
DEFAULT_CONCURRENCY = 4
_CODES = {code.value: code for code in BatchResultCode}
Handler = Callable[[dict[str, Any], Any], object]


@dataclass(frozen=True)
class _LocalContext:
    """The Lambda context the local engine passes (a 15-minute budget, Lambda's longest)."""

    function_name: str = "s3types-backfill-local"
    timeout_seconds: float = 900.0
    memory_limit_in_mb: str = "128"
    function_version: str = "$LATEST"
    invoked_function_arn: str = (
        "arn:aws:lambda:us-east-1:123456789012:function:s3types-backfill-local"
    )
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_group_name: str = "/aws/lambda/s3types-backfill-local"
    log_stream_name: str = "local"
    _started: float = field(default_factory=time.monotonic, repr=False, compare=False)

    def get_remaining_time_in_millis(self) -> int:
        """Milliseconds left of the invocation's budget."""
        spent = time.monotonic() - self._started
        return max(0, int((self.timeout_seconds - spent) * 1000))


def run_local(
    handler: Handler,
    s3_client: S3Client,
    *,
    triggers: Iterable[Trigger] | None = None,
    manifest_uri: str | None = None,
    report_uri: str | None = None,
    job_id: str | None = None,
    user_arguments: Mapping[str, str] | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    failed_only: bool = False,
    report_client: S3Client | None = None,
) -> BackfillReport:
    """Run ``handler`` over existing objects as S3 Batch Operations would; read its report back.

    ``handler`` is the Lambda entry point (``handler(event, context)``):
    one made by ``@s3_record_handler(..., backfill=True)``,
    ``@s3_batch_handler``, or any function answering Batch Operations
    jobs. The objects are those of ``manifest_uri`` (a CSV manifest, as
    ``s3types backfill retry`` writes, on S3 or local), else those the
    ``triggers`` match (default: ``handler.s3_triggers``), listed with
    ``s3_client`` as a stream, each as an ``ObjectCreated`` event would.

    Each object is one invocation with a schema 2.0 job of one task
    (``userArguments`` from ``user_arguments``), at most ``concurrency``
    at a time. The handler's answer is checked as S3 checks it: a
    missing or malformed result, or an exception, fails the task
    ``PermanentFailure`` (an exception as S3 words it: ``Lambda returned
    function error: ...``). ``TemporaryFailure`` tasks are reported
    failed (S3 would retry them; rerun the failures with a manifest).

    The report goes to ``report_uri`` (``s3://bucket/prefix`` or a local
    folder), as ``job-<job_id>/manifest.json`` and ``results/*.csv`` in
    S3's format (``failed_only``: failed tasks only), written with
    ``report_client`` (default ``s3_client``); None writes it to a new
    temporary folder. The returned report is :func:`read_report` of it
    (``report.location`` says where it is). A run that cannot start (no
    triggers, a trigger without a bucket, bad options) raises
    :class:`BackfillError` before anything is written.
    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise BackfillError(f"concurrency must be a positive int, got {concurrency!r}")
    arguments = dict(user_arguments or {})
    for name, value in arguments.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise BackfillError(f"user_arguments must map str to str, got {name!r}: {value!r}")
    objects = _objects(handler, s3_client, triggers, manifest_uri)
    job_id = job_id or str(uuid.uuid4())
    writer_client = report_client or s3_client
    if report_uri is None:
        report_uri = tempfile.mkdtemp(prefix="s3types-backfill-")
    root = parse_location(report_uri)
    root.check_writable(writer_client)  # before any task runs, not after the last
    writer = ReportWriter(writer_client, root, job_id, failed_only=failed_only)

    def run(number: int, obj: ObjectRef) -> tuple[ObjectRef, BatchResultCode, str | None]:
        return (obj, *invoke_task(handler, number, obj, job_id, arguments))

    for obj, code, result_string in _run_all(run, objects, concurrency):
        writer.add(obj.bucket, obj.key, obj.version_id, code, result_string)
    manifest = writer.finish()
    return read_report(writer_client, str(manifest))


def _objects(
    handler: Handler,
    client: S3Client,
    triggers: Iterable[Trigger] | None,
    manifest_uri: str | None,
) -> Iterator[ObjectRef]:
    if manifest_uri is not None:
        if triggers is not None:
            raise BackfillError("pass triggers= or manifest_uri=, not both: one says the objects")
        return manifest_objects(client, manifest_uri)
    if triggers is None:
        declared: object = getattr(handler, "s3_triggers", None)
        if not isinstance(declared, tuple) or not declared:
            raise BackfillError(
                f"{getattr(handler, '__name__', handler)!r} declares no triggers"
                " (s3_triggers): pass triggers= or manifest_uri= to say which objects"
            )
        triggers = cast("tuple[Trigger, ...]", declared)
    # Checked now, not when the listing is first read: no report folder for a refused run.
    return listed_objects(client, backfill_triggers(triggers))


def _run_all(
    run: Callable[[int, ObjectRef], tuple[ObjectRef, BatchResultCode, str | None]],
    objects: Iterator[ObjectRef],
    concurrency: int,
) -> Iterator[tuple[ObjectRef, BatchResultCode, str | None]]:
    if concurrency == 1:
        for number, obj in enumerate(objects, start=1):
            yield run(number, obj)
        return
    # At most 2 x concurrency tasks are queued: the listing is read as tasks finish.
    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="backfill") as pool:
        pending: set[Future[tuple[ObjectRef, BatchResultCode, str | None]]] = set()
        for number, obj in enumerate(objects, start=1):
            pending.add(pool.submit(run, number, obj))
            if len(pending) >= 2 * concurrency:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        for future in pending:
            yield future.result()


def job_event(
    number: int,
    obj: ObjectRef,
    job_id: str,
    user_arguments: Mapping[str, str],
) -> dict[str, Any]:
    """The schema 2.0 invocation S3 Batch Operations sends for one object (key URL-encoded).

    >>> event = job_event(1, ObjectRef("photos", "a b+c.jpg"), "job-1", {})
    >>> event["tasks"][0]["s3Key"], event["tasks"][0]["s3Bucket"], event["job"]["id"]
    ('a+b%2Bc.jpg', 'photos', 'job-1')
    """
    task_id = base64.b64encode(f"{job_id}:{number}".encode()).decode().rstrip("=")
    return {
        "invocationSchemaVersion": "2.0",
        "invocationId": base64.b64encode(uuid.uuid4().bytes).decode().rstrip("="),
        "job": {"id": job_id, "userArguments": dict(user_arguments)},
        "tasks": [
            {
                "taskId": task_id,
                "s3Key": quote_plus(obj.key, safe="/"),
                "s3VersionId": obj.version_id,
                "s3Bucket": obj.bucket,
            }
        ],
    }


def invoke_task(
    handler: Handler,
    number: int,
    obj: ObjectRef,
    job_id: str,
    user_arguments: Mapping[str, str],
) -> tuple[BatchResultCode, str | None]:
    """Invoke ``handler`` with one task's job; the result code and string S3 would read."""
    event = job_event(number, obj, job_id, user_arguments)
    try:
        response = handler(event, _LocalContext())
    except Exception as err:
        error = {"errorMessage": str(err), "errorType": type(err).__name__}
        return BatchResultCode.PERMANENT_FAILURE, bound_result_string(
            f"Lambda returned function error: {json.dumps(error)}"
        )
    return _task_result(response, event)


def _task_result(response: object, event: Mapping[str, Any]) -> tuple[BatchResultCode, str | None]:
    task_id = event["tasks"][0]["taskId"]
    problem = None
    if not isinstance(response, Mapping):
        problem = f"the response is {type(response).__name__}, not a JSON object"
    else:
        wire = cast("Mapping[str, Any]", response)
        results = wire.get("results")
        if wire.get("invocationId") != event["invocationId"]:
            problem = "the response's invocationId is not the invocation's"
        elif not isinstance(results, list) or len(cast("list[object]", results)) != 1:
            problem = "the response must hold exactly one result for the one task"
        else:
            result = cast("list[object]", results)[0]
            if not isinstance(result, Mapping):
                problem = "the result is not a JSON object"
            else:
                fields = cast("Mapping[str, Any]", result)
                code = _CODES.get(fields.get("resultCode"))  # type: ignore[arg-type]
                text = fields.get("resultString")
                if fields.get("taskId") != task_id:
                    problem = f"the result names task {fields.get('taskId')!r}, not {task_id!r}"
                elif code is None:
                    problem = f"resultCode {fields.get('resultCode')!r} is not a result code"
                elif text is not None and not isinstance(text, str):
                    problem = "resultString is not a string"
                else:
                    return code, bound_result_string(text)
    return BatchResultCode.PERMANENT_FAILURE, f"Lambda returned an invalid response: {problem}"
