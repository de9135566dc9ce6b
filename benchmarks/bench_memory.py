"""Memory a parsed event keeps alive, measured with tracemalloc.

Retained size: memory still allocated after parsing (and a collection),
while the parsed object is held, minus what was allocated before. Strings
the parsed object shares with a dict input are not counted (they were
there before); from JSON text everything is new.
"""

from __future__ import annotations

import gc
import statistics
import tracemalloc
from collections.abc import Callable

__all__ = ["retained_bytes"]


def _once(parse: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        parsed = parse()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del parsed
    return after - before


def retained_bytes(parse: Callable[[], object], *, repeats: int = 5) -> int:
    """Median bytes the result of ``parse()`` keeps allocated (after one warm-up call)."""
    parse()
    return round(statistics.median(_once(parse) for _ in range(repeats)))
