"""The typed S3 Batch Operations job invocation (schema 1.0 and 2.0), and its parser.

S3 invokes the function with ``invocationSchemaVersion``, ``invocationId``,
``job`` (its ``id``, and in 2.0 ``userArguments``) and ``tasks`` (one today:
``taskId``, ``s3Key`` URL-encoded, ``s3VersionId``, and ``s3BucketArn`` in
1.0 or ``s3Bucket`` in 2.0). The shape is small and fixed, so it is checked
field by field in plain Python: measured, that is several times faster
than a pydantic model of it (``model_construct`` alone costs as much as
Powertools' whole Parser validation). Both classes still work as pydantic
(and Powertools Parser) models through ``__get_pydantic_core_schema__``.
The wire is kept as it came in ``raw``, unknown fields included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol, TypeVar, cast

from s3types._errors import S3EventError
from s3types._invocation_input import load_object, looks_like, short, wire_schema
from s3types._limits import check_document_depth
from s3types._values import decode_key, version_id_or_none
from s3types.batch._response import BatchResponseDict, build_response
from s3types.batch._results import BatchResultCode, BatchTaskResult
from s3types.batch._wire import (
    EMPTY,
    MISSING,
    bucket_from_arn,
    fail,
    optional_text,
    text,
    user_arguments,
)

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

__all__ = ["BatchJob", "BatchTask", "parse_batch_job"]

_T = TypeVar("_T")


class _TupleNew(Protocol):
    def __call__(self, cls: type[_T], values: Iterable[object], /) -> _T: ...


# The tuples are made directly, without NamedTuple's __new__ frame.
_new = cast("_TupleNew", tuple.__new__)  # pyright: ignore[reportUnknownMemberType]
_EXPECTED = "an S3 Batch Operations job"
# The fields read (each a string, or strings in userArguments): a job with
# no others cannot nest deeper than S3's shape, so it skips the depth walk.
_JOB_FIELDS = frozenset({"id", "userArguments"})
_TASK_FIELDS = frozenset({"taskId", "s3Key", "s3VersionId", "s3BucketArn", "s3Bucket"})


class BatchTask(NamedTuple):
    """One task of a job: an object to work on (bucket, decoded key, version).

    ``bucket_name`` comes from ``s3Bucket`` (schema 2.0) or the last part of
    ``s3BucketArn`` (1.0). ``key`` is decoded with ``unquote_plus`` (S3
    encodes it as in notifications); ``raw_key`` is the wire's ``s3Key``.
    ``version_id`` is None for "no version" (null, ``""`` or ``"null"``).
    ``job_id`` and ``user_arguments`` are the job's, so a per-task function
    sees them; ``raw`` is the task as it came, unknown fields included.

    >>> task = BatchTask.from_wire({"taskId": "dGFza2lk", "s3Key": "red+flower.jpg",
    ...     "s3VersionId": None, "s3BucketArn": "arn:aws:s3:::photos"})
    >>> task.bucket_name, task.key, task.raw_key, task.version_id
    ('photos', 'red flower.jpg', 'red+flower.jpg', None)
    """

    task_id: str
    key: str
    raw_key: str
    version_id: str | None
    bucket_name: str
    bucket_arn: str | None = None
    job_id: str | None = None
    user_arguments: Mapping[str, str] = EMPTY
    raw: Mapping[str, Any] = EMPTY

    @classmethod
    def from_wire(
        cls,
        given: object,
        *,
        job_id: str | None = None,
        user_arguments: Mapping[str, str] = EMPTY,
        path: str = "task",
    ) -> BatchTask:
        """Read one wire task; :class:`s3types.S3EventError` names a bad field under ``path``."""
        if type(given) is dict:
            # The shape S3 sends, checked in one expression; anything else
            # takes the field-by-field checks below, which name what is wrong.
            wire = cast("Mapping[str, Any]", given)
            task_id, raw_key = wire.get("taskId"), wire.get("s3Key")
            arn, bucket = wire.get("s3BucketArn"), wire.get("s3Bucket")
            wire_version = wire.get("s3VersionId")
            if not (
                type(task_id) is str
                and type(raw_key) is str
                and (arn is None or type(arn) is str)
                and (bucket is None or type(bucket) is str)
                and (wire_version is None or type(wire_version) is str)
            ):
                task_id, raw_key, arn, bucket = cls._checked(wire, path)
        else:
            if not isinstance(given, Mapping):
                fail(path, f"expected a task object, got {type(given).__name__} {short(given)}")
            wire = cast("Mapping[str, Any]", given)
            task_id, raw_key, arn, bucket = cls._checked(wire, path)
        try:
            key = decode_key(raw_key)
        except ValueError as err:
            fail(f"{path}.s3Key", str(err))
        if arn is not None:
            # The general purpose bucket ARN S3 sends, without the split.
            from_arn = (
                arn[13:]
                if len(arn) > 13 and arn.startswith("arn:aws:s3:::") and "/" not in arn
                else bucket_from_arn(arn, path)
            )
            if bucket is not None and bucket != from_arn:
                fail(path, f"s3Bucket {bucket!r} and s3BucketArn {arn!r} name different buckets")
            bucket = from_arn
        elif bucket is None:
            fail(path, "the task names no bucket: schema 1.0 sends s3BucketArn, 2.0 sends s3Bucket")
        elif not bucket or "/" in bucket:
            fail(
                f"{path}.s3Bucket",
                f"{short(bucket)} is not a bucket name: it is empty or holds a '/'"
                " (the key goes in s3Key)",
            )
        version_id = version_id_or_none(wire.get("s3VersionId"))
        return _new(
            cls, (task_id, key, raw_key, version_id, bucket, arn, job_id, user_arguments, wire)
        )

    @staticmethod
    def _checked(wire: Mapping[str, Any], path: str) -> tuple[str, str, str | None, str | None]:
        task_id = text(wire, "taskId", path)
        raw_key = text(wire, "s3Key", path)
        arn = optional_text(wire, "s3BucketArn", path)
        bucket = optional_text(wire, "s3Bucket", path)
        optional_text(wire, "s3VersionId", path)
        return task_id, raw_key, arn, bucket

    def succeeded(self, result_string: str | None = None) -> BatchTaskResult:
        """This task's result with code ``Succeeded``.

        >>> task = BatchTask.from_wire({"taskId": "t1", "s3Key": "k", "s3Bucket": "b"})
        >>> task.succeeded("done").code
        <BatchResultCode.SUCCEEDED: 'Succeeded'>
        """
        return BatchTaskResult(self.task_id, BatchResultCode.SUCCEEDED, result_string)

    def temporary_failure(self, result_string: str | None = None) -> BatchTaskResult:
        """This task's result with code ``TemporaryFailure`` (S3 retries it)."""
        return BatchTaskResult(self.task_id, BatchResultCode.TEMPORARY_FAILURE, result_string)

    def permanent_failure(self, result_string: str | None = None) -> BatchTaskResult:
        """This task's result with code ``PermanentFailure``."""
        return BatchTaskResult(self.task_id, BatchResultCode.PERMANENT_FAILURE, result_string)


