"""What an Object Lambda function may answer a GetObject with, besides plain bytes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, TypeAlias

__all__ = ["BODY_TYPES", "GET_OBJECT_RETURNS", "ObjectBody", "ObjectLambdaResponse", "check_body"]

#: A body: bytes, text (sent as UTF-8), a binary file object, or an iterable of byte chunks.
ObjectBody: TypeAlias = bytes | str | IO[bytes] | Iterable[bytes]
#: What a body may be, as error messages say it.
BODY_TYPES = (
    "bytes, a str (sent as UTF-8), a binary file object (with read())"
    " or an iterable of bytes chunks (a generator, a list)"
)
#: What a GetObject function may return, as error messages say it.
GET_OBJECT_RETURNS = f"{BODY_TYPES}, or an ObjectLambdaResponse"


def check_body(body: object, what: str, *, accepted: str = BODY_TYPES) -> None:
    """Refuse, with the accepted types, a body that is none of :data:`ObjectBody`.

    A dict or an int would otherwise fail deep in the sending, with a
    message about chunks; ``what`` says whose it is, ``accepted`` what
    the message lists.

    >>> check_body({"text": "hi"}, "the body")
    Traceback (most recent call last):
    ...
    TypeError: the body is a dict, which is not a body: give bytes, a str (sent as UTF-8), ...
    """
    if not _is_body(body):
        raise TypeError(f"{what} is a {type(body).__name__}, which is not a body: give {accepted}")


def _is_body(body: object) -> bool:
    if isinstance(body, (bytes, bytearray, memoryview, str)) or hasattr(body, "read"):
        return True
    return isinstance(body, Iterable) and not isinstance(body, Mapping)


@dataclass(frozen=True)
class ObjectLambdaResponse:
    """A GetObject answer with its status and headers: what ``WriteGetObjectResponse`` sends.

    ``body`` may be bytes, text (sent as UTF-8), a binary file object, or an
    iterable of byte chunks (streamed, never joined). ``status_code`` is
    the caller's HTTP status (206 for a range); for an error (4xx, 5xx) set
    ``error_code`` and ``error_message``, which S3 returns to the caller as
    an S3 error. The header fields are the caller's GetObject headers;
    ``metadata`` becomes ``x-amz-meta-*``.

    >>> ObjectLambdaResponse(b"redacted", content_type="text/plain").status_code
    200
    >>> ObjectLambdaResponse(status_code=403, error_code="Redacted",
    ...     error_message="this document is not for you").error_code
    'Redacted'
    """

    body: ObjectBody = b""
    status_code: int = 200
    content_type: str | None = None
    content_length: int | None = None
    content_range: str | None = None
    content_encoding: str | None = None
    content_language: str | None = None
    content_disposition: str | None = None
    cache_control: str | None = None
    etag: str | None = None
    last_modified: datetime | None = None
    version_id: str | None = None
    accept_ranges: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict[str, str])
    error_code: str | None = None
    error_message: str | None = None
