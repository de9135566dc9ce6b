"""Part sizes for an upload whose total is not known in advance: the growing schedule.

S3 takes at most 10,000 parts of 5 MiB to 5 GiB. A fixed part size caps the
object: 8 MiB parts stop at 78 GiB. A writer that does not know how much
will come starts with 8 MiB parts and doubles the size every 1,000 parts
(capped at 5 GiB), so memory follows the object's size and 10,000 parts
hold 7.8 TiB, past the 5 TiB S3 allowed until December 2025:

=========  ===========  ==========================
parts      part size    object size at the last
=========  ===========  ==========================
1-1000     8 MiB        7.8 GiB
1001-2000  16 MiB       23.4 GiB
2001-3000  32 MiB       54.7 GiB
3001-4000  64 MiB       117 GiB
4001-5000  128 MiB      242 GiB
...        ...          ...
9001-10000 4 GiB        7.8 TiB
=========  ===========  ==========================

A caller who knows the size (``expected_size``) gets one fixed size, the
smallest that fits it in 10,000 parts (at least 8 MiB): less memory for the
same object.

>>> schedule = part_sizes(None, None)
>>> schedule.size_of(1), schedule.size_of(1001), schedule.size_of(10_000) // 1024**3
(8388608, 16777216, 4)
>>> part_sizes(None, 100 * 1024**3).size_of(10_000)
11534336
"""

# pyright: strict, reportUnnecessaryIsInstance=false, reportUnnecessaryComparison=false
from __future__ import annotations

from dataclasses import dataclass

from s3types._limits import MAX_OBJECT_SIZE, MAX_PART_SIZE, MAX_PARTS, MIN_PART_SIZE

__all__ = ["DEFAULT_PART_SIZE", "PARTS_PER_STEP", "PartSizes", "part_sizes"]

#: The first part size when none is given: boto3's default multipart chunk.
DEFAULT_PART_SIZE = 8 * 1024**2
#: How many parts of one size the growing schedule sends before doubling it.
PARTS_PER_STEP = 1000
_MIB = 1024**2


@dataclass(frozen=True, slots=True)
class PartSizes:
    """The size of each part of one upload: fixed, or doubling every 1,000 parts.

    >>> PartSizes(first=5 * 1024**2, growing=False).capacity
    52428800000
    """

    first: int
    growing: bool

    def size_of(self, number: int) -> int:
        """The size of part ``number`` (1 to 10,000); the last part of an upload may be shorter."""
        if not self.growing:
            return self.first
        step = (number - 1) // PARTS_PER_STEP
        return min(self.first << step, MAX_PART_SIZE)

    @property
    def capacity(self) -> int:
        """The most bytes 10,000 parts of this schedule hold."""
        if not self.growing:
            return self.first * MAX_PARTS
        steps = range(0, MAX_PARTS, PARTS_PER_STEP)
        return sum(self.size_of(first + 1) * PARTS_PER_STEP for first in steps)

    def parts_for(self, size: int) -> int:
        """How many parts an object of ``size`` bytes takes (at least 1).

        >>> part_sizes(None, None).parts_for(300 * 1024**2)
        38
        """
        parts, held = 0, 0
        while held < size or parts == 0:
            parts += 1
            held += self.size_of(parts)
        return parts


def part_sizes(part_size: int | None, expected_size: int | None) -> PartSizes:
    """The schedule for ``create_object``'s ``part_size`` and ``expected_size`` (checked).

    Neither: the growing schedule. ``part_size``: that size for every part
    (5 MiB to 5 GiB). ``expected_size`` alone: the smallest fixed size,
    rounded up to a MiB and at least 8 MiB, whose 10,000 parts hold it.
    Both: ``part_size``, if its 10,000 parts hold ``expected_size``.

    >>> part_sizes(4 * 1024**2, None)
    Traceback (most recent call last):
    ValueError: part_size=4194304: give a number of bytes from 5242880 (5 MiB) to ...
    """
    if expected_size is not None and (
        isinstance(expected_size, bool)
        or not isinstance(expected_size, int)
        or not 0 <= expected_size <= MAX_OBJECT_SIZE
    ):
        raise ValueError(
            f"expected_size={expected_size!r}: give the object's size in bytes, from 0 to "
            f"{MAX_OBJECT_SIZE} (S3's largest object, 50 TB), or None if "
            "it is not known"
        )
    if part_size is not None:
        if (
            isinstance(part_size, bool)
            or not isinstance(part_size, int)
            or not MIN_PART_SIZE <= part_size <= MAX_PART_SIZE
        ):
            raise ValueError(
                f"part_size={part_size!r}: give a number of bytes from {MIN_PART_SIZE} (5 MiB) "
                f"to {MAX_PART_SIZE} (5 GiB), S3's part sizes, or None to let parts grow "
                "with the object"
            )
        fixed = PartSizes(first=part_size, growing=False)
        if expected_size is not None and expected_size > fixed.capacity:
            raise ValueError(
                f"expected_size={expected_size} does not fit in {MAX_PARTS} parts of "
                f"part_size={part_size}: give a part_size of at least "
                f"{-(-expected_size // MAX_PARTS)}, or leave it to expected_size alone"
            )
        return fixed
    if expected_size is None:
        return PartSizes(first=DEFAULT_PART_SIZE, growing=True)
    smallest = -(-expected_size // MAX_PARTS)
    rounded = -(-smallest // _MIB) * _MIB
    return PartSizes(first=min(max(rounded, DEFAULT_PART_SIZE), MAX_PART_SIZE), growing=False)
