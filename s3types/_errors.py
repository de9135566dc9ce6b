"""The one exception users catch: :class:`S3EventError`."""

from __future__ import annotations

__all__ = ["S3EventError"]


class S3EventError(ValueError):
    """The input is not an S3 event notification this package can read.

    It is a ``ValueError``. ``path`` names the offending field (for example
    ``Records[0].s3.object.size``; empty when the whole input is wrong) and
    ``looks_like`` says what kind of input it seems to be instead, when that
    can be told (``"an API Gateway REST API (v1) event"``, ...).

    >>> from s3types import parse_event
    >>> try:
    ...     parse_event({"httpMethod": "GET", "requestContext": {}})
    ... except S3EventError as err:
    ...     print(err.looks_like)
    an API Gateway REST API (v1) event
    """

    path: str
    looks_like: str | None

    def __init__(self, message: str, *, path: str = "", looks_like: str | None = None) -> None:
        self.path = path
        self.looks_like = looks_like
        super().__init__(message)