class BatchJob(NamedTuple):
    """An S3 Batch Operations invocation: the job, its tasks, and how to answer it.

    ``schema_version`` is ``"1.0"`` or ``"2.0"``; ``user_arguments`` is the
    job's ``userArguments`` (2.0; empty otherwise); ``tasks`` are
    :class:`BatchTask` objects; ``raw`` is the invocation as it came.
    Answer with :meth:`response`. Works as a pydantic / Powertools Parser
    model (``event_parser(model=BatchJob)``).

    >>> from s3types.testing import make_batch_job
    >>> job = parse_batch_job(make_batch_job(bucket="photos", keys=["a b.jpg"],
    ...     user_arguments={"tag": "v2"}))
    >>> job.schema_version, job.user_arguments["tag"], job.tasks[0].key
    ('2.0', 'v2', 'a b.jpg')
    """

    schema_version: Literal["1.0", "2.0"]
    invocation_id: str
    job_id: str
    user_arguments: Mapping[str, str]
    tasks: tuple[BatchTask, ...]
    raw: Mapping[str, Any] = EMPTY

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        """Validate with :func:`parse_batch_job`; serialize as the wire it came from."""
        return wire_schema(_validate)

    def response(
        self,
        results: Iterable[BatchTaskResult],
        *,
        treat_missing_keys_as: BatchResultCode = BatchResultCode.PERMANENT_FAILURE,
    ) -> BatchResponseDict:
        """The response S3 expects: exactly one result per task, in task order.

        Echoes ``invocationSchemaVersion`` and ``invocationId``. Raises
        ValueError naming the task when a task has no result, two results,
        or a result names a task not in the job. ``resultString`` is cut to
        :data:`s3types.batch.MAX_RESULT_STRING` characters.
        ``treatMissingKeysAs`` is the code S3 gives a task the response
        leaves out; as this response never leaves one out it is a safety
        net, ``PermanentFailure`` by default so a lost result is never
        counted as done (Powertools defaults to ``Succeeded``).

        >>> from s3types.testing import make_batch_job
        >>> job = parse_batch_job(make_batch_job(bucket="photos", keys=["a.jpg"]))
        >>> job.response([job.tasks[0].succeeded("ok")])["results"][0]["resultCode"]
        'Succeeded'
        """
        return build_response(
            schema_version=self.schema_version,
            invocation_id=self.invocation_id,
            task_ids=[task.task_id for task in self.tasks],
            results=results,
            treat_missing_keys_as=treat_missing_keys_as,
        )


