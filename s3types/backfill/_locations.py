"""Where a report or manifest is: ``s3://bucket/key`` on S3, or a path on this machine.

Reading streams (text lines as they arrive), so a report or manifest of
millions of rows is never held in memory. Errors are :class:`ReportError`
saying which location and what to do, never botocore's or the OS's.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, BinaryIO

from s3types._problems import aws_error_code
from s3types.backfill._arns import BackfillError, parse_s3_uri

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["Location", "ReportError", "describe_client_error", "parse_location", "text_lines"]


class ReportError(BackfillError):
    """A completion report or manifest that cannot be read or written, and why.

    A :class:`~s3types.backfill.BackfillError` (so a ValueError).

    >>> raise ReportError("s3://reports/job-1/manifest.json: no such object")
    Traceback (most recent call last):
    ...
    s3types.backfill.ReportError: s3://reports/job-1/manifest.json: no such object
    """

    __module__ = "s3types.backfill"


@dataclass(frozen=True)
class Location:
    """An object on S3 (``bucket`` set) or a local path (``bucket`` None), and its parts."""

    bucket: str | None
    path: str

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.path}" if self.bucket is not None else self.path

    def child(self, name: str) -> Location:
        """The location ``name`` under this one (a key prefix or a folder)."""
        if self.bucket is None:
            return Location(None, str(Path(self.path) / name))
        base = self.path.rstrip("/")
        return Location(self.bucket, f"{base}/{name}" if base else name)

    def parent(self) -> Location:
        """The folder (key prefix) holding this location."""
        if self.bucket is None:
            return Location(None, str(Path(self.path).parent))
        return Location(self.bucket, self.path.rstrip("/").rpartition("/")[0])

    @property
    def name(self) -> str:
        """The last part of the path."""
        return self.path.rstrip("/").rpartition("/")[2]

    def lines(self, client: S3Client | None) -> Iterator[str]:
        """The text lines of the object or file, ends kept, streamed (UTF-8)."""
        if self.bucket is None:
            try:
                with open(self.path, encoding="utf-8", newline="") as file:
                    yield from file
            except OSError as err:
                raise ReportError(f"{self}: cannot read it ({err.strerror or err})") from None
            return
        body = self._get(_need_client(client, self))
        try:
            yield from text_lines(body)
        finally:
            body.close()

    def exists(self, client: S3Client | None) -> bool:
        """Whether the object or file is there."""
        if self.bucket is None:
            return Path(self.path).is_file()
        try:
            _need_client(client, self).head_object(Bucket=self.bucket, Key=self.path)
        except Exception as err:
            if aws_error_code(err) in ("404", "NoSuchKey", "NotFound"):
                return False
            raise ReportError(f"{self}: cannot read it ({describe_client_error(err)})") from None
        return True

    def write(self, client: S3Client | None, body: IO[bytes]) -> None:
        """Write the whole of ``body`` (a binary file at its start) here, streamed."""
        if self.bucket is None:
            target = Path(self.path)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as file:
                    while chunk := body.read(1 << 16):
                        file.write(chunk)
            except OSError as err:
                raise ReportError(f"{self}: cannot write it ({err.strerror or err})") from None
            return
        try:
            _need_client(client, self).upload_fileobj(body, self.bucket, self.path)
        except Exception as err:
            raise ReportError(f"{self}: cannot write it ({describe_client_error(err)})") from None

    def check_writable(self, client: S3Client | None) -> None:
        """Raise :class:`ReportError` now if nothing can be written here (no bucket, no folder)."""
        if self.bucket is None:
            try:
                Path(self.path).mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise ReportError(f"{self}: cannot write here ({err.strerror or err})") from None
            return
        try:
            _need_client(client, self).head_bucket(Bucket=self.bucket)
        except ReportError:
            raise
        except Exception as err:
            if aws_error_code(err) in ("404", "NoSuchBucket"):
                raise ReportError(f"{self}: there is no bucket {self.bucket!r}") from None
            raise ReportError(f"{self}: cannot write here ({describe_client_error(err)})") from None

    def _get(self, client: S3Client) -> BinaryIO:
        assert self.bucket is not None
        try:
            response = client.get_object(Bucket=self.bucket, Key=self.path)
        except Exception as err:
            if aws_error_code(err) in ("NoSuchKey", "404"):
                raise ReportError(f"{self}: no such object") from None
            raise ReportError(f"{self}: cannot read it ({describe_client_error(err)})") from None
        body: BinaryIO = response["Body"]  # type: ignore[assignment]
        return body


def text_lines(body: IO[bytes], *, chunk_size: int = 1 << 16) -> Iterator[str]:
    r"""The UTF-8 text of a binary stream, line by line, ends kept, split at ``\n`` only.

    As a file opened with ``newline=""`` reads, which is what :mod:`csv`
    needs: a message holding U+2028 or U+0085 (``str.splitlines`` splits
    there, and so does ``codecs``' reader) stays in its row.

    >>> import io
    >>> list(text_lines(io.BytesIO("a\u2028b\r\nc\nd".encode()), chunk_size=2))
    ['a\u2028b\r\n', 'c\n', 'd']
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    pending = ""
    while chunk := body.read(chunk_size):
        pending += decoder.decode(chunk)
        if "\n" in pending:
            *complete, pending = pending.split("\n")
            for line in complete:
                yield line + "\n"
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending


def parse_location(text: str) -> Location:
    """``s3://bucket/key`` as an S3 location; anything else as a local path.

    >>> parse_location("s3://reports/backfills/job-1/manifest.json")
    Location(bucket='reports', path='backfills/job-1/manifest.json')
    >>> parse_location("out/job-1").bucket is None
    True
    """
    if not isinstance(text, str) or not text:
        raise ReportError(f"expected an s3://bucket/key URI or a local path, got {text!r}")
    if text.startswith("s3://"):
        bucket, key = parse_s3_uri(text, "the location", error=ReportError)
        return Location(bucket, key)
    return Location(None, text)


def _need_client(client: S3Client | None, where: Location) -> S3Client:
    if client is None:
        raise ReportError(f"{where} is on S3: pass an S3 client (boto3.client('s3'))")
    return client


def describe_client_error(err: Exception) -> str:
    """One line for an S3 error: ``Code: Message`` for botocore's, else the type and text."""
    response = getattr(err, "response", None)
    if isinstance(response, dict):
        error = response.get("Error")  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
        if isinstance(error, dict):
            code = error.get("Code")  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
            message = error.get("Message")  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
            return f"{code}: {message}"
    return f"{type(err).__name__}: {err}"
