"""The streaming writer: ``create_object`` against ``put_object`` and boto3's ``upload_fileobj``.

The same bytes (random, so nothing compresses them away) are stored in
three ways, against moto's S3 server in another process on 127.0.0.1:
``create_object`` written a MiB at a time (on the caller's thread, and
with four upload threads), ``put_object`` of a file object (boto3's
transfer manager, ten threads), and ``boto3``'s own ``upload_fileobj``
(the same manager). Rounds are interleaved, the order rotating; the table
gives the median time, the throughput, each one's speed relative to
``create_object`` (1 thread) and the peak of traced allocations of one
upload (the peers' input is already in memory; the writer's is not
needed). The target: ``create_object`` within 2x of ``upload_fileobj``
(ratio at least 0.5). Against a local server the network costs little, so
this measures the client's own work and the server's.

    python benchmarks/bench_writer.py           # 64 MiB, 5 rounds: about a minute
    python benchmarks/bench_writer.py --quick   # 24 MiB, 3 rounds
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import boto3
from botocore.config import Config

from s3types.ops import create_object, put_object
from s3types.testing._server import local_s3_server_process

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

MIB = 1024 * 1024
TARGET = 0.5
BUCKET = "bench-writer"


def _client(endpoint_url: str) -> S3Client:
    client: S3Client = boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(s3={"addressing_style": "path"}, max_pool_connections=10),
    )
    return client


def _cases(client: S3Client, data: bytes) -> dict[str, Callable[[], object]]:
    def writer(threads: int) -> Callable[[], object]:
        def run() -> object:
            with create_object(client, BUCKET, "writer", max_concurrency=threads) as out:
                for start in range(0, len(data), MIB):
                    out.write(data[start : start + MIB])
            return out.result

        return run

    return {
        "create_object, 1 thread": writer(1),
        "create_object, 4 threads": writer(4),
        "put_object (file object)": lambda: put_object(client, BUCKET, "put", io.BytesIO(data)),
        "boto3 upload_fileobj": lambda: client.upload_fileobj(io.BytesIO(data), BUCKET, "boto3"),
    }


def _peak(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str] | None = None) -> int:
    """Run the comparison and print the table; exit 1 if the writer misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a smaller object, fewer rounds")
    args = parser.parse_args(argv)
    size_mib, rounds = (24, 3) if args.quick else (64, 5)
    data = os.urandom(size_mib * MIB)
    with local_s3_server_process() as endpoint:
        client = _client(endpoint)
        client.create_bucket(Bucket=BUCKET)
        cases = _cases(client, data)
        for run in cases.values():  # warm-up: connections, imports
            run()
        samples: dict[str, list[float]] = {name: [] for name in cases}
        names = list(cases)
        for round_index in range(rounds):
            for offset in range(len(names)):
                name = names[(round_index + offset) % len(names)]
                started = time.perf_counter()
                cases[name]()
                samples[name].append(time.perf_counter() - started)
        peaks = {name: _peak(run) for name, run in cases.items()}
        client.close()
    medians = {name: statistics.median(times) for name, times in samples.items()}
    ours = medians["create_object, 1 thread"]
    print(f"{size_mib} MiB of random bytes, median of {rounds} interleaved rounds")
    print(f"{'upload':<28}{'time':>8}{'MiB/s':>8}{'vs writer':>11}{'peak MiB':>10}")
    for name, seconds in medians.items():
        print(
            f"{name:<28}{seconds:>7.2f}s{size_mib / seconds:>8.1f}{ours / seconds:>10.2f}x"
            f"{peaks[name] / MIB:>10.1f}"
        )
    ratio = medians["boto3 upload_fileobj"] / ours
    verdict = "PASS" if ratio >= TARGET else "MISS"
    print(
        f"create_object (1 thread) at {ratio:.2f}x upload_fileobj's speed: {verdict} (>= {TARGET}x)"
    )
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
