"""Which exceptions S3 should retry: ``TemporaryFailure`` and botocore's transient errors.

The error codes are botocore's own (``botocore.retries.standard``: the
throttling codes of ``ThrottledRetryableChecker`` and the transient ones of
``TransientRetryableChecker``), copied here because they are private there;
a test checks they still include botocore's. botocore is never imported:
an exception can only be botocore's if botocore is already loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import cast

from s3types._problems import describe_exception
from s3types.batch._results import BatchResultCode, BatchTaskResult, TemporaryFailure

__all__ = ["THROTTLING_ERROR_CODES", "TRANSIENT_ERROR_CODES", "result_for_exception"]

#: botocore's throttling error codes (S3 answers ``SlowDown``, HTTP 503).
THROTTLING_ERROR_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    }
)
#: botocore's transient error codes.
TRANSIENT_ERROR_CODES = frozenset(
    {"RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"}
)
_RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


def _client_error_code(err: Exception) -> tuple[str, int | None] | None:
    """``(Error.Code, HTTP status)`` of a botocore ``ClientError``; None for anything else."""
    response: object = getattr(err, "response", None)
    if not isinstance(response, Mapping):
        return None
    wire = cast("Mapping[str, object]", response)
    error, metadata = wire.get("Error"), wire.get("ResponseMetadata")
    code = cast("Mapping[str, object]", error).get("Code") if isinstance(error, Mapping) else None
    status = (
        cast("Mapping[str, object]", metadata).get("HTTPStatusCode")
        if isinstance(metadata, Mapping)
        else None
    )
    return (
        code if isinstance(code, str) else "",
        status if isinstance(status, int) else None,
    )


def _is_botocore_connection_error(err: Exception) -> bool:
    exceptions = sys.modules.get("botocore.exceptions")
    if exceptions is None:
        return False
    transient = (exceptions.ConnectionError, exceptions.HTTPClientError)
    return isinstance(err, transient)


def is_temporary(err: Exception) -> bool:
    """True if S3 should retry the task that raised ``err``.

    ``TemporaryFailure``; a botocore ``ClientError`` whose code is a
    throttling or transient one (``SlowDown``, ``RequestTimeout``, ...) or
    whose HTTP status is 429 or 5xx; botocore's connection errors.

    >>> is_temporary(TemporaryFailure("busy")), is_temporary(KeyError("k"))
    (True, False)
    """
    if isinstance(err, TemporaryFailure):
        return True
    if _is_botocore_connection_error(err):
        return True
    if not type(err).__module__.startswith("botocore"):
        # Only botocore's own errors are read: another's ``response`` may be anything.
        return False
    found = _client_error_code(err)
    if found is None:
        return False
    code, status = found
    if code in THROTTLING_ERROR_CODES or code in TRANSIENT_ERROR_CODES:
        return True
    return status is not None and status in _RETRYABLE_STATUS


def result_for_exception(task_id: str, err: Exception) -> BatchTaskResult:
    """The result of a task that raised ``err``: temporary or permanent, with the reason.

    The reason is ``"TypeName: message"`` (the message alone for
    :class:`TemporaryFailure`); an exception whose ``__str__`` fails is
    named by its type, so the result is never lost.

    >>> result_for_exception("t1", ValueError("no such size")).code.value
    'PermanentFailure'
    >>> result_for_exception("t1", TemporaryFailure("busy")).result_string
    'busy'
    """
    if isinstance(err, TemporaryFailure):
        message = describe_exception(err, with_type=False)
        return BatchTaskResult(task_id, BatchResultCode.TEMPORARY_FAILURE, message)
    reason = describe_exception(err)
    code = (
        BatchResultCode.TEMPORARY_FAILURE
        if is_temporary(err)
        else BatchResultCode.PERMANENT_FAILURE
    )
    return BatchTaskResult(task_id, code, reason)
