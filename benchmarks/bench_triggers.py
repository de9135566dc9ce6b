"""Triggers: ``Trigger.matches`` per record against the filter it replaced, and check_triggers.

    python benchmarks/bench_triggers.py           # prints the numbers and ratios
    python benchmarks/bench_triggers.py --quick   # fewer rounds

The filter it replaced (``RecordFilter.accepts`` of s3types_lambda before
triggers) is kept here, as it was, to compare against. Targets: matches no
slower than it (ratio <= 1.0); check_triggers over 1,000 rules under 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from s3types import S3EventRecord, parse_event
from s3types.testing import make_event
from s3types.triggers import Trigger, check_triggers


@dataclass(frozen=True)
class PreviousFilter:
    """s3types_lambda's RecordFilter before triggers: patterns tested with EventName.matches."""

    events: tuple[str, ...] | None = None
    prefix: str | None = None
    suffix: str | None = None

    def accepts(self, record: S3EventRecord) -> bool:
        """True when the record passes every rule."""
        if self.events is not None and not any(
            record.event_name.matches(pattern) for pattern in self.events
        ):
            return False
        key = record.key
        if self.prefix and not key.startswith(self.prefix):
            return False
        return not (self.suffix and not key.endswith(self.suffix))


def _records() -> list[S3EventRecord]:
    names = ["ObjectCreated:Put", "ObjectCreated:Copy", "ObjectRemoved:Delete"]
    keys = ["incoming/a.jpg", "incoming/b.png", "other/c.jpg", "incoming/sub/d e.jpg"]
    return [
        parse_event(make_event(name, bucket="photos", key=key)).records[0]
        for name in names
        for key in keys
    ]


def _per_call(function: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        function()
    return (time.perf_counter() - start) / number


def compare_filters(rounds: int, number: int) -> list[tuple[str, float, float]]:
    """Median ns per record of the previous filter and of Trigger.matches, per rule shape."""
    records = _records()
    shapes = {
        "events + prefix + suffix": (("s3:ObjectCreated:*",), "incoming/", ".jpg"),
        "one exact event": (("s3:ObjectCreated:Put",), None, None),
        "two events, prefix": (("s3:ObjectCreated:*", "s3:ObjectRemoved:*"), "incoming/", None),
    }
    results: list[tuple[str, float, float]] = []
    for label, (events, prefix, suffix) in shapes.items():
        previous = PreviousFilter(events, prefix, suffix)
        trigger = Trigger("photos", events, prefix=prefix, suffix=suffix)
        assert [previous.accepts(r) for r in records] == [trigger.matches(r) for r in records]

        def run_previous(previous: PreviousFilter = previous) -> None:
            for record in records:
                previous.accepts(record)

        def run_trigger(trigger: Trigger = trigger) -> None:
            for record in records:
                trigger.matches(record)

        old: list[float] = []
        new: list[float] = []
        for _ in range(rounds):  # interleaved, so drift hits both alike
            old.append(_per_call(run_previous, number) / len(records))
            new.append(_per_call(run_trigger, number) / len(records))
        results.append((label, statistics.median(old) * 1e9, statistics.median(new) * 1e9))
    return results


def rule_sets() -> dict[str, list[Trigger]]:
    """1,000 valid rules of one bucket, in shapes that stress each axis of the check."""
    return {
        "1,000 distinct prefixes": [
            Trigger("b", prefix=f"tenant-{n:04}/", id=f"p{n}") for n in range(1000)
        ],
        "1,000 distinct suffixes, no prefix": [
            Trigger("b", suffix=f".ext{n:04}", id=f"s{n}") for n in range(1000)
        ],
        "1,000 nested prefixes, distinct suffixes": [
            Trigger("b", prefix="data/" * (1 + n % 5), suffix=f".v{n:04}", id=f"n{n}")
            for n in range(1000)
        ],
        "1,000 rules over 4 event categories": [
            Trigger(
                "b",
                [
                    (
                        "s3:ObjectCreated:*",
                        "s3:ObjectRemoved:*",
                        "s3:ObjectRestore:*",
                        "s3:ObjectTagging:*",
                    )[n % 4]
                ],
                prefix=f"t{n // 4:04}/",
                id=f"e{n}",
            )
            for n in range(1000)
        ],
    }


def time_checks(rounds: int) -> list[tuple[str, float]]:
    """Median milliseconds of check_triggers over each rule set."""
    results: list[tuple[str, float]] = []
    for label, rules in rule_sets().items():
        times: list[float] = []
        for _ in range(rounds):
            start = time.perf_counter()
            check_triggers(rules)
            times.append(time.perf_counter() - start)
        results.append((label, statistics.median(times) * 1e3))
    return results


def main(argv: list[str] | None = None) -> int:
    """Print both tables; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    rounds, number = (5, 500) if args.quick else (15, 2000)
    ok = True
    print("Trigger.matches vs the previous filter (ns per record, median)")
    print(f"{'rule':28} {'previous':>9} {'matches':>9} {'ratio':>6}")
    for label, old, new in compare_filters(rounds, number):
        ratio = new / old
        ok &= ratio <= 1.0
        print(f"{label:28} {old:9.1f} {new:9.1f} {ratio:6.2f} {'PASS' if ratio <= 1.0 else 'MISS'}")
    print()
    print("check_triggers (ms, median; target < 50 ms)")
    for label, ms in time_checks(rounds):
        ok &= ms < 50
        print(f"{label:42} {ms:7.2f} {'PASS' if ms < 50 else 'MISS'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
