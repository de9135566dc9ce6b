"""What a Batch Operations task ends as: result codes, task results, ``TemporaryFailure``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["MAX_RESULT_STRING", "BatchResultCode", "BatchTaskResult", "TemporaryFailure"]

MAX_RESULT_STRING = 1024
"""The longest ``resultString``, in characters: longer ones are cut (ending "...").

``resultString`` goes into the job's completion report, one CSV row per
task; the cut keeps one traceback-sized message from bloating the report or
the 6 MB response.
"""


class BatchResultCode(str, Enum):
    """The ``resultCode`` of a task, as S3 Batch Operations reads it.

    ``SUCCEEDED``: the task is done. ``TEMPORARY_FAILURE``: S3 retries the
    task (until the job's retry budget is spent). ``PERMANENT_FAILURE``: the
    task failed for good and is reported as failed.

    >>> BatchResultCode.TEMPORARY_FAILURE.value
    'TemporaryFailure'
    >>> BatchResultCode("Succeeded") is BatchResultCode.SUCCEEDED
    True
    """

    SUCCEEDED = "Succeeded"
    TEMPORARY_FAILURE = "TemporaryFailure"
    PERMANENT_FAILURE = "PermanentFailure"

    def __str__(self) -> str:
        return self.value


def bound_result_string(text: str | None) -> str | None:
    """Cut ``text`` to :data:`MAX_RESULT_STRING` characters, ending it in ``...`` when cut."""
    if text is None or len(text) <= MAX_RESULT_STRING:
        return text
    return text[: MAX_RESULT_STRING - 3] + "..."


@dataclass(frozen=True, slots=True)
class BatchTaskResult:
    """The outcome of one task: its id, a :class:`BatchResultCode` and a ``resultString``.

    ``result_string`` is what the completion report shows for the task (None:
    nothing); :meth:`s3types.batch.BatchJob.response` bounds it to
    :data:`MAX_RESULT_STRING` characters.

    >>> BatchTaskResult("dGFza2lk", BatchResultCode.SUCCEEDED, "tagged").code.value
    'Succeeded'
    """

    task_id: str
    code: BatchResultCode
    result_string: str | None = None


class TemporaryFailure(Exception):
    """Raise it in a batch task function to have S3 retry the task later.

    ``@s3_batch_handler`` turns it into a ``TemporaryFailure`` result whose
    ``resultString`` is the message; any other exception is a
    ``PermanentFailure`` (except botocore's throttling and 5xx errors, which
    are temporary too).

    >>> str(TemporaryFailure("the thumbnail service is busy"))
    'the thumbnail service is busy'
    """
