"""Local stand-ins for what an Object Lambda function talks to, all on 127.0.0.1.

The origin stands in for the presigned ``inputS3Url``: it streams an
object (a file, or text generated on the fly, never held whole), honours
``Range`` and ``partNumber`` and records each request's headers. The answer
endpoint stands in for S3's ``WriteGetObjectResponse``: it reads the signed
request botocore sends (``POST /WriteGetObjectResponse``, chunked or not)
and turns it into the response the caller of GetObject would get.
:class:`ObjectLambdaEndpoints` runs both on one port; ``s3types invoke``
uses it to run an Object Lambda handler locally, and the tests use the
pieces (tests/object_lambda adds a TLS proxy on S3's real host names).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, cast
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

from typing_extensions import Self

__all__ = [
    "LINE",
    "PART_SIZE",
    "CallerResponse",
    "ObjectLambdaEndpoints",
    "Original",
    "file_original",
    "generated_original",
    "object_bytes",
    "read_request_body",
]

#: The generated original: this line repeated, a card number in each (53 bytes).
LINE = b"Ana's card is 4111-1111-1111-1111; call +1 555 0100.\n"
#: The part size the origin uses for ``partNumber`` requests.
PART_SIZE = 1000
_BLOCK = 1 << 16


def object_bytes(size: int) -> Iterator[bytes]:
    """The generated object of ``size`` bytes: :data:`LINE` repeated, cut at ``size``."""
    block = LINE * 1200
    sent = 0
    while sent < size:
        chunk = block[: size - sent]
        sent += len(chunk)
        yield chunk


@dataclass(frozen=True)
class Original:
    """An object the origin serves: its size, content type and first-``n``-bytes reader."""

    size: int
    content_type: str
    read_first: Callable[[int], Iterator[bytes]]
    status: int = 200


def generated_original(size: int, content_type: str = "text/plain") -> Original:
    """The generated text of ``size`` bytes (:func:`object_bytes`), streamed."""
    return Original(size, content_type, object_bytes)


def file_original(path: Path, content_type: str | None = None) -> Original:
    """The bytes of a file, streamed; its content type guessed from its name if not given."""
    import mimetypes

    def read_first(size: int) -> Iterator[bytes]:
        with path.open("rb") as source:
            left = size
            while left > 0 and (chunk := source.read(min(left, _BLOCK))):
                left -= len(chunk)
                yield chunk

    guessed = content_type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return Original(path.stat().st_size, guessed, read_first)


def _error_original(status: int) -> Original:
    return Original(0, "application/xml", lambda size: iter(()), status=status)


def _path_original(path: str) -> Original:
    # The tests' URLs say what to serve: /{status}/{size}/{name}.
    _, status, size, _ = path.split("/", 3)
    return generated_original(int(size)) if int(status) < 400 else _error_original(int(status))


class OriginHandler(BaseHTTPRequestHandler):
    """GET: the original, whole or the asked part; POST: an answer to record."""

    protocol_version = "HTTP/1.1"

    @property
    def endpoints(self) -> ObjectLambdaEndpoints:
        """The endpoints this request handler serves."""
        return cast("_Server", self.server).endpoints

    def do_GET(self) -> None:
        """Serve the original (or an S3 error) for the URL, honouring Range and partNumber."""
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        self.endpoints.origin_requests.append({"headers": dict(self.headers), "query": query})
        original = self.endpoints.original_for(parts.path)
        if original.status >= 400:
            body = (
                b"<?xml version='1.0' encoding='UTF-8'?><Error><Code>AccessDenied</Code>"
                b"<Message>Access Denied</Message></Error>"
            )
            self._head(original.status, {"Content-Type": "application/xml"}, len(body))
            self.wfile.write(body)
            return
        size = original.size
        start, end = 0, size - 1
        ranged = "Range" in self.headers or "partNumber" in query
        if "partNumber" in query:
            start = (int(query["partNumber"][0]) - 1) * PART_SIZE
            end = min(start + PART_SIZE, size) - 1
        elif "Range" in self.headers:
            first, _, last = self.headers["Range"].removeprefix("bytes=").partition("-")
            start, end = int(first), min(int(last), size - 1)
        headers = {
            "Content-Type": original.content_type,
            "ETag": '"d41d8cd98f00b204e9800998ecf8427e"',
        }
        if ranged:
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        self._head(206 if ranged else 200, headers, end - start + 1)
        skipped = 0
        for chunk in original.read_first(end + 1):
            if skipped + len(chunk) <= start:
                skipped += len(chunk)
                continue
            self.wfile.write(chunk[max(0, start - skipped) :])
            skipped += len(chunk)

    def do_POST(self) -> None:
        """Record a ``WriteGetObjectResponse`` and answer 200, as S3 does."""
        headers = {name: value for name, value in self.headers.items()}
        if self.headers.get("Expect", "").lower() == "100-continue":
            self.send_response_only(100)
            self.end_headers()
        body = bytearray()
        read_request_body(self.rfile, headers, keep=body)
        self.endpoints.record_answer(self.path, headers, bytes(body))
        self._head(200, {}, 0)

    def _head(self, status: int, headers: Mapping[str, str], length: int) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(length))
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the caller reports what matters."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    endpoints: ObjectLambdaEndpoints


class _Stream(Protocol):
    def read(self, size: int, /) -> bytes: ...
    def readline(self, size: int = -1, /) -> bytes: ...


def read_request_body(
    stream: _Stream, headers: Mapping[str, str], *, keep: bytearray | None = None
) -> tuple[int, str, int, bytes]:
    """Read an HTTP request body (chunked or sized): size, SHA-256, chunk count, first bytes.

    The body is hashed as it streams in; ``keep`` collects it whole when given.
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    digest, size, chunks, start = hashlib.sha256(), 0, 0, b""

    def take(data: bytes) -> None:
        nonlocal size, start
        digest.update(data)
        size += len(data)
        start = start or data[:200]
        if keep is not None:
            keep.extend(data)

    if lowered.get("transfer-encoding", "").lower() == "chunked":
        while True:
            length = int(stream.readline().split(b";")[0], 16)
            if length == 0:
                while stream.readline() not in (b"\r\n", b""):
                    pass
                break
            take(stream.read(length))
            stream.readline()
            chunks += 1
    else:
        remaining = int(lowered.get("content-length", "0"))
        while remaining:
            data = stream.read(min(remaining, _BLOCK))
            if not data:
                break
            take(data)
            remaining -= len(data)
    return size, digest.hexdigest(), chunks, start


