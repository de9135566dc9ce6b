"""Measure s3types against its peers, side by side, in one run.

Hot path (median time per event, interleaved rounds): a dict read by hand, a
bare nested pydantic model, the Powertools data class and parser, Chalice's
S3Event, and s3types (``S3Event.model_validate[_json]``, ``parse_event``) on
1- and 100-record notifications with keys that need decoding or not, and an
SQS batch of 10. Cold start (fresh processes, alternated rounds). Memory a
parsed 100-record event keeps (tracemalloc). Prints the tables with the
targets (PASS/MISS) and writes them into benchmarks/README.md between its
markers, with the chart benchmarks/results.png.

    python benchmarks/run.py            # full run, about a minute on 2 cores
    python benchmarks/run.py --quick    # fewer rounds, nothing written
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

# Run as a script (``python benchmarks/run.py``): make the repository root
# importable so the helper modules resolve as ``benchmarks.*`` (as mypy sees them).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_cases import (
    BARE,
    PT_PARSER,
    PT_PARSER_RAW,
    PT_SQS,
    S3T_MODEL,
    Case,
    check,
    direct_cases,
    sqs_cases,
)
from benchmarks.bench_cold import (
    POWERTOOLS_FIRST_EVENT,
    ColdResult,
    TimedResult,
    adapter_programs,
    cold_env,
    core_programs,
    measure,
    measure_timed,
    new_cache_dir,
)
from benchmarks.bench_events import Scenario, scenarios, sqs_scenarios
from benchmarks.bench_floor import (
    FloorResult,
    build_lambda_package,
    floor_settings,
    measure_inside,
    over_floor,
)
from benchmarks.bench_memory import retained_bytes
from benchmarks.bench_report import (
    HotTiming,
    Target,
    machine_info,
    markdown_table,
    update_readme,
    write_chart,
)
from benchmarks.bench_timing import interleaved_medians

HERE = Path(__file__).resolve().parent
ADAPTER_BUDGET_MS = 5.0
FLOOR_BUDGET_MS = 5.0


def _hot(
    pairs: list[tuple[Scenario, list[Case]]], *, rounds: int, batch_seconds: float
) -> list[HotTiming]:
    timings: list[HotTiming] = []
    for scenario, cases in pairs:
        for case in cases:
            check(case, scenario)
        medians = interleaved_medians(
            [case.run for case in cases], rounds=rounds, batch_seconds=batch_seconds
        )
        for case, seconds in zip(cases, medians, strict=True):
            timings.append(
                HotTiming(
                    scenario.label,
                    scenario.records,
                    scenario.key_kind,
                    case.reader,
                    case.source,
                    case.role,
                    seconds,
                )
            )
        print(f"  timed {scenario.label}", file=sys.stderr)
    return timings


def _lookup(timings: list[HotTiming], scenario: str, reader: str, source: str) -> float:
    for timing in timings:
        if (timing.scenario, timing.reader, timing.source) == (scenario, reader, source):
            return timing.seconds
    raise KeyError((scenario, reader, source))


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs"


def _hot_table(timings: list[HotTiming], comparator: str) -> str:
    scenarios_seen = list(dict.fromkeys(t.scenario for t in timings))
    rows: list[list[str]] = []
    for reader, source in dict.fromkeys((t.reader, t.source) for t in timings):
        row = [reader, source]
        for scenario in scenarios_seen:
            try:
                seconds = _lookup(timings, scenario, reader, source)
            except KeyError:
                row.append("n/a")
                continue
            try:
                reference = _lookup(timings, scenario, comparator, source)
            except KeyError:
                reference = _lookup(timings, scenario, comparator, "dict")
            row.append(f"{_us(seconds)} ({reference / seconds:.2f}x)")
        rows.append(row)
    return markdown_table(["reader", "input", *scenarios_seen], rows)


def _targets(
    timings: list[HotTiming],
    floors: list[FloorResult],
    adapters: list[tuple[str, ColdResult, ColdResult, ColdResult]],
    adapter_errors: dict[str, str],
    adapter_timed: dict[str, TimedResult],
) -> list[Target]:
    targets: list[Target] = []
    direct = [t for t in timings if "SQS" not in t.scenario]
    for scenario in dict.fromkeys(t.scenario for t in direct):
        for source, goal in (("dict", 1.5), ("JSON", 1.8)):
            ours = _lookup(timings, scenario, S3T_MODEL, source)
            theirs = _lookup(timings, scenario, PT_PARSER, source)
            raw = _lookup(timings, scenario, PT_PARSER_RAW, source)
            bare = _lookup(timings, scenario, BARE, source)
            targets.append(
                Target(
                    f"{scenario}, {source}: >= {goal}x the Powertools parser's speed",
                    f"{theirs / ours:.2f}x (vs the parser without key decoding: {raw / ours:.2f}x)",
                    theirs / ours >= goal,
                    f"bare model: {theirs / bare:.2f}x",
                )
            )
    for scenario in dict.fromkeys(t.scenario for t in direct if t.key_kind == "plain"):
        for source in ("dict", "JSON"):
            ours = _lookup(timings, scenario, S3T_MODEL, source)
            bare = _lookup(timings, scenario, BARE, source)
            targets.append(
                Target(
                    f"{scenario}, {source}: <= 1.3x the bare nested pydantic model's time",
                    f"{ours / bare:.2f}x",
                    ours / bare <= 1.3,
                )
            )
    # Issue 6's "<= 0.8x the Powertools parser's cold start" is retired (it sits
    # below pydantic's own floor); s3types' own cost over that floor replaces it.
    without_plugins = {floor.plugins_on: floor for floor in floors if floor.plugins_on}
    for floor in floors:
        if floor.plugins_on is not None:
            continue
        disabled = without_plugins.get(floor.setting)
        title = (
            f"cold start, {floor.setting}: s3types' own cost over pydantic's floor"
            f" <= {FLOOR_BUDGET_MS:.0f} ms"
        )
        if floor.inside is None:
            measured, own = "not timed inside the process", floor.over_ms
        else:
            own = floor.inside.wall_ms
            measured = (
                f"+{own:.1f} ms timed after the floor ({floor.inside.wall_low_ms:.1f} to"
                f" {floor.inside.wall_high_ms:.1f}; CPU {floor.inside.cpu_ms:.1f} ms);"
                f" two processes' difference {floor.over_ms:+.1f} ms"
            )
        off = None if disabled is None else disabled.inside
        reference: list[str] = []
        if floor.bare is not None:
            reference.append(f"bare four-model shape: +{floor.bare.wall_ms:.1f} ms")
        if off is not None:
            reference.append(f"s3types with plugins disabled: +{off.wall_ms:.1f} ms")
        targets.append(
            Target(
                title,
                f"{measured}; floor {floor.floor_ms:.1f} ms",
                own <= FLOOR_BUDGET_MS,
                "; ".join(reference),
            )
        )
    for adapter, _, baseline, imported in adapters:
        difference = imported.median_ms - baseline.median_ms
        timed = adapter_timed.get(adapter)
        extra = difference if timed is None else timed.wall_ms
        measured = f"{difference:+.1f} ms (two processes' difference)"
        if timed is not None:
            measured = (
                f"+{timed.wall_ms:.1f} ms timed after the framework and s3types"
                f" ({timed.wall_low_ms:.1f} to {timed.wall_high_ms:.1f});"
                f" two processes' difference {difference:+.1f} ms"
            )
        targets.append(
            Target(
                f"import {adapter}: adds < {ADAPTER_BUDGET_MS:.0f} ms beyond its framework"
                " and s3types",
                measured,
                extra < ADAPTER_BUDGET_MS,
            )
        )
    for adapter, error in adapter_errors.items():
        targets.append(Target(f"import {adapter}", f"fails: {error}", False))
    return targets


def _cold_tables(
    core: list[ColdResult],
    adapters: list[tuple[str, ColdResult, ColdResult, ColdResult]],
    adapter_timed: dict[str, TimedResult],
) -> str:
    reference = {result.name: result for result in core}[POWERTOOLS_FIRST_EVENT]
    rows = []
    for result in core:
        if result.error is not None:
            rows.append([result.name, f"fails: {result.error}", "", ""])
            continue
        rows.append(
            [
                result.name,
                f"{result.median_ms:.1f} ms",
                f"{result.low_ms:.1f}-{result.high_ms:.1f} ms",
                f"{result.median_ms / reference.median_ms:.2f}x",
                f"{result.cpu_ms:.1f} ms ({result.cpu_ms / reference.cpu_ms:.2f}x)",
            ]
        )
    core_table = markdown_table(
        [
            "fresh process",
            "wall, median",
            "wall, quartiles",
            "wall vs Powertools parser first event",
            "CPU (user+sys), median",
        ],
        rows,
    )
    adapter_rows = []
    for adapter, alone, baseline, imported in adapters:
        timed = adapter_timed.get(adapter)
        inside = "not measured"
        if timed is not None:
            inside = f"{timed.wall_ms:.1f} ms ({timed.wall_low_ms:.1f} to {timed.wall_high_ms:.1f})"
        adapter_rows.append(
            [
                adapter,
                f"{alone.name}: {alone.median_ms:.1f} ms",
                f"{baseline.median_ms:.1f} ms",
                f"{imported.median_ms:.1f} ms",
                inside,
                f"{imported.median_ms - baseline.median_ms:+.1f} ms",
                f"{imported.cpu_ms - baseline.cpu_ms:+.1f} ms",
            ]
        )
    adapter_table = markdown_table(
        [
            "adapter",
            "framework alone",
            "framework + s3types",
            "import adapter",
            "import adapter, timed inside the process after framework + s3types (quartiles)",
            "two processes' difference (wall)",
            "two processes' difference (CPU)",
        ],
        adapter_rows,
    )
    runs = core[0].runs if core else 0
    return (
        f"Fresh `python -c` processes, wall time, median of {runs} alternated runs each"
        " (bytecode cached for every library alike).\n\n"
        f"{core_table}\n\n{adapter_table}"
    )


def _floor_table(floors: list[FloorResult], package_error: str | None) -> str:
    by_setting = {floor.setting: floor for floor in floors}
    rows = []
    for floor in floors:
        timed, bare = (
            "not measured"
            if inside is None
            else f"{inside.wall_ms:.1f} ms ({inside.wall_low_ms:.1f} to {inside.wall_high_ms:.1f});"
            f" CPU {inside.cpu_ms:.1f} ms"
            for inside in (floor.inside, floor.bare)
        )
        first = floor.first_model
        saved = "" if first is None else f"first model {first.wall_ms:.1f} ms"
        if floor.plugins_on is not None and floor.plugins_on in by_setting:
            on = by_setting[floor.plugins_on].first_model
            if on is not None and first is not None:
                saved += f" (saves {on.wall_ms - first.wall_ms:.1f} ms)"
        rows.append(
            [
                floor.setting,
                f"{floor.floor_ms:.1f} ms",
                timed,
                bare,
                f"{floor.s3types_ms:.1f} ms",
                f"{floor.over_ms:+.1f} ms ({floor.over_low_ms:+.1f} to {floor.over_high_ms:+.1f})",
                f"{floor.over_cpu_ms:+.1f} ms",
                saved,
            ]
        )
    table = markdown_table(
        [
            "setting",
            "floor: one-field model, defined + validated once",
            "s3types' import + first event, timed inside the process after the floor (quartiles)",
            "the bare four-model shape, timed the same way",
            "s3types: import + parse first event",
            "s3types over the floor, median of per-round differences (quartiles)",
            "the same in CPU time",
            "pydantic's first model (its plugin lookup included), timed after its import;"
            " with plugins disabled, what that saves",
        ],
        rows,
    )
    note = "" if package_error is None else f"\n\nLambda-like package not built: {package_error}"
    runs = floors[0].runs if floors else 0
    return (
        f"Fresh processes, {runs} alternated rounds. Timed inside the process: the floor's"
        " work, then `import s3types` and the first event timed with `perf_counter` and"
        " `process_time` (what decides the target; see benchmarks/bench_floor.py). The"
        " difference of two processes is shown beside it. The Lambda-like package is"
        " `pip install --target DIR` of s3types without extras (pydantic, pydantic-core,"
        " typing-extensions, annotated-types, typing-inspection), run as"
        " `PYTHONPATH=DIR python -S`: no site-packages of the venv.\n\n"
        f"{table}{note}"
    )


def _memory_table(pairs: list[tuple[Scenario, list[Case]]], repeats: int) -> str:
    rows = []
    by_reader: dict[tuple[str, str], dict[str, int]] = {}
    for scenario, cases in pairs:
        for case in cases:
            key = (case.reader, case.source)
            by_reader.setdefault(key, {})[scenario.key_kind] = retained_bytes(
                case.parse, repeats=repeats
            )
    for (reader, source), sizes in by_reader.items():
        cells = [
            f"{sizes[kind] / 1024:,.1f} KiB ({sizes[kind] / 100:,.0f} B/record)"
            for kind in ("plain", "encoded")
        ]
        rows.append([reader, source, *cells])
    return markdown_table(["reader", "input", "plain keys", "encoded keys"], rows)


# Benchmarks of the other capabilities, each a standalone script that prints
# its own table and exits 1 on a missed target; run here in the same run.
OTHER_BENCHMARKS = (
    ("Triggers: `Trigger.matches` and `check_triggers`", "bench_triggers.py"),
    ("Batch Operations and Object Lambda against Powertools", "bench_batch.py"),
    ("At-least-once: `latest_per_key` and `dedupe` over 1k and 10k records", "bench_ordering.py"),
    (
        "Streaming writer: `create_object` against `put_object` and boto3's `upload_fileobj`",
        "bench_writer.py",
    ),
    ("Backfill: the local engine beside a bare loop, and its memory", "bench_backfill.py"),
)


def _other_benchmarks(quick: bool) -> tuple[str, list[str]]:
    """Run each standalone benchmark; its output as a section, and the scripts that missed."""
    sections: list[str] = []
    missed: list[str] = []
    for title, script in OTHER_BENCHMARKS:
        print(f"{script}...", file=sys.stderr)
        command = [sys.executable, str(HERE / script), *(["--quick"] if quick else [])]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            missed.append(script)
        output = (done.stdout + done.stderr).strip()
        verdict = "all targets met" if done.returncode == 0 else "a target MISSED"
        sections.append(
            f"### {title}\n\n`benchmarks/{script}` ({verdict}):\n\n```text\n{output}\n```"
        )
    return "\n\n".join(sections), missed


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, print the report, write README section and chart."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="few rounds; write nothing")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--skip-cold", action="store_true", help="no fresh-process timings")
    parser.add_argument(
        "--cold-rounds", type=int, help="rounds of fresh processes (default 31, --quick 5)"
    )
    args = parser.parse_args(argv)
    rounds, batch, cold_rounds = (5, 0.004, 5) if args.quick else (31, 0.01, 31)
    cold_rounds = args.cold_rounds or cold_rounds
    started = time.perf_counter()
    info = machine_info()

    direct = [(scenario, direct_cases(scenario)) for scenario in scenarios()]
    sqs = [(scenario, sqs_cases(scenario)) for scenario in sqs_scenarios()]
    print("hot path...", file=sys.stderr)
    timings = _hot(direct, rounds=rounds, batch_seconds=batch)
    sqs_timings = _hot(sqs, rounds=rounds, batch_seconds=batch)

    print("memory...", file=sys.stderr)
    hundred = [pair for pair in direct if pair[0].records == 100]
    memory = _memory_table(hundred, repeats=3 if args.quick else 5)

    cold: dict[str, ColdResult] = {}
    adapters: list[tuple[str, ColdResult, ColdResult, ColdResult]] = []
    adapter_timed: dict[str, TimedResult] = {}
    adapter_errors: dict[str, str] = {}
    floors: list[FloorResult] = []
    cold_section = floor_section = "Not measured (--skip-cold)."
    if not args.skip_cold:
        print("cold start...", file=sys.stderr)
        with new_cache_dir() as cache:
            env = cold_env(cache)
            package: Path | None = Path(cache) / "lambda-package"
            package_error = None
            try:
                build_lambda_package(HERE.parent, Path(cache) / "lambda-package")
            except RuntimeError as err:
                package, package_error = None, str(err)
            one_record = next(s for s in scenarios() if s.records == 1 and s.key_kind == "plain")
            core = core_programs(one_record.text)
            settings = floor_settings(core, package, one_record.text)
            per_adapter, adapter_errors = adapter_programs(env)
            programs = list(core)
            for setting in settings:
                programs.extend([setting.floor, setting.s3types])
            for entry in per_adapter:
                programs.extend([entry.framework_alone, entry.baseline, entry.adapter_import])
            unique = list({program.name: program for program in programs}.values())
            results = {r.name: r for r in measure(unique, env, rounds=cold_rounds)}
            inside = measure_inside(settings, env, rounds=cold_rounds)
            timed_imports = measure_timed(
                [entry.timed_import for entry in per_adapter], env, rounds=cold_rounds
            )
        cold = {program.name: results[program.name] for program in core}
        floors = over_floor(settings, results, inside)
        floor_section = _floor_table(floors, package_error)
        adapters = [
            (
                entry.adapter,
                results[entry.framework_alone.name],
                results[entry.baseline.name],
                results[entry.adapter_import.name],
            )
            for entry in per_adapter
        ]
        adapter_timed = {
            entry.adapter: timed_imports[entry.timed_import.name] for entry in per_adapter
        }
        cold_section = _cold_tables(list(cold.values()), adapters, adapter_timed)

    others, others_missed = _other_benchmarks(args.quick)
    targets = _targets(timings, floors, adapters, adapter_errors, adapter_timed) + [
        Target(goal=title, measured="its section below", met=script not in others_missed)
        for title, script in OTHER_BENCHMARKS
    ]
    target_table = markdown_table(
        ["target", "measured", "result", "no-normalization reference on the same measure"],
        [[t.goal, t.measured, t.verdict, t.reference] for t in targets],
    )
    section = "\n\n".join(
        [
            "\n".join(f"- {line}" for line in info),
            "### Targets\n\n" + target_table,
            "### Time per event, direct notification\n\n"
            "Median of interleaved rounds; in brackets the speed relative to the Powertools"
            " parser (with `unquote_plus`) on the same input, higher is faster.\n\n"
            + _hot_table(timings, PT_PARSER),
            "### Time per event, SQS batch of 10 messages (one record each)\n\n"
            "In brackets the speed relative to the Powertools parser with `SqsEnvelope`.\n\n"
            + _hot_table(sqs_timings, PT_SQS),
            "### Cold start over pydantic's floor\n\n" + floor_section,
            "### Cold start\n\n" + cold_section,
            "### Memory kept by a parsed 100-record event\n\n" + memory,
            others,
            f"Full run took {time.perf_counter() - started:.0f} s.",
        ]
    )
    print(section)
    if not (args.quick or args.no_write):
        update_readme(HERE / "README.md", section)
        write_chart(timings, HERE / "results.png")
        print(f"wrote {HERE / 'README.md'} and {HERE / 'results.png'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
