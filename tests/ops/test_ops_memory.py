"""Memory: streaming a 200 MB object through open_object keeps allocations flat.

The S3 server runs in another process here, so tracemalloc counts only what
this process (the function) allocates, not moto's copy of the object.
"""

from __future__ import annotations

import hashlib
import os
import tracemalloc
from typing import TYPE_CHECKING

from s3types.ops import open_object, put_object

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

MIB = 1024 * 1024
SIZE = 200 * MIB
BLOCK = os.urandom(MIB)
PEAK_LIMIT = 32 * MIB


class Generated:
    """SIZE bytes made on demand (``read()`` only): the upload never holds them all."""

    def __init__(self) -> None:
        self._left = SIZE

    def read(self, size: int = -1) -> bytes:
        size = self._left if size < 0 else min(size, self._left)
        self._left -= size
        return (BLOCK * (size // MIB + 1))[:size]


def expected_digest() -> str:
    digest = hashlib.sha256()
    for _ in range(SIZE // MIB):
        digest.update(BLOCK)
    return digest.hexdigest()


def test_streaming_200_mb_peaks_under_32_mb(far_s3: S3Client) -> None:
    far_s3.create_bucket(Bucket="memory")
    put_object(far_s3, "memory", "video.bin", Generated())
    digest = hashlib.sha256()
    received = 0
    tracemalloc.start()
    try:
        with open_object(far_s3, "memory", "video.bin") as stream:
            for chunk in stream.iter_chunks(MIB):
                digest.update(chunk)
                received += len(chunk)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert received == SIZE
    assert digest.hexdigest() == expected_digest()
    print(f"open_object: {SIZE // MIB} MiB streamed, peak traced allocations {peak / MIB:.2f} MiB")
    assert peak < PEAK_LIMIT, peak
