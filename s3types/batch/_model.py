"""The pydantic model of an S3 Batch Operations job invocation (schema 1.0 and 2.0).

S3 invokes the function with ``invocationSchemaVersion``, ``invocationId``,
``job`` (its ``id``, and in 2.0 ``userArguments``) and ``tasks`` (one today:
``taskId``, ``s3Key`` URL-encoded, ``s3VersionId``, and ``s3BucketArn`` in
1.0 or ``s3Bucket`` in 2.0). Python names are snake_case, the wire's are
aliases, unknown fields are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
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
_EMPTY: Mapping[str, str] = MappingProxyType({})


def _bucket_from_arn(arn: str) -> str:
    # arn:PARTITION:s3:REGION:ACCOUNT:BUCKET; region and account are empty for
    # general purpose buckets (arn:aws:s3:::photos), set for others.
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or parts[2] not in ("s3", "s3express") or not parts[5]:
        raise ValueError(
            f"{arn!r} is not an S3 bucket ARN: expected arn:aws:s3:::BUCKET"
            " (or arn:PARTITION:s3:REGION:ACCOUNT:BUCKET)"
        )
    return parts[5]


def _check_bucket_arn(arn: str | None) -> str | None:
    if arn is not None:
        _bucket_from_arn(arn)
    return arn


class _JobWire(TypedDict, total=False):
    __pydantic_config__ = ConfigDict(extra="allow")  # type: ignore[misc]
    id: Required[str]
    userArguments: dict[str, str] | None


class BatchTask(BaseModel):
    """One task of a job: an object to work on (bucket, decoded key, version).

    ``bucket_name`` comes from ``s3Bucket`` (schema 2.0) or the last part of
    ``s3BucketArn`` (1.0). ``key`` is decoded with ``unquote_plus`` (S3
    encodes it as in notifications); ``raw_key`` is the wire's ``s3Key``.
    ``version_id`` is None for "no version" (null, ``""`` or ``"null"``).

    >>> task = BatchTask.model_validate({"taskId": "dGFza2lk", "s3Key": "red+flower.jpg",
    ...     "s3VersionId": None, "s3BucketArn": "arn:aws:s3:::photos"})
    >>> task.bucket_name, task.key, task.raw_key, task.version_id
    ('photos', 'red flower.jpg', 'red+flower.jpg', None)
    """

    model_config = _CONFIG
    task_id: str = Field(alias="taskId")
    key: Annotated[str, AfterValidator(decode_key)] = Field(validation_alias="s3Key", exclude=True)
    raw_key: str = Field(validation_alias=AliasChoices("s3Key"), serialization_alias="s3Key")
    version_id: Annotated[str | None, AfterValidator(version_id_or_none)] = Field(
        default=None, alias="s3VersionId"
    )
    bucket_arn: Annotated[str | None, AfterValidator(_check_bucket_arn)] = Field(
        default=None, alias="s3BucketArn"
    )
    #: ``s3Bucket`` as it came (schema 2.0); read the name as ``bucket_name``.
    raw_bucket: str | None = Field(default=None, alias="s3Bucket", repr=False)
    # Set by the BatchJob the task belongs to, so a per-task function sees them.
    _job_id: str | None = PrivateAttr(default=None)
    _user_arguments: Mapping[str, str] = PrivateAttr(default_factory=lambda: _EMPTY)

    @model_validator(mode="after")
    def _one_bucket(self) -> Self:
        if self.raw_bucket is None and self.bucket_arn is None:
            raise ValueError(
                "the task names no bucket: schema 1.0 sends s3BucketArn, 2.0 sends s3Bucket"
            )
        if (
            self.raw_bucket is not None
            and self.bucket_arn is not None
            and _bucket_from_arn(self.bucket_arn) != self.raw_bucket
        ):
            raise ValueError(
                f"s3Bucket {self.raw_bucket!r} and s3BucketArn {self.bucket_arn!r}"
                " name different buckets"
            )
        return self

    @property
    def bucket_name(self) -> str:
        """The bucket's name (from ``s3Bucket``, else from ``s3BucketArn``)."""
        if self.raw_bucket is not None:
            return self.raw_bucket
        assert self.bucket_arn is not None  # the validator requires one of the two
        return _bucket_from_arn(self.bucket_arn)

    @property
    def job_id(self) -> str | None:
        """The id of the job this task came in (None for a task validated on its own)."""
        return self._job_id

    @property
    def user_arguments(self) -> Mapping[str, str]:
        """The ``userArguments`` of the job this task came in (schema 2.0; else empty).

        >>> from s3types.testing import make_batch_job
        >>> job = parse_batch_job(make_batch_job(bucket="b", keys=["k"],
        ...     user_arguments={"tag": "v2"}))
        >>> job.tasks[0].user_arguments["tag"]
        'v2'
        """
        return self._user_arguments

    def succeeded(self, result_string: str | None = None) -> BatchTaskResult:
        """This task's result with code ``Succeeded``.

        >>> task = BatchTask.model_validate({"taskId": "t1", "s3Key": "k", "s3Bucket": "b"})
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
    job's ``userArguments`` (2.0; empty otherwise). Answer with
    :meth:`response`.

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
    tasks: tuple[BatchTask, ...] = Field(min_length=1)

    def model_post_init(self, context: Any, /) -> None:
        """Give each task the job's id and ``userArguments``."""
        job_id, arguments = self.job_id, self.user_arguments
        for task in self.tasks:
            task._job_id = job_id  # pyright: ignore[reportPrivateUsage]  (the job sets them)
            task._user_arguments = arguments  # pyright: ignore[reportPrivateUsage]

    @property
    def job_id(self) -> str:
        """The job's id (``job.id``)."""
        return self.raw_job["id"]

    @property
    def user_arguments(self) -> Mapping[str, str]:
        """``job.userArguments`` (schema 2.0), read-only; empty when the job has none."""
        arguments = self.raw_job.get("userArguments")
        return _EMPTY if not arguments else MappingProxyType(arguments)

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