def parse_batch_job(event: Mapping[str, Any] | str | bytes) -> BatchJob:
    """Validate an S3 Batch Operations invocation (schema 1.0 or 2.0) into a :class:`BatchJob`.

    Takes the event as Lambda hands it over (a dict) or as JSON text.
    Raises :class:`s3types.S3EventError` naming the offending field path
    (``tasks[0].taskId: required field is missing``), or saying which other
    S3 input this is (a notification, an Object Lambda request) and which
    parser reads it. No input may nest deeper than ``MAX_DEPTH`` (128)
    levels, whatever its form (unknown fields are kept in ``raw``): the rule
    :func:`s3types.parse_event` holds notifications to.

    >>> job = parse_batch_job({"invocationSchemaVersion": "1.0", "invocationId": "aW52",
    ...     "job": {"id": "f3cc4f60"}, "tasks": [{"taskId": "dGFzaw", "s3Key": "a%2Bb.txt",
    ...     "s3VersionId": "1", "s3BucketArn": "arn:aws:s3:::photos"}]})
    >>> job.job_id, job.tasks[0].bucket_name, job.tasks[0].key
    ('f3cc4f60', 'photos', 'a+b.txt')
    """
    wire = load_object(event, what="parse_batch_job")
    get = wire.get
    version: Any
    invocation_id: object
    job: object
    listed: object
    version, invocation_id, job, listed = (
        get("invocationSchemaVersion", MISSING),
        get("invocationId"),
        get("job"),
        get("tasks"),
    )
    if (
        (version == "1.0" or version == "2.0")
        and type(invocation_id) is str
        and type(job) is dict
        and type(listed) is list
        and len(cast("list[object]", listed)) == 1  # what S3 sends, in one expression
    ):
        job_wire = cast("dict[str, Any]", job)
        job_id: object = job_wire.get("id")
        if type(job_id) is str:
            arguments = user_arguments(job_wire)
            first: object = cast("list[object]", listed)[0]
            task = BatchTask.from_wire(
                first, job_id=job_id, user_arguments=arguments, path="tasks[0]"
            )
            if not (
                len(wire) == 4  # the four fields read, and no other
                and _JOB_FIELDS.issuperset(job_wire)
                and _TASK_FIELDS.issuperset(cast("Mapping[str, object]", first))
            ):
                check_document_depth(wire)
            return _new(BatchJob, (version, invocation_id, job_id, arguments, (task,), wire))
    return _checked_job(wire, version)


def _checked_job(wire: Mapping[str, Any], version: Any) -> BatchJob:
    """:func:`parse_batch_job` field by field, naming what is wrong."""
    check_document_depth(wire)
    if version is MISSING or "tasks" not in wire:
        other = looks_like(wire)
        if other is not None and not other.startswith(_EXPECTED):
            raise S3EventError(
                f"parse_batch_job: this is {other}, not {_EXPECTED}",
                looks_like=other.partition(" (")[0],
            )
    if version != "1.0" and version != "2.0":
        if version is MISSING:
            fail("invocationSchemaVersion", "required field is missing")
        fail("invocationSchemaVersion", f"expected '1.0' or '2.0', got {short(version)}")
    invocation_id = text(wire, "invocationId", "")
    job = wire.get("job", MISSING)
    if type(job) is not dict and not isinstance(job, Mapping):
        fail(
            "job",
            "required field is missing"
            if job is MISSING
            else f"expected an object, got {short(job)}",
        )
    job_wire = cast("Mapping[str, Any]", job)
    job_id = text(job_wire, "id", "job")
    arguments = user_arguments(job_wire)
    wire_tasks = wire.get("tasks", MISSING)
    if type(wire_tasks) is not list or not wire_tasks:
        if wire_tasks is MISSING:
            fail("tasks", "required field is missing")
        fail(
            "tasks", f"expected a list of at least one task, got {short(cast(object, wire_tasks))}"
        )
    read, listed = BatchTask.from_wire, cast("list[object]", wire_tasks)
    tasks: tuple[BatchTask, ...]
    if len(listed) == 1:  # what S3 sends
        tasks = (read(listed[0], job_id=job_id, user_arguments=arguments, path="tasks[0]"),)
    else:
        tasks = tuple(
            [
                read(task, job_id=job_id, user_arguments=arguments, path=f"tasks[{index}]")
                for index, task in enumerate(listed)
            ]
        )
    return BatchJob(version, invocation_id, job_id, arguments, tasks, wire)


def _validate(value: object) -> BatchJob:
    if isinstance(value, BatchJob):
        return value
    return parse_batch_job(value)  # type: ignore[arg-type]
