"""Streaming writes: ``create_object`` and the ``ObjectWriter`` it gives."""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

import io
import sys
from typing import TYPE_CHECKING, BinaryIO

from s3types._limits import MAX_PARTS
from s3types.ops._checksums import WriterChecksumAlgorithm, check_algorithm, part_checksum
from s3types.ops._parts import PartSizes, part_sizes
from s3types.ops._results import PutResult
from s3types.ops._upload import MultipartUpload, put_whole
from s3types.ops._write import check_target, put_options

if TYPE_CHECKING:
    from collections.abc import Mapping
    from types import TracebackType

    from _typeshed import ReadableBuffer
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.literals import ObjectCannedACLType, ServerSideEncryptionType
    from mypy_boto3_s3.type_defs import PutObjectRequestTypeDef
    from typing_extensions import Self

__all__ = ["ObjectWriter", "create_object"]


class ObjectWriter(io.BufferedIOBase, BinaryIO):
    """A new S3 object as a writable binary file: parts are uploaded as they fill.

    ``create_object`` gives one. ``write`` and ``writelines`` take bytes (or
    any bytes-like object) and return at once unless a part is full, which
    is then uploaded, with its checksum; ``tell()`` is the number of bytes
    written. It cannot seek or read, so it is the ``fileobj`` of
    ``gzip.GzipFile``, the buffer of ``io.TextIOWrapper`` (and so of a
    ``csv.writer``), a ``zipfile.ZipFile`` in streaming mode, or the target
    of ``shutil.copyfileobj``.

    ``close()`` (leaving the ``with`` block) stores the object: one
    PutObject if it never outgrew its first part, else it uploads the last
    part and completes the multipart upload; ``result`` is then the
    ``PutResult``. An exception in the block, a failed part, or closing
    while an exception raised after ``create_object`` is being handled (a
    wrapper's own ``with`` block closing the writer as the exception
    unwinds, or ``close()`` in an ``except`` block) aborts the upload
    instead: S3 keeps no object and no part. ``abort()`` does so on
    purpose. A writer dropped without being closed is aborted, never
    completed.

    >>> with create_object(client, "my-bucket", "notes/today.txt") as writer:
    ...     writer.write(b"hello")
    5
    >>> writer.result
    PutResult(etag='5d41402abc4b2a76b9719d911017c592', version_id=None, checksum='NhCmhg==')
    """

    def __init__(
        self,
        client: S3Client,
        options: PutObjectRequestTypeDef,
        sizes: PartSizes,
        algorithm: WriterChecksumAlgorithm,
        max_concurrency: int,
    ) -> None:
        super().__init__()
        self._client = client
        self._options = options
        self._sizes = sizes
        self._algorithm: WriterChecksumAlgorithm = algorithm
        # An exception being handled where the writer was made is not a
        # reason to abort it: only one raised after is (see close()).
        self._exception_at_open = sys.exc_info()[1]
        self._buffer = bytearray()
        self._position = 0
        self._upload = MultipartUpload(client, options, algorithm, max_concurrency)
        self._checksums: list[bytes] = []  # raw checksum of each part sent, in order
        self._result: PutResult | None = None

    @property
    def result(self) -> PutResult:
        """S3's answer for the stored object; after ``close()`` only (``RuntimeError`` before)."""
        if self._result is None:
            state = "was aborted" if self.closed else "is still open: close it first"
            raise RuntimeError(f"create_object(): {self._where} has no result: the writer {state}")
        return self._result

    @property
    def name(self) -> str:
        """The object's ``s3://bucket/key`` URL (gzip names its member after the key)."""
        return self._where

    @property
    def mode(self) -> str:
        """``"wb"``: written, in bytes."""
        return "wb"

    @property
    def _where(self) -> str:
        return f"s3://{self._options['Bucket']}/{self._options['Key']}"

    def readable(self) -> bool:
        return False

    def seekable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def tell(self) -> int:
        """The number of bytes written so far."""
        return self._position

    def write(self, buffer: ReadableBuffer, /) -> int:
        """Add bytes to the object; a part that fills is uploaded before this returns."""
        if self.closed:
            raise ValueError(f"write to a closed ObjectWriter ({self._where})")
        view = memoryview(buffer).cast("B")
        written = len(view)
        try:
            while view:
                # A full part is sent only once more bytes come, so an object
                # that ends at a part's size is one PutObject.
                room = self._sizes.size_of(len(self._checksums) + 1) - len(self._buffer)
                if room == 0:
                    self._send_part()
                    continue
                self._buffer += view[:room]
                view = view[room:]
        except BaseException:
            self._discard(quietly=True)
            raise
        self._position += written
        return written

    def close(self) -> None:
        """Store the object (abort it while an exception raised since it opened is handled)."""
        if self.closed:
            return
        unwinding = sys.exc_info()[1]
        if unwinding is not None and unwinding is not self._exception_at_open:
            self._discard(quietly=True)
            return
        try:
            self._result = self._put() if self._upload.upload_id is None else self._complete()
        except BaseException:
            self._discard(quietly=True)
            raise
        finally:
            super().close()

    def abort(self) -> None:
        """Discard what was written: no object is stored and no part is left behind."""
        if not self.closed:
            self._discard(quietly=False)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc is None:
            self.close()
        else:
            self._discard(quietly=True)

    def __del__(self) -> None:
        # io.IOBase would close(), storing half an object: abort instead.
        if "_result" in self.__dict__ and not self.closed:
            self._discard(quietly=True)

    def __repr__(self) -> str:
        state = "stored" if self._result else "aborted" if self.closed else "open"
        parts = len(self._checksums)
        return f"<ObjectWriter {self._where}, {self._position} bytes, {parts} parts sent, {state}>"

    def _put(self) -> PutResult:
        return put_whole(self._client, self._options, self._algorithm, self._take_buffer())

    def _complete(self) -> PutResult:
        if self._buffer:
            self._send_part()
        return self._upload.complete(self._checksums)

    def _take_buffer(self) -> bytearray:
        data, self._buffer = self._buffer, bytearray()
        return data

    def _send_part(self) -> None:
        number = len(self._checksums) + 1
        if number > MAX_PARTS:
            raise ValueError(
                f"create_object(): {self._where} has outgrown S3's {MAX_PARTS} parts of this"
                f" upload's part sizes ({self._sizes.capacity} bytes): pass an expected_size"
                " (or a part_size) large enough, or none to let parts grow with the object"
            )
        self._upload.start()
        data = self._take_buffer()
        checksum = part_checksum(self._algorithm, data)
        self._checksums.append(checksum)
        self._upload.send(number, data, checksum)

    def _discard(self, *, quietly: bool) -> None:
        """Abort the multipart upload (after the parts in flight end) and close."""
        self._buffer = bytearray()
        upload_id = self._upload.upload_id
        try:
            self._upload.abort()
        except Exception as err:
            if not quietly:
                raise
            note = getattr(sys.exc_info()[1], "add_note", None)
            if upload_id is not None and note is not None:  # pragma: no branch - 3.11+
                note(f"and aborting upload {upload_id} of {self._where} failed too: {err}")
        finally:
            super().close()


