"""Errors the typed operations raise themselves; S3's own come as botocore's ``ClientError``."""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

__all__ = ["ObjectTooLargeError"]


class ObjectTooLargeError(ValueError):
    """``get_object(..., max_size=N)`` met an object larger than N bytes; its body was not read.

    ``size`` is the object's size as the record or S3's answer gave it (or,
    from a store that sent no ``Content-Length``, the bytes read: one more than
    ``max_size``).
    Stream large objects with ``open_object`` instead of reading them whole.

    >>> error = ObjectTooLargeError("my-bucket", "video.mp4", 7_000_000_000, 10**8, "record")
    >>> print(error)  # doctest: +NORMALIZE_WHITESPACE
    s3://my-bucket/video.mp4 is 7000000000 bytes (from the record), over max_size=100000000:
    read it in pieces with open_object(client, ...) (a stream: read(n), iter_chunks(),
    lines, seek), or raise max_size
    """

    bucket: str
    key: str
    size: int
    max_size: int

    def __init__(
        self,
        bucket: str,
        key: str,
        size: int,
        max_size: int,
        source: str,
        *,
        at_least: bool = False,
    ) -> None:
        self.bucket, self.key, self.size, self.max_size = bucket, key, size, max_size
        bound = "at least " if at_least else ""
        super().__init__(
            f"s3://{bucket}/{key[:200]} is {bound}{size} bytes (from the {source}), over "
            f"max_size={max_size}: read it in pieces with open_object(client, ...) (a stream: "
            "read(n), iter_chunks(), lines, seek), or raise max_size"
        )
