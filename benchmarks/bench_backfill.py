"""The local backfill engine: its per-task overhead beside a bare loop, and its memory.

Per task, ``run_local`` builds the schema 2.0 job S3 Batch Operations
would send, calls the handler (``@s3_record_handler(..., backfill=True)``:
job parsed, trigger checked, task function run by the shared per-task
outcome, response built), checks the response as S3 does, and writes a
report row. Beside it, a bare loop calls the same task function on the
same keys with nothing around it. Both read the objects from a CSV
manifest and the report goes to a local folder, so neither pays for S3
(the listing cost is moto's, not the engine's); a third row lists the
objects from moto's server instead. Memory: tracemalloc's peak during a
run over 1,000 and 10,000 objects, which should not grow with the count
(the manifest is streamed, rows go to temporary files).

    python benchmarks/bench_backfill.py           # about half a minute
    python benchmarks/bench_backfill.py --quick   # fewer objects and rounds
"""

from __future__ import annotations

import argparse
import csv
import functools
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote_plus

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from s3types.backfill import run_local
from s3types.batch import BatchTask
from s3types_lambda import LambdaContext, RecordOrTask, s3_record_handler

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

BUCKET = "bench-backfill"
#: The memory target: the peak at 10,000 objects at most this times the one at 1,000.
MAX_GROWTH = 1.25


def _task_function(item: RecordOrTask, context: LambdaContext) -> str:
    return f"indexed {item.key}"


HANDLER = s3_record_handler(bucket=BUCKET, prefix="photos/", backfill=True)(_task_function)


def _keys(count: int) -> list[str]:
    return [f"photos/red flower+{number} ä.jpg" for number in range(count)]


def _manifest(folder: Path, keys: list[str]) -> str:
    path = folder / "manifest.csv"
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        for key in keys:
            writer.writerow([BUCKET, quote_plus(key, safe="/")])
    return str(path)


def _bare_loop(keys: list[str]) -> None:
    for number, key in enumerate(keys):
        task = BatchTask(str(number), key, key, None, BUCKET)
        _task_function(task, cast("LambdaContext", None))


def _engine(manifest: str, folder: Path, *, concurrency: int, client: Any = None) -> None:
    report = run_local(
        HANDLER,
        cast("S3Client", client),
        manifest_uri=manifest,
        report_uri=str(folder / "reports"),
        concurrency=concurrency,
    )
    assert report.failed == 0


def _median_seconds(run: Callable[[], object], rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _peak_bytes(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _listing_run(keys: list[str], folder: Path, rounds: int) -> float:
    from s3types.testing import LocalS3Server

    with LocalS3Server() as server:
        s3 = server.s3_client()
        s3.create_bucket(Bucket=BUCKET)
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda key: s3.put_object(Bucket=BUCKET, Key=key, Body=b"."), keys))

        def run() -> None:
            report = run_local(HANDLER, s3, report_uri=str(folder / "listed"), concurrency=4)
            assert report.succeeded == len(keys)

        return _median_seconds(run, rounds)


def main(argv: list[str] | None = None) -> int:
    """Print the per-task times and the memory peaks; exit 1 if memory grows with the count."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer objects and rounds")
    args = parser.parse_args(argv)
    count, rounds = (500, 3) if args.quick else (2_000, 5)
    keys = _keys(count)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        manifest = _manifest(folder, keys)
        bare = _median_seconds(lambda: _bare_loop(keys), rounds)
        rows = [("bare loop calling the task function", bare)]
        for concurrency in (1, 4):
            run = functools.partial(_engine, manifest, folder, concurrency=concurrency)
            seconds = _median_seconds(run, rounds)
            rows.append((f"run_local, CSV manifest, concurrency {concurrency}", seconds))
        rows.append(
            ("run_local, listing moto's server, concurrency 4", _listing_run(keys, folder, 3))
        )
        print(f"{count} objects, median of {rounds} runs")
        print(f"{'':<52}{'per task':>10}{'vs bare':>10}")
        for label, seconds in rows:
            per_task = seconds / count * 1e6
            print(f"{label:<52}{per_task:>8.1f}us{seconds / bare:>9.0f}x")
        print()
        print(f"{'memory peak (tracemalloc), CSV manifest':<52}{'1,000':>10}{'10,000':>10}")
        peaks = []
        for size in (1_000, 10_000):
            sized = folder / f"m{size}"
            sized.mkdir()
            path = _manifest(sized, _keys(size))
            peaks.append(_peak_bytes(functools.partial(_engine, path, sized, concurrency=4)))
        print(f"{'run_local, concurrency 4':<52}{peaks[0] / 1e3:>8.0f}kB{peaks[1] / 1e3:>8.0f}kB")
        growth = peaks[1] / peaks[0]
        verdict = "PASS" if growth <= MAX_GROWTH else "MISS"
        print(f"growth from 1,000 to 10,000 objects: {growth:.2f}x  {verdict} (<= {MAX_GROWTH}x)")
    return 0 if growth <= MAX_GROWTH else 1


if __name__ == "__main__":
    sys.exit(main())
