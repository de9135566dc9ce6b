"""s3types' own cold start at several commits, in the same run: what a change did to it.

Not part of ``run.py`` (it compares s3types with its own past, not with a
peer): ``python benchmarks/cold_history.py REV [REV ...] [--rounds 31]``.
Each revision is exported with ``git archive`` and installed as a
Lambda-like package (``pip install --target`` without extras); the
programs alternate within every round, so load on the machine hits each
alike. Measured as in ``bench_floor.py``: a fresh ``python -S`` process
does pydantic's floor (a one-field model, defined and validated once), then
times ``import s3types`` and its first parsed event, wall and CPU.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

from benchmarks.bench_cold import (  # noqa: E402
    S3TYPES_FIRST_EVENT_CODE,
    Program,
    cold_env,
    measure_timed,
    new_cache_dir,
    pydantic_floor_code,
    timed_after,
)
from benchmarks.bench_events import scenarios  # noqa: E402
from benchmarks.bench_floor import build_lambda_package  # noqa: E402


def _export(revision: str, into: Path) -> str:
    """``git archive`` of ``revision`` unpacked into ``into``; its short hash."""
    commit = subprocess.run(
        ["git", "-C", str(HERE.parent), "rev-parse", "--short", revision],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    into.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(HERE.parent), "archive", commit], capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return commit


def main(argv: list[str] | None = None) -> int:
    """Time s3types' first event after the floor at each revision; print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("revisions", nargs="+", help="git revisions (commits, tags, HEAD)")
    parser.add_argument("--rounds", type=int, default=31)
    args = parser.parse_args(argv)
    one_record = next(s for s in scenarios() if s.records == 1 and s.key_kind == "plain")
    setup = pydantic_floor_code(one_record.text)
    with new_cache_dir() as cache, tempfile.TemporaryDirectory() as work:
        env = cold_env(cache)
        programs: list[Program] = []
        for revision in args.revisions:
            source = Path(work) / f"source-{len(programs)}"
            commit = _export(revision, source)
            package = Path(work) / f"package-{commit}"
            build_lambda_package(source, package)
            label = commit if commit.startswith(revision) else f"{revision} ({commit})"
            timed = timed_after(setup, S3TYPES_FIRST_EVENT_CODE, label)
            programs.append(
                Program(
                    timed.name,
                    timed.code,
                    ("-S",),
                    (("PYTHONPATH", str(package)), ("PYTHONNOUSERSITE", "1")),
                )
            )
        results = measure_timed(programs, env, rounds=args.rounds)
    first = results[programs[0].name]
    print(f"import s3types + first event, timed after the floor; {args.rounds} rounds\n")
    print(f"| revision | wall, median (quartiles) | CPU, median | vs {programs[0].name} |")
    print("|---|---|---|---|")
    for program in programs:
        result = results[program.name]
        print(
            f"| {program.name} | {result.wall_ms:.1f} ms ({result.wall_low_ms:.1f} to"
            f" {result.wall_high_ms:.1f}) | {result.cpu_ms:.1f} ms"
            f" | {result.wall_ms / first.wall_ms:.2f}x |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
