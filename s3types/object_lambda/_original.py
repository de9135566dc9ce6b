"""The original object of an Object Lambda GetObject, streamed from ``inputS3Url`` (urllib)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from s3types.object_lambda._errors import ObjectLambdaError
from s3types.object_lambda._parts import check_input_url

if TYPE_CHECKING:
    import urllib.request
    from types import TracebackType

    from typing_extensions import Self

    from s3types.object_lambda._model import ObjectLambdaEvent

__all__ = ["CHUNK_SIZE", "OriginalObject"]

CHUNK_SIZE = 64 * 1024
"""How much of the original is read at a time when iterating."""
_TIMEOUT = 30.0
_CODE = re.compile(rb"<Code>([^<]{1,100})</Code>")
_MESSAGE = re.compile(rb"<Message>([^<]{0,500})</Message>")


def _request_for(event: ObjectLambdaEvent) -> urllib.request.Request:
    """The GET of ``inputS3Url``, with the caller's Range, partNumber and signed headers."""
    # Imported here: urllib.request brings http.client, ssl and email, a cold
    # start cost for every function that imports the adapters but never
    # serves an Object Lambda request.
    import urllib.request

    # Checked again here: an ObjectLambdaEvent can be made without the parser,
    # and urllib would read a file:// URL from the local disk.
    context = event.operation[0].lower() + event.operation[1:] + "Context"
    url = check_input_url(event.input_s3_url, context)
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    caller_query = parse_qs(urlsplit(event.user_request.url).query)
    if "partNumber" in caller_query and "partNumber" not in query:
        extra = urlencode({"partNumber": caller_query["partNumber"][0]})
        url = urlunsplit(parts._replace(query=f"{parts.query}&{extra}" if parts.query else extra))
    headers: dict[str, str] = {}
    # The URL is signed with the caller's identity; headers it lists as signed
    # must be sent as the caller sent them (except Host, which urllib sets).
    for name in query.get("X-Amz-SignedHeaders", [""])[0].split(";"):
        value = event.user_request.header(name) if name and name.lower() != "host" else None
        if value is not None:
            headers[name] = value
    caller_range = event.user_request.header("Range")
    if caller_range is not None:
        headers["Range"] = caller_range
    return urllib.request.Request(url, headers=headers, method="GET")


class OriginalObject:
    """The object the caller asked for, read on demand from the request's ``inputS3Url``.

    Nothing is fetched until the function reads: ``read(size)`` and
    iteration (``for chunk in original``, :data:`CHUNK_SIZE` bytes at a
    time) stream it; ``read()`` with no size reads it whole, only when
    asked. The caller's ``Range`` header and ``partNumber`` are passed on,
    so ``status`` is 206 and ``content_range`` set for a part. An error
    answer from S3 (403, 404, ...) raises :class:`ObjectLambdaError` with
    S3's status and code, which the handler forwards to the caller.

    >>> from s3types.testing import make_object_lambda_event
    >>> from s3types.object_lambda import parse_object_lambda_event
    >>> original = OriginalObject(parse_object_lambda_event(make_object_lambda_event()))
    >>> original.read(1024)  # doctest: +SKIP
    b'...'
    """

    def __init__(self, event: ObjectLambdaEvent, *, timeout: float = _TIMEOUT) -> None:
        self._event = event
        self._timeout = timeout
        self._response: Any = None

    def _open(self) -> Any:
        if self._response is None:
            import urllib.error
            import urllib.request

            request = _request_for(self._event)
            try:
                self._response = urllib.request.urlopen(request, timeout=self._timeout)
            except urllib.error.HTTPError as err:
                body = err.read(4096)
                err.close()
                code, message = _CODE.search(body), _MESSAGE.search(body)
                raise ObjectLambdaError(
                    err.code,
                    code[1].decode() if code else "OriginalObjectError",
                    message[1].decode()
                    if message
                    else f"reading the original object gave HTTP {err.code}",
                ) from None
        return self._response

    @property
    def is_open(self) -> bool:
        """True once the original has been requested (its headers are known)."""
        return self._response is not None

    @property
    def status(self) -> int:
        """The HTTP status of the original's GET: 200, or 206 for a range or part."""
        return int(self._open().status)

    def header(self, name: str) -> str | None:
        """A response header of the original (``Content-Type``, ``ETag``, ...), or None."""
        value = self._open().headers.get(name)
        return None if value is None else str(value)

    @property
    def content_type(self) -> str | None:
        """The original's ``Content-Type``."""
        return self.header("Content-Type")

    @property
    def content_length(self) -> int | None:
        """The original's ``Content-Length`` (of the part, for a range)."""
        value = self.header("Content-Length")
        return None if value is None else int(value)

    @property
    def content_range(self) -> str | None:
        """The original's ``Content-Range`` (set for a range or part)."""
        return self.header("Content-Range")

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all that is left when ``size`` is -1); ``b""`` at the end."""
        data: bytes = self._open().read(size if size >= 0 else None)
        return data

    def __iter__(self) -> Iterator[bytes]:
        """The rest of the object, :data:`CHUNK_SIZE` bytes at a time."""
        while chunk := self.read(CHUNK_SIZE):
            yield chunk

    def close(self) -> None:
        """Close the connection to S3 (the handler does it when the function is done)."""
        if self._response is not None:
            self._response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
