"""``ObjectLambdaError``: the error answer an Object Lambda function chooses."""

from __future__ import annotations

__all__ = ["ObjectLambdaError"]


class ObjectLambdaError(Exception):
    """Raise it to answer the caller with this HTTP status and S3 error code.

    ``@s3_object_lambda_handler`` sends it with ``WriteGetObjectResponse``
    (``StatusCode``, ``ErrorCode``, ``ErrorMessage``); any other exception
    is sent as status 500, code ``InternalError``. Either way the exception
    is raised again, so the invocation is logged as failed.

    >>> err = ObjectLambdaError(403, "AccessDenied", "this document is not for you")
    >>> err.status_code, err.error_code, str(err)
    (403, 'AccessDenied', 'this document is not for you')
    """

    def __init__(self, status_code: int, error_code: str, message: str) -> None:
        if not 400 <= status_code <= 599:
            raise ValueError(f"an error answer needs a 4xx or 5xx status, not {status_code}")
        super().__init__(message)
        self.status_code = status_code
        self.error_code = error_code
        self.message = message
