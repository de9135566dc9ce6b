"""Streaming reads: ``open_object`` and the seekable ``ObjectStream`` it gives."""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, overload

from s3types.ops._names import object_of
from s3types.ops._results import ObjectHead, object_head

if TYPE_CHECKING:
    from collections.abc import Iterator

    from _typeshed import WriteableBuffer
    from botocore.response import StreamingBody
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import GetObjectRequestTypeDef

    from s3types import S3EventRecord

__all__ = ["DEFAULT_CHUNK_SIZE", "ObjectStream", "open_object"]

DEFAULT_CHUNK_SIZE = 1024 * 1024
_BUFFER_SIZE = 64 * 1024  # what line iteration and small reads are served from
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)", re.ASCII)


class _RangedBody(io.RawIOBase):
    """The bytes of one object version from ``start`` on, read by ranged GETs.

    Reading goes on from the open response; a seek elsewhere closes it, and
    the next read sends a GET for the rest of the window from there. Every
    GET names the version first read (its version id, or ``IfMatch`` with its
    ETag), so a stream never mixes two versions of an object.
    """

    def __init__(
        self,
        client: S3Client,
        pinned: GetObjectRequestTypeDef,
        start: int,
        length: int,
        body: StreamingBody,
    ) -> None:
        super().__init__()
        self._client = client
        self._pinned = pinned
        self._start = start
        self._length = length
        self._position = 0
        self._body: StreamingBody | None = body

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        if self.closed:
            raise ValueError("read from a closed ObjectStream")
        view = memoryview(buffer).cast("B")
        wanted = min(len(view), self._length - self._position)
        if wanted <= 0:
            return 0
        if self._body is None:
            self._body = self._open_at(self._position)
        data = self._body.read(wanted)
        view[: len(data)] = data
        self._position += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET, /) -> int:
        if whence == io.SEEK_SET:
            position = offset
        elif whence == io.SEEK_CUR:
            position = self._position + offset
        elif whence == io.SEEK_END:
            position = self._length + offset
        else:
            raise ValueError(f"whence={whence!r}: use io.SEEK_SET, io.SEEK_CUR or io.SEEK_END")
        if position < 0:
            raise ValueError(f"seek to {position}, before the start of the stream")
        if position != self._position:
            self._close_body()
            self._position = position
        return position

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        self._close_body()
        super().close()

    def _close_body(self) -> None:
        # Closing a body not read to its end closes its connection: nothing
        # more is downloaded.
        body, self._body = self._body, None
        if body is not None:
            body.close()

    def _open_at(self, position: int) -> StreamingBody:
        request = self._pinned.copy()
        first, last = self._start + position, self._start + self._length - 1
        request["Range"] = f"bytes={first}-{last}"
        return self._client.get_object(**request)["Body"]


class ObjectStream(io.BufferedReader):
    """An S3 object as a binary file: read, iterate by lines or chunks, seek.

    ``open_object`` gives one. ``read(n)``, ``readline()``, ``for line in
    stream``, ``iter_chunks(size)``, ``seek``/``tell`` (a seek sends a ranged
    GET for the same version, so ``zipfile.ZipFile(stream)`` works) and
    ``close()``, which closes the connection. ``head`` is what S3 said about
    the object; ``length`` is the number of bytes this stream holds (the
    object's size, or the size of the range asked for).

    >>> with open_object(client, "my-bucket", "notes/today.txt") as stream:
    ...     stream.length, stream.read(2), stream.read()
    (5, b'he', b'llo')
    """

    head: ObjectHead
    length: int

    def __init__(self, raw: _RangedBody, head: ObjectHead, length: int) -> None:
        super().__init__(raw, _BUFFER_SIZE)
        self.head = head
        self.length = length

    def iter_chunks(self, size: int = DEFAULT_CHUNK_SIZE) -> Iterator[bytes]:
        """Yield the rest of the stream in pieces of ``size`` bytes (the last may be shorter).

        >>> with open_object(client, "my-bucket", "notes/today.txt") as stream:
        ...     list(stream.iter_chunks(2))
        [b'he', b'll', b'o']
        """
        if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
            raise ValueError(f"iter_chunks(size={size!r}): give a positive number of bytes")
        while chunk := self.read(size):
            yield chunk

    def __repr__(self) -> str:
        state = "closed" if self.closed else f"at {self.tell()}"
        return f"<ObjectStream {self.length} bytes, {state}, etag={self.head.etag!r}>"


