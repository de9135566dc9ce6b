"""Hot-path timing: interleaved rounds, medians.

Each case is calibrated to a batch of about ``batch_seconds``; then in every
round each case runs one batch, the order rotating from round to round, so
a burst of load on the machine hits all readers alike instead of one.
"""

from __future__ import annotations

import statistics
import timeit
from collections.abc import Callable, Sequence

__all__ = ["calibrate", "interleaved_medians"]


def calibrate(run: Callable[[], object], batch_seconds: float) -> int:
    """How many calls make a batch of about ``batch_seconds``."""
    timer = timeit.Timer(run)
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= batch_seconds / 4:
            return max(1, round(number * batch_seconds / elapsed))
        number *= 4


def interleaved_medians(
    runs: Sequence[Callable[[], object]], *, rounds: int, batch_seconds: float
) -> list[float]:
    """Median seconds per call of each callable, over interleaved rounds."""
    timers = [timeit.Timer(run) for run in runs]
    numbers = [calibrate(run, batch_seconds) for run in runs]
    samples: list[list[float]] = [[] for _ in runs]
    count = len(runs)
    for round_index in range(rounds):
        for offset in range(count):
            index = (round_index + offset) % count
            samples[index].append(timers[index].timeit(numbers[index]) / numbers[index])
    return [statistics.median(per_case) for per_case in samples]