@dataclass(frozen=True)
class CallerResponse:
    """What the caller of GetObject gets from one ``WriteGetObjectResponse``."""

    status_code: int
    headers: dict[str, str]
    body: bytes
    error_code: str | None
    request_route: str | None
    request_token: str | None

    @classmethod
    def from_request(cls, headers: Mapping[str, str], body: bytes) -> CallerResponse:
        """Read the response from the headers and body botocore sent."""
        lowered = {name.lower(): (name, value) for name, value in headers.items()}
        shown: dict[str, str] = {}
        for low, (name, value) in lowered.items():
            if low.startswith("x-amz-fwd-header-"):
                shown[name[len("x-amz-fwd-header-") :]] = value
            elif low.startswith("x-amz-meta-"):
                shown[low] = value
        status = int(lowered.get("x-amz-fwd-status", ("", "200"))[1])
        code = lowered.get("x-amz-fwd-error-code", ("", None))[1]
        if code is not None:
            message = lowered.get("x-amz-fwd-error-message", ("", ""))[1]
            body = (
                "<?xml version='1.0' encoding='UTF-8'?>"
                f"<Error><Code>{escape(code)}</Code><Message>{escape(message)}</Message></Error>"
            ).encode()
            shown["Content-Type"] = "application/xml"
        shown["Content-Length"] = str(len(body))
        return cls(
            status_code=status,
            headers=dict(sorted(shown.items())),
            body=body,
            error_code=code,
            request_route=lowered.get("x-amz-request-route", ("", None))[1],
            request_token=lowered.get("x-amz-request-token", ("", None))[1],
        )


@dataclass
class ObjectLambdaEndpoints:
    """The origin and the answer endpoint on one port of 127.0.0.1 (a context manager).

    ``original`` is what the origin serves at every path (None: the tests'
    ``/{status}/{size}/{name}`` URLs). Point ``inputS3Url`` at
    :meth:`original_url` and the S3 client at :attr:`endpoint_url` (with
    botocore's host prefix off); :attr:`answers` holds each
    ``WriteGetObjectResponse`` as the caller's response.

    >>> with ObjectLambdaEndpoints(generated_original(10)) as endpoints:
    ...     import urllib.request
    ...     urllib.request.urlopen(endpoints.original_url("a.txt")).read()
    b"Ana's card"
    """

    original: Original | None = None
    origin_requests: list[dict[str, Any]] = field(default_factory=list[dict[str, Any]])
    answers: list[CallerResponse] = field(default_factory=list[CallerResponse])
    answer_paths: list[str] = field(default_factory=list[str])
    _server: _Server | None = None
    _thread: threading.Thread | None = None

    def original_for(self, path: str) -> Original:
        """The object served at ``path``."""
        return self.original if self.original is not None else _path_original(path)

    def record_answer(self, path: str, headers: Mapping[str, str], body: bytes) -> None:
        """Keep one answer (called by the server thread)."""
        self.answer_paths.append(path)
        self.answers.append(CallerResponse.from_request(headers, body))

    @property
    def endpoint_url(self) -> str:
        """``http://127.0.0.1:PORT``: the S3 endpoint that answers ``WriteGetObjectResponse``."""
        if self._server is None:
            raise RuntimeError("ObjectLambdaEndpoints is not running: use it in a with block")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def original_url(self, key: str, query: str = "X-Amz-Signature=local") -> str:
        """A presigned-looking URL of the original, for ``inputS3Url``."""
        return f"{self.endpoint_url}/{key.lstrip('/')}?{query}"

    def __enter__(self) -> Self:
        server = _Server(("127.0.0.1", 0), OriginHandler)
        server.endpoints = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        server, thread, self._server, self._thread = self._server, self._thread, None, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)