@overload
def open_object(
    client: S3Client,
    bucket: str,
    key: str,
    *,
    version_id: str | None = None,
    range: tuple[int, int | None] | None = None,
) -> ObjectStream: ...
@overload
def open_object(
    client: S3Client,
    record: S3EventRecord,
    /,
    *,
    version_id: str | None = None,
    range: tuple[int, int | None] | None = None,
) -> ObjectStream: ...
def open_object(
    client: S3Client,
    bucket: str | S3EventRecord,
    key: str | None = None,
    *,
    version_id: str | None = None,
    range: tuple[int, int | None] | None = None,
) -> ObjectStream:
    """Open an object for streaming: a seekable binary stream to use in a ``with`` block.

    Takes a bucket and key, or a record (its decoded key and version id). The
    first GET is sent here, so a missing object fails at once (botocore's
    ``ClientError``); the body is read as the stream is, a buffer at a time,
    so memory stays flat whatever the object's size. ``range=(start, stop)``
    streams bytes ``start`` up to ``stop`` (excluded; None: to the end) and
    positions count from ``start``. Leaving the ``with`` block closes the
    connection, even if the body was not read to its end.

    >>> import zipfile
    >>> with open_object(client, "my-bucket", "archives/photos.zip") as stream:
    ...     zipfile.ZipFile(stream).namelist()
    ['red flower.jpg']
    >>> with open_object(client, record, range=(0, 4)) as stream:
    ...     stream.read()
    b'hell'
    """
    bucket, key, version_id = object_of("open_object", bucket, key, version_id)
    start, stop = _checked_range(range)
    request: GetObjectRequestTypeDef = {"Bucket": bucket, "Key": key}
    if version_id is not None:
        request["VersionId"] = version_id
    if range is not None:
        request["Range"] = f"bytes={start}-" if stop is None else f"bytes={start}-{stop - 1}"
    response = client.get_object(**request)
    length = response.get("ContentLength", 0)
    size = _object_size(response.get("ContentRange"), length, start, response["Body"])
    head = object_head(response, size)
    pinned: GetObjectRequestTypeDef = {"Bucket": bucket, "Key": key}
    if head.version_id is not None:
        pinned["VersionId"] = head.version_id
    elif head.etag:
        pinned["IfMatch"] = f'"{head.etag}"'
    return ObjectStream(_RangedBody(client, pinned, start, length, response["Body"]), head, length)


def _checked_range(range_: tuple[int, int | None] | None) -> tuple[int, int | None]:
    if range_ is None:
        return 0, None
    if not isinstance(range_, tuple) or len(range_) != 2:
        raise TypeError(f"range must be a (start, stop) tuple, got {range_!r}")
    start, stop = range_
    if isinstance(start, bool) or not isinstance(start, int) or start < 0:
        raise ValueError(f"range={range_!r}: start must be an int of 0 or more")
    if stop is not None and (isinstance(stop, bool) or not isinstance(stop, int) or stop <= start):
        raise ValueError(
            f"range={range_!r}: stop must be an int above start (it is excluded, as in "
            "a slice), or None for the end of the object"
        )
    return start, stop


def _object_size(content_range: str | None, length: int, start: int, body: StreamingBody) -> int:
    if content_range is None:
        if start:
            body.close()
            raise ValueError(
                "the server answered a ranged GET with the whole object (no Content-Range); "
                "open the object without range= and seek instead"
            )
        return length
    matched = _CONTENT_RANGE.fullmatch(content_range)
    if matched is None or int(matched[1]) != start:
        body.close()
        raise ValueError(f"unexpected Content-Range {content_range!r} for a range from {start}")
    return length + start if matched[3] == "*" else int(matched[3])
