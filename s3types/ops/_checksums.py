"""S3's flexible checksums of parts and of whole objects, computed as S3 computes them.

A part's checksum is sent with it (S3 refuses the part with ``BadDigest`` if
the bytes it received do not match). A multipart object's checksum is
S3's *composite* one: the checksum of the parts' checksums (their raw
bytes, concatenated in part order), base64, then ``-`` and the number of
parts. One PutObject's is the plain checksum of the body.

>>> one = part_checksum("CRC32", b"hello")
>>> encode(one)
'NhCmhg=='
>>> composite_checksum("CRC32", [one, part_checksum("CRC32", b" world")])
'otMqCw==-2'
"""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

import base64
import hashlib
import zlib
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from _typeshed import ReadableBuffer

__all__ = [
    "CHECKSUM_ALGORITHMS",
    "WriterChecksumAlgorithm",
    "answered_checksum",
    "check_algorithm",
    "composite_checksum",
    "encode",
    "part_checksum",
]

#: The checksum algorithms the streaming writer computes (Python's standard library has both).
WriterChecksumAlgorithm = Literal["CRC32", "SHA256"]
CHECKSUM_ALGORITHMS: tuple[WriterChecksumAlgorithm, ...] = ("CRC32", "SHA256")


def check_algorithm(algorithm: object) -> WriterChecksumAlgorithm:
    """``algorithm`` if the writer computes it, else ``ValueError`` naming the ones it does."""
    for known in CHECKSUM_ALGORITHMS:
        if algorithm == known:
            return known
    raise ValueError(
        f"checksum_algorithm={algorithm!r}: give 'CRC32' (fast, the default) or 'SHA256'; "
        "S3 checks each part against it and keeps the object's composite checksum"
    )


def part_checksum(algorithm: WriterChecksumAlgorithm, data: ReadableBuffer) -> bytes:
    """The raw checksum of one part's bytes (4 bytes for CRC32, 32 for SHA-256)."""
    if algorithm == "CRC32":
        return zlib.crc32(data).to_bytes(4, "big")
    return hashlib.sha256(data).digest()


def encode(checksum: bytes) -> str:
    """A raw checksum in S3's form: base64."""
    return base64.b64encode(checksum).decode("ascii")


def composite_checksum(algorithm: WriterChecksumAlgorithm, parts: Sequence[bytes]) -> str:
    """The composite checksum of a multipart object made of parts with these raw checksums."""
    return f"{encode(part_checksum(algorithm, b''.join(parts)))}-{len(parts)}"


def answered_checksum(response: Mapping[str, object], algorithm: str) -> str | None:
    """The object's checksum in S3's answer (``Checksum<algorithm>``), or None if it sent none."""
    answered = response.get(f"Checksum{algorithm}")
    return answered if isinstance(answered, str) and answered else None
