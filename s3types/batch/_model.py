"""The pydantic model of an S3 Batch Operations job invocation (schema 1.0 and 2.0).

S3 invokes the function with ``invocationSchemaVersion``, ``invocationId``,
``job`` (its ``id``, and in 2.0 ``userArguments``) and ``tasks`` (one today:
``taskId``, ``s3Key`` URL-encoded, ``s3VersionId``, and ``s3BucketArn`` in
1.0 or ``s3Bucket`` in 2.0). Python names are snake_case, the wire's are
aliases, unknown fields are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from typing_extensions import Required, Self, TypedDict

from s3types._invocation_input import error_from_validation, load_object
from s3types._values import decode_key, version_id_or_none
from s3types.batch._response import BatchResponseDict, build_response
from s3types.batch._results import BatchResultCode, BatchTaskResult

__all__ = ["BatchJob", "BatchTask", "parse_batch_job"]

_CONFIG = ConfigDict(frozen=True, extra="allow", serialize_by_alias=True, defer_build=True)
_OPEN = ConfigDict(extra="allow")
_EMPTY: Mapping[str, str] = MappingProxyType({})
_TASKS, _ARGUMENTS = "_s3types_tasks", "_s3types_user_arguments"


def _bucket_from_arn(arn: str) -> str:
    # arn:PARTITION:s3:REGION:ACCOUNT:BUCKET; region and account are empty for
    # general purpose buckets (arn:aws:s3:::photos), set for others.
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or parts[2] not in ("s3", "s3express") or not parts[5]:
        raise ValueError(
            f".s3BucketArn: {arn!r} is not an S3 bucket ARN: expected arn:aws:s3:::BUCKET"
            " (or arn:PARTITION:s3:REGION:ACCOUNT:BUCKET)"
        )
    return parts[5]


class _JobWire(TypedDict, total=False):
    __pydantic_config__ = _OPEN  # type: ignore[misc]
    id: Required[str]
    userArguments: dict[str, str] | None


class _TaskWire(TypedDict, total=False):
    __pydantic_config__ = _OPEN  # type: ignore[misc]
    taskId: Required[str]
    s3Key: Required[str]
    s3VersionId: str | None
    s3BucketArn: str | None
    s3Bucket: str | None


@dataclass(frozen=True, slots=True)
class BatchTask:
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
    user_arguments: Mapping[str, str] = field(default_factory=lambda: _EMPTY, compare=False)
    raw: Mapping[str, Any] = field(default_factory=lambda: _EMPTY, repr=False, compare=False)

    @classmethod
    def from_wire(
        cls,
        wire: Mapping[str, Any],
        *,
        job_id: str | None = None,
        user_arguments: Mapping[str, str] = _EMPTY,
    ) -> BatchTask:
        """Read one wire task (``taskId``, ``s3Key``, ...); ValueError names the bad field.

        Expects the field types checked (as :class:`BatchJob` validation does).
        """
        raw_key = wire["s3Key"]
        arn, bucket = wire.get("s3BucketArn"), wire.get("s3Bucket")
        try:
            key = decode_key(raw_key)
        except ValueError as err:
            raise ValueError(f".s3Key: {err}") from None
        if arn is not None:
            from_arn = _bucket_from_arn(arn)
            if bucket is not None and bucket != from_arn:
                raise ValueError(
                    f": s3Bucket {bucket!r} and s3BucketArn {arn!r} name different buckets"
                )
            bucket = from_arn
        elif bucket is None:
            raise ValueError(
                ": the task names no bucket: schema 1.0 sends s3BucketArn, 2.0 sends s3Bucket"
            )
        return cls(
            wire["taskId"],
            key,
            raw_key,
            version_id_or_none(wire.get("s3VersionId")),
            bucket,
            arn,
            job_id,
            user_arguments,
            wire,
        )

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


class BatchJob(BaseModel):
    """An S3 Batch Operations invocation: the job, its tasks, and how to answer it.

    ``schema_version`` is ``"1.0"`` or ``"2.0"``; ``user_arguments`` is the
    job's ``userArguments`` (2.0; empty otherwise); ``tasks`` are
    :class:`BatchTask` objects. Answer with :meth:`response`. The wire
    fields are validated by pydantic-core as typed dicts (``raw_job``,
    ``raw_tasks``), which is what ``model_dump`` writes back.

    >>> from s3types.testing import make_batch_job
    >>> job = parse_batch_job(make_batch_job(bucket="photos", keys=["a b.jpg"],
    ...     user_arguments={"tag": "v2"}))
    >>> job.schema_version, job.user_arguments["tag"], job.tasks[0].key
    ('2.0', 'v2', 'a b.jpg')
    """

    model_config = _CONFIG
    schema_version: Literal["1.0", "2.0"] = Field(alias="invocationSchemaVersion")
    invocation_id: str = Field(alias="invocationId")
    #: ``job`` as it came; read ``job_id`` and ``user_arguments``.
    raw_job: _JobWire = Field(alias="job", repr=False)
    #: ``tasks`` as they came (checked); read them as ``tasks``.
    raw_tasks: tuple[_TaskWire, ...] = Field(alias="tasks", min_length=1, repr=False)

    @model_validator(mode="after")
    def _read_tasks(self) -> Self:
        # Built once here, so a bad bucket or key fails validation with its
        # path. Kept in __dict__ beside the fields (as cached_property does,
        # without its lock, which costs more than reading a task).
        wire = self.raw_job.get("userArguments")
        vars(self)[_ARGUMENTS] = _EMPTY if not wire else MappingProxyType(wire)
        vars(self)[_TASKS] = self._tasks()
        return self

    def _tasks(self) -> tuple[BatchTask, ...]:
        job_id, arguments = self.raw_job["id"], self.user_arguments
        tasks: list[BatchTask] = []
        for index, wire in enumerate(self.raw_tasks):
            try:
                tasks.append(BatchTask.from_wire(wire, job_id=job_id, user_arguments=arguments))
            except ValueError as err:
                raise ValueError(f"tasks[{index}]{err}") from None
        return tuple(tasks)

    @property
    def tasks(self) -> tuple[BatchTask, ...]:
        """The job's tasks (S3 sends one per invocation)."""
        tasks: tuple[BatchTask, ...] | None = vars(self).get(_TASKS)
        return self._tasks() if tasks is None else tasks

    @property
    def job_id(self) -> str:
        """The job's id (``job.id``)."""
        return self.raw_job["id"]

    @property
    def user_arguments(self) -> Mapping[str, str]:
        """``job.userArguments`` (schema 2.0), read-only; empty when the job has none."""
        arguments: Mapping[str, str] | None = vars(self).get(_ARGUMENTS)
        if arguments is None:  # a job made with model_construct
            wire = self.raw_job.get("userArguments")
            arguments = _EMPTY if not wire else MappingProxyType(wire)
        return arguments

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        yield from super().__repr_args__()
        yield "job_id", self.job_id
        yield "tasks", self.tasks

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
    Raises :class:`s3types.S3EventError` naming each offending field path,
    or saying which other S3 input this is (a notification, an Object
    Lambda request) and which parser reads it.

    >>> job = parse_batch_job({"invocationSchemaVersion": "1.0", "invocationId": "aW52",
    ...     "job": {"id": "f3cc4f60"}, "tasks": [{"taskId": "dGFzaw", "s3Key": "a%2Bb.txt",
    ...     "s3VersionId": "1", "s3BucketArn": "arn:aws:s3:::photos"}]})
    >>> job.job_id, job.tasks[0].bucket_name, job.tasks[0].key
    ('f3cc4f60', 'photos', 'a+b.txt')
    """
    wire = load_object(event, what="parse_batch_job")
    try:
        return BatchJob.model_validate(wire)
    except ValidationError as err:
        raise error_from_validation(
            err, what="parse_batch_job", event=wire, expected="an S3 Batch Operations job"
        ) from None
