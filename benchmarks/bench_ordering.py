"""``latest_per_key`` and ``dedupe`` are linear: time per record at 1,000 and 10,000 records.

The records are a realistic worst case: 1 key in 10 has ten events (put,
copy, delete in any order), every tenth record is a repeat of another, and
sequencers come in different lengths and cases. Each function's time per
record at 1,000 and at 10,000 records is printed with the ratio between the
two (1.0 is linear; a sort would grow by ~1.3, a quadratic scan by 10), that
ratio against ``parse_event``'s on the same records (linear work, so memory
and cache effects of the larger batch cancel out), and the share of what
parsing the same records costs: the work every handler already pays.

    python benchmarks/bench_ordering.py            # about 20 seconds on 2 cores
    python benchmarks/bench_ordering.py --quick
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

# Run as a script: make the repository root importable (``benchmarks.*``, as mypy sees it).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_timing import interleaved_medians
from s3types import S3EventDict, S3EventRecord, dedupe, latest_per_key, parse_event
from s3types.testing import make_event

__all__ = ["OrderingTiming", "main", "measure", "notification"]

SIZES = (1_000, 10_000)
_OPERATIONS = ("ObjectCreated:Put", "ObjectCreated:Copy", "ObjectRemoved:Delete")
_T0 = datetime(2026, 3, 1, tzinfo=timezone.utc)


def notification(size: int, *, seed: int = 14) -> S3EventDict:
    """One notification of ``size`` records: bursts per key, repeats, mixed sequencer forms."""
    chooser = random.Random(seed)
    wire: list[object] = []
    while len(wire) < size:
        key = f"uploads/{chooser.randrange(size // 10 + 1)}/photo {len(wire)}.jpg"
        for step in range(10):
            sequencer = f"{0x0055AED6DC000000 + step * chooser.randrange(1, 4096):016X}"
            sequencer = chooser.choice((sequencer, sequencer.rstrip("0"), sequencer.lower()))
            event = make_event(
                chooser.choice(_OPERATIONS),
                bucket="photos",
                key=key,
                sequencer=sequencer,
                event_time=_T0 + timedelta(milliseconds=step),
            )
            wire.append(event["Records"][0])
            if chooser.random() < 0.1:
                wire.append(event["Records"][0])  # a repeat delivery
    chooser.shuffle(wire)
    return {"Records": wire[:size]}  # type: ignore[typeddict-item]


@dataclass(frozen=True)
class OrderingTiming:
    """Median microseconds per record of each step, at one batch size."""

    size: int
    parse_us: float
    latest_us: float
    dedupe_us: float


def measure(sizes: Sequence[int], *, rounds: int, batch_seconds: float) -> list[OrderingTiming]:
    """Time ``parse_event``, ``latest_per_key`` and ``dedupe`` on each size, all interleaved.

    Every size's runs share the same rounds, so a change of load on the
    machine between sizes does not pass for a change of growth.
    """
    runs: list[Callable[[], object]] = []
    for size in sizes:
        event = notification(size)
        records: tuple[S3EventRecord, ...] = parse_event(event).records
        assert len(records) == size
        runs += [
            functools.partial(parse_event, event),
            functools.partial(latest_per_key, records),
            functools.partial(dedupe, records),
        ]
    medians = interleaved_medians(runs, rounds=rounds, batch_seconds=batch_seconds)
    return [
        OrderingTiming(size, *(seconds / size * 1e6 for seconds in medians[3 * i : 3 * i + 3]))
        for i, size in enumerate(sizes)
    ]


def _table(timings: list[OrderingTiming]) -> str:
    small, large = timings[0], timings[-1]
    rows = [
        f"| step | µs/record at {small.size:,} | µs/record at {large.size:,} | growth"
        " | growth / parse_event's | share of parsing |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    parse_growth = large.parse_us / small.parse_us
    steps: list[tuple[str, float, float]] = [
        ("parse_event", small.parse_us, large.parse_us),
        ("latest_per_key", small.latest_us, large.latest_us),
        ("dedupe", small.dedupe_us, large.dedupe_us),
    ]
    for name, at_small, at_large in steps:
        growth = at_large / at_small
        rows.append(
            f"| {name} | {at_small:.2f} | {at_large:.2f} | {growth:.2f}x"
            f" | {growth / parse_growth:.2f} | {at_large / large.parse_us:.0%} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Print the table; exit 1 unless both grow per record no faster than parsing does (+25%)."""
    parser = argparse.ArgumentParser(description="latest_per_key and dedupe are linear")
    parser.add_argument("--quick", action="store_true", help="fewer, shorter rounds")
    args = parser.parse_args(argv)
    rounds, batch_seconds = (3, 0.05) if args.quick else (9, 0.2)
    timings = measure(SIZES, rounds=rounds, batch_seconds=batch_seconds)
    print(_table(timings))
    small, large = timings[0], timings[-1]
    parse_growth = large.parse_us / small.parse_us
    linear = all(
        growth / parse_growth <= 1.25
        for growth in (large.latest_us / small.latest_us, large.dedupe_us / small.dedupe_us)
    )
    print(
        "linear (per-record time grows from 1k to 10k records at most 1.25x what parsing's does):",
        "PASS" if linear else "MISS",
    )
    return 0 if linear else 1


if __name__ == "__main__":
    raise SystemExit(main())
