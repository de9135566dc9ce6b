"""The body of an upload: what ``put_object`` can send, and how much of it there is."""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import IO, cast

__all__ = ["UploadBody", "upload_body"]


@dataclass(frozen=True, slots=True)
class UploadBody:
    """A checked body: bytes, or a binary file object and what is left of it.

    ``remaining`` is the number of bytes from the file's position to its end,
    or None when the file cannot tell (a pipe, a socket, a stream with only
    ``read()``): such bodies go through the managed transfer, which reads
    them part by part.
    """

    data: bytes | None
    file: IO[bytes] | None
    remaining: int | None


def upload_body(body: object) -> UploadBody:
    """Check ``body`` and say how to send it, before any request (``TypeError`` if unusable).

    >>> upload_body("héllo").data
    b'h\\xc3\\xa9llo'
    >>> upload_body(io.BytesIO(b"abc")).remaining
    3
    >>> upload_body(io.StringIO("abc"))
    Traceback (most recent call last):
    TypeError: body is a text-mode file (StringIO): ... open the file in binary mode ('rb'), ...
    """
    if isinstance(body, str):
        return UploadBody(body.encode("utf-8"), None, None)
    if isinstance(body, (bytes, bytearray)):
        return UploadBody(bytes(body), None, None)
    read = getattr(body, "read", None)
    if not callable(read):
        raise TypeError(
            f"body must be bytes, str or a binary file object (with read()), "
            f"got {type(body).__name__}"
        )
    name = type(body).__name__
    mode = getattr(body, "mode", None)
    if isinstance(body, io.TextIOBase) or (isinstance(mode, str) and "b" not in mode):
        raise TypeError(
            f"body is a text-mode file ({name}): S3 stores bytes; open the file in binary "
            "mode ('rb'), or pass its text as a str"
        )
    readable = getattr(body, "readable", None)
    if callable(readable) and not readable():
        raise TypeError(
            f"body is a file object not open for reading ({name}, mode {mode!r}): open it with 'rb'"
        )
    try:
        probe = read(0)
    except OSError as err:
        raise TypeError(f"body ({name}) cannot be read: {err}") from err
    if not isinstance(probe, bytes):
        raise TypeError(
            f"body ({name}).read() returns {type(probe).__name__}, not bytes: open the file "
            "in binary mode ('rb') or wrap the text with io.BytesIO(text.encode())"
        )
    file = cast("IO[bytes]", body)  # checked above: read() gives bytes
    return UploadBody(None, file, _remaining(file))


def _remaining(file: IO[bytes]) -> int | None:
    # A pipe says seekable() False, a stream with only read() has no seek at
    # all, and some objects have seek() yet raise: all are read part by part.
    seekable = getattr(file, "seekable", None)
    if callable(seekable) and not seekable():
        return None
    try:
        position = file.tell()
        end = file.seek(0, io.SEEK_END)
        file.seek(position)
    except (AttributeError, OSError, ValueError):
        return None
    return max(end - position, 0)