def create_object(
    client: S3Client,
    bucket: str,
    key: str,
    *,
    tags: Mapping[str, str] | None = None,
    metadata: Mapping[str, str] | None = None,
    sse: ServerSideEncryptionType | None = None,
    kms_key_id: str | None = None,
    acl: ObjectCannedACLType | None = None,
    content_type: str | None = None,
    checksum_algorithm: WriterChecksumAlgorithm = "CRC32",
    part_size: int | None = None,
    expected_size: int | None = None,
    max_concurrency: int = 1,
    allow_retrigger: bool = False,
) -> ObjectWriter:
    """Write a new object as a stream, in bounded memory: a writable binary file to use in ``with``.

    Takes ``put_object``'s options (``tags``, ``metadata``, ``sse``,
    ``kms_key_id``, ``acl``, ``content_type``), checked the same way before
    anything is sent, with the same loop guard inside an
    ``s3_record_handler``. The object is held one part at a time: an
    object that ends within its first part is one PutObject, a larger one a
    multipart upload whose parts are sent as they fill. The object exists
    only once the block ends without an exception; otherwise the upload is
    aborted, and nothing (no object, no part billed until a lifecycle rule
    removes it) is left behind.

    Part sizes: without ``part_size`` or ``expected_size``, parts start at
    8 MiB and double every 1,000 parts, so 10,000 parts (S3's most) hold
    7.8 TiB; memory is one part, 8 MiB for objects up to 7.8 GiB, 64 MiB up
    to 117 GiB. ``expected_size`` picks one fixed size that fits it (less
    memory for the largest objects); ``part_size`` sets one (5 MiB to 5 GiB).
    ``max_concurrency`` parts are uploaded at once on threads (1: in
    ``write``, on the caller's thread); memory is then that many parts and
    the one filling.

    Every part carries its ``checksum_algorithm`` checksum (``"CRC32"`` or
    ``"SHA256"``), which S3 checks; ``result.checksum`` is the object's:
    the composite checksum, ``-<parts>`` at the end, for a multipart object.

    >>> import gzip
    >>> with create_object(client, "my-bucket", "logs/today.gz",
    ...                    content_type="application/gzip") as writer:
    ...     with gzip.GzipFile(fileobj=writer, mode="wb") as compressed:
    ...         _ = compressed.write(b"a line of the log\\n" * 1000)
    >>> writer.result.version_id is None
    True
    """
    check_target("create_object", bucket, key, allow_retrigger=allow_retrigger)
    options = put_options(
        bucket,
        key,
        tags=tags,
        metadata=metadata,
        sse=sse,
        kms_key_id=kms_key_id,
        acl=acl,
        content_type=content_type,
    )
    sizes = part_sizes(part_size, expected_size)
    algorithm = check_algorithm(checksum_algorithm)
    if isinstance(max_concurrency, bool) or not isinstance(max_concurrency, int):
        raise TypeError(f"max_concurrency={max_concurrency!r}: give a number of parts, 1 or more")
    if max_concurrency < 1:
        raise ValueError(f"max_concurrency={max_concurrency!r}: give a number of parts, 1 or more")
    return ObjectWriter(client, options, sizes, algorithm, max_concurrency)
