"""``write_get_object_response``: the answer of an Object Lambda function to a GetObject."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, cast

from s3types.object_lambda._response import check_body
from s3types.ops._metadata import check_metadata

if TYPE_CHECKING:
    from datetime import datetime

    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import WriteGetObjectResponseRequestTypeDef

    from s3types.object_lambda import ObjectLambdaEvent
    from s3types.object_lambda._response import ObjectBody

__all__ = ["ChunkReader", "write_get_object_response"]


class ChunkReader(io.RawIOBase):
    """A read-only binary file over an iterable of byte chunks, holding one chunk at a time.

    botocore streams a body it can ``read()`` in blocks; this turns a
    generator of chunks into one without joining them.

    >>> ChunkReader([b"ab", b"", b"cd"]).read()
    b'abcd'
    """

    def __init__(self, chunks: Iterable[bytes]) -> None:
        super().__init__()
        self._chunks: Iterator[object] = iter(chunks)  # checked: users yield str by mistake
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        """True: this is a file to read."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` from the pending chunk, pulling the next one when it is used up."""
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            if not isinstance(chunk, (bytes, bytearray, memoryview)):
                raise TypeError(
                    f"an Object Lambda body must yield bytes, got {type(chunk).__name__}:"
                    " encode text chunks (chunk.encode()) before yielding them"
                )
            self._pending = memoryview(cast("bytes", chunk)).cast("B")
        target = memoryview(buffer).cast("B")
        size = min(len(target), len(self._pending))
        target[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def as_stream(body: ObjectBody) -> bytes | IO[bytes]:
    """``body`` in a form botocore sends: bytes, or a binary file read in blocks.

    Raises TypeError, listing what a body may be, for anything else (a dict, an int).
    """
    check_body(body, "the Object Lambda body")
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body)
    if isinstance(body, str):
        return body.encode("utf-8")
    if hasattr(body, "read"):
        return cast("IO[bytes]", body)
    return io.BufferedReader(ChunkReader(body))


_UNSIGNED_BODY_HOOK = "s3types-write-get-object-response-unsigned-body"


def _send_body_unsigned(request: Any, **_: Any) -> None:
    # botocore's S3 signer hashes every body it can (which reads a stream
    # whole, and fails on one it cannot seek) unless the client's s3 config
    # says payload_signing_enabled=False; S3 models WriteGetObjectResponse as
    # "v4-unsigned-body", so apply that to this operation's requests only.
    config = request.context.get("client_config")
    if config is None:
        return
    s3_config = dict(getattr(config, "s3", None) or {})
    if s3_config.get("payload_signing_enabled") is None:
        from botocore.config import Config

        s3_config["payload_signing_enabled"] = False
        request.context["client_config"] = config.merge(Config(s3=cast("Any", s3_config)))


def write_get_object_response(
    client: S3Client,
    event: ObjectLambdaEvent,
    body: ObjectBody = b"",
    *,
    status_code: int = 200,
    content_type: str | None = None,
    content_length: int | None = None,
    content_range: str | None = None,
    content_encoding: str | None = None,
    content_language: str | None = None,
    content_disposition: str | None = None,
    cache_control: str | None = None,
    etag: str | None = None,
    last_modified: datetime | None = None,
    version_id: str | None = None,
    accept_ranges: str | None = None,
    metadata: Mapping[str, str] | None = None,
    error_code: str | None = None,
    error_message: str | None = None,
) -> None:
    """Send the answer to the GetObject behind ``event`` (route and token from the event).

    ``body`` is bytes, text (sent as UTF-8), a binary file object or an
    iterable of byte chunks; files and iterables are streamed, never read
    whole (botocore's S3 signer would hash the body first; it is sent
    unsigned, as S3 models the operation). botocore sends the request to
    ``{outputRoute}.s3-object-lambda.{region}.amazonaws.com`` (its host
    prefix; ``Config(inject_host_prefix=False)`` turns that off for a local
    endpoint) with the token in ``x-amz-request-token``. An error answer (status 400 or more) should
    carry ``error_code`` and ``error_message``; S3 shows them to the caller.

    >>> write_get_object_response(client, event, b"redacted",
    ...     content_type="text/plain")  # doctest: +SKIP
    """
    route, token = event.output_route, event.output_token
    if route is None or token is None:
        raise ValueError(
            f"write_get_object_response answers GetObject requests; this is a {event.operation}"
            " request, answered by returning the response from the function"
        )
    if not 100 <= status_code <= 599:
        raise ValueError(f"status_code {status_code} is not an HTTP status (100 to 599)")
    if (error_code is not None or error_message is not None) and status_code < 400:
        raise ValueError(
            f"error_code and error_message go with an error status (400 or more), not {status_code}"
        )
    request: WriteGetObjectResponseRequestTypeDef = {
        "RequestRoute": route,
        "RequestToken": token,
        "StatusCode": status_code,
        "Body": as_stream(body),
    }
    optional: dict[str, object] = {
        "ContentType": content_type,
        "ContentLength": content_length,
        "ContentRange": content_range,
        "ContentEncoding": content_encoding,
        "ContentLanguage": content_language,
        "ContentDisposition": content_disposition,
        "CacheControl": cache_control,
        "ETag": etag,
        "LastModified": last_modified,
        "VersionId": version_id,
        "AcceptRanges": accept_ranges,
        "ErrorCode": error_code,
        "ErrorMessage": error_message,
    }
    if metadata:
        optional["Metadata"] = check_metadata(metadata)
    request.update({k: v for k, v in optional.items() if v is not None})  # type: ignore[typeddict-item]
    client.meta.events.register(
        "before-sign.s3.WriteGetObjectResponse", _send_body_unsigned, unique_id=_UNSIGNED_BODY_HOOK
    )
    client.write_get_object_response(**request)
