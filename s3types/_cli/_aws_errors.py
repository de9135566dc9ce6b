"""botocore's exceptions as one line a command-line user can act on (no traceback).

The commands that talk to AWS catch every exception here: an error S3 or
Lambda answered (``ClientError``), and what botocore raises before any
answer (no region, no credentials, an endpoint it cannot reach, a
parameter its model refuses). Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from typing import Any, cast

__all__ = ["LOCAL_ENDPOINT_HINT", "aws_error_message"]

LOCAL_ENDPOINT_HINT = (
    "for a local endpoint (moto, MinIO, LocalStack) pass --endpoint-url http://127.0.0.1:PORT"
    " --region us-east-1 with dummy credentials (AWS_ACCESS_KEY_ID=testing"
    " AWS_SECRET_ACCESS_KEY=testing)"
)


def aws_error_message(err: BaseException) -> str | None:
    """One line saying what went wrong and what to do, for an error of botocore; else None.

    >>> from botocore.exceptions import NoRegionError
    >>> print(aws_error_message(NoRegionError()))
    no AWS region: pass --region (e.g. --region us-east-1) or set AWS_DEFAULT_REGION
    >>> aws_error_message(KeyError("x")) is None
    True
    """
    response: object = getattr(err, "response", None)
    if isinstance(response, dict):  # ClientError: the service answered
        error: Any = cast("dict[str, Any]", response).get("Error") or {}
        return f"{error.get('Code')}: {error.get('Message')}"
    try:
        from botocore import exceptions
    except ImportError:  # pragma: no cover - without botocore nothing of it is raised
        return None
    if isinstance(err, exceptions.NoRegionError):
        return "no AWS region: pass --region (e.g. --region us-east-1) or set AWS_DEFAULT_REGION"
    if isinstance(err, exceptions.NoCredentialsError | exceptions.PartialCredentialsError):
        return (
            f"no AWS credentials ({err}): configure them (aws configure, AWS_PROFILE), or "
            + LOCAL_ENDPOINT_HINT
        )
    if isinstance(err, exceptions.ConnectionError | exceptions.HTTPClientError):
        return f"cannot reach the endpoint ({err}): check --endpoint-url, --region and the network"
    if isinstance(err, exceptions.ParamValidationError):
        return f"the request is not one AWS accepts: {' '.join(str(err).split())}"
    if isinstance(err, exceptions.BotoCoreError) or type(err).__module__.startswith("boto3"):
        return f"{type(err).__name__}: {err}"
    return None
