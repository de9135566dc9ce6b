"""Cold start: fresh interpreters, wall time of the whole process, medians.

Every program runs in a new ``python -c`` process; rounds alternate the
programs so load on the machine is shared out. Bytecode is cached for every
library alike (in a private ``PYTHONPYCACHEPREFIX``, filled by untimed
warm-up rounds), as it is in a deployed Lambda package.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ADAPTERS",
    "POWERTOOLS_FIRST_EVENT",
    "PYDANTIC_FLOOR",
    "S3TYPES_FIRST_EVENT",
    "AdapterPrograms",
    "FLOOR_MODEL_CODE",
    "ColdResult",
    "Program",
    "adapter_programs",
    "cold_env",
    "core_programs",
    "S3TYPES_FIRST_EVENT_CODE",
    "TimedResult",
    "load_event_code",
    "measure",
    "measure_timed",
    "new_cache_dir",
    "pydantic_floor_code",
    "pydantic_import_code",
    "run_program",
    "timed_after",
]

S3TYPES_FIRST_EVENT = "s3types: import + parse first event"
POWERTOOLS_FIRST_EVENT = "Powertools parser: import + parse first event"
PYDANTIC_FLOOR = "floor: a one-field pydantic model, defined + validated once"

#: Adapter import name -> the top-level package of its framework ("" for none).
ADAPTERS = {
    "s3types_lambda": "",
    "s3types_chalice": "chalice",
    "s3types_powertools": "aws_lambda_powertools",
}


@dataclass(frozen=True)
class Program:
    """A named snippet run with ``python -c``, maybe with interpreter flags and extra variables."""

    name: str
    code: str
    #: Interpreter options before ``-c`` (``-S``: no site-packages).
    flags: tuple[str, ...] = ()
    #: Environment variables set (value) or removed (None) for this program only.
    env: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True)
class ColdResult:
    """Median and quartiles of one program's wall time, and its median CPU time, in ms."""

    name: str
    median_ms: float
    low_ms: float
    high_ms: float
    cpu_ms: float
    runs: int
    error: str | None = None
    #: Wall and CPU time of each timed run, in round order (runs of one round pair up).
    walls_ms: tuple[float, ...] = ()
    cpus_ms: tuple[float, ...] = ()


#: s3types' first event, once ``event`` holds the loaded notification.
S3TYPES_FIRST_EVENT_CODE = (
    "from s3types import parse_event\n"
    "r = parse_event(event).records[0]\n"
    "(r.bucket_name, r.key, r.size, r.version_id)\n"
)


def load_event_code(event_text: str) -> str:
    """The lines every first-event program starts with: ``event`` is the notification."""
    return f"import json\nevent = json.loads({event_text!r})\n"


#: The floor's one-field model, defined and validated once (``BaseModel`` imported).
FLOOR_MODEL_CODE = (
    "class Notification(BaseModel):\n"
    "    Records: list[object]\n"
    "Notification.model_validate(event)\n"
)


def pydantic_import_code(event_text: str) -> str:
    """The floor up to its model: the event loaded and ``BaseModel`` imported."""
    return load_event_code(event_text) + "from pydantic import BaseModel\n"


def pydantic_floor_code(event_text: str) -> str:
    """What any pydantic-based parser pays at least: the model machinery and its plugin lookup."""
    return pydantic_import_code(event_text) + FLOOR_MODEL_CODE


def core_programs(event_text: str) -> list[Program]:
    """The interpreter, pydantic, s3types, and a first event through s3types vs Powertools."""
    load = load_event_code(event_text)
    s3types_first = load + S3TYPES_FIRST_EVENT_CODE
    powertools_first = (
        load
        + "from urllib.parse import unquote_plus\n"
        + "from aws_lambda_powertools.utilities.parser import parse\n"
        + "from aws_lambda_powertools.utilities.parser.models import S3Model\n"
        + "r = parse(event=event, model=S3Model).Records[0]\n"
        + "o = r.s3.object\n"
        + "(r.s3.bucket.name, unquote_plus(o.key), o.size, o.versionId)\n"
    )
    # pydantic's plugin lookup (importlib.metadata) runs on its first validator.
    pydantic_floor = pydantic_floor_code(event_text)
    return [
        Program("python -c pass", "pass"),
        Program("from pydantic import BaseModel", "from pydantic import BaseModel"),
        Program(PYDANTIC_FLOOR, pydantic_floor),
        Program("import s3types", "import s3types"),
        Program(S3TYPES_FIRST_EVENT, s3types_first),
        Program(POWERTOOLS_FIRST_EVENT, powertools_first),
    ]


def _framework_modules(adapter: str, framework: str, env: dict[str, str]) -> list[str]:
    # The framework modules the adapter really loads, reduced to those a fresh
    # process must import by name to load them all, so the baseline imports
    # exactly what the adapter pulls in (plus s3types) and nothing else: the
    # difference is the adapter's own cost.
    code = (
        "import importlib, json, sys\n"
        f"import {adapter}\n"
        f"loaded = sorted(m for m in sys.modules if m == {framework!r}"
        f" or m.startswith({framework + '.'!r}))\n"
        "print(json.dumps(loaded))\n"
    )
    done = _python(code, env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()
        raise RuntimeError(last[-1] if last else f"exit code {done.returncode}")
    if not framework:
        return []
    minimal = (
        "import importlib, json, sys\n"
        f"needed = []\nfor name in {done.stdout.strip()}:\n"
        "    if name not in sys.modules:\n"
        "        importlib.import_module(name)\n"
        "        needed.append(name)\n"
        "print(json.dumps(needed))\n"
    )
    reduced = _python(minimal, env, capture_output=True, text=True, check=True)
    modules: list[str] = json.loads(reduced.stdout)
    return modules


@dataclass(frozen=True)
class AdapterPrograms:
    """What an adapter's import is compared with."""

    adapter: str
    framework: str
    #: The framework modules the adapter loads, alone.
    framework_alone: Program
    #: The same plus ``import s3types``: what the adapter may not exceed by 5 ms.
    baseline: Program
    adapter_import: Program
    #: The baseline's imports, then ``import adapter`` timed inside the process.
    timed_import: Program


def adapter_programs(env: dict[str, str]) -> tuple[list[AdapterPrograms], dict[str, str]]:
    """Programs per importable adapter, and the error of each adapter that fails to import."""
    built: list[AdapterPrograms] = []
    errors: dict[str, str] = {}
    for adapter, framework in ADAPTERS.items():
        try:
            modules = _framework_modules(adapter, framework, env)
        except RuntimeError as err:
            errors[adapter] = str(err)
            continue
        label = framework or "(no framework)"
        framework_code = "".join(f"import {module}\n" for module in modules)
        built.append(
            AdapterPrograms(
                adapter=adapter,
                framework=label,
                framework_alone=Program(f"{label}: its own import", framework_code or "pass"),
                baseline=Program(f"{label} + s3types", framework_code + "import s3types\n"),
                adapter_import=Program(f"import {adapter}", f"import {adapter}"),
                timed_import=timed_after(
                    framework_code + "import s3types\n",
                    f"import {adapter}",
                    f"import {adapter}, timed after {label} + s3types",
                ),
            )
        )
    return built, errors


def cold_env(cache_dir: str) -> dict[str, str]:
    """The environment of the measured processes: bytecode cached, in ``cache_dir``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPATH", None)
    env["PYTHONPYCACHEPREFIX"] = cache_dir
    return env


def _python(
    code: str, env: dict[str, str], flags: Sequence[str] = (), **options: Any
) -> subprocess.CompletedProcess[Any]:
    # Run from the (empty) cache directory: "python -c" puts the working
    # directory first on sys.path, and the repository must not shadow anything.
    return subprocess.run(
        [sys.executable, *flags, "-c", code], env=env, cwd=env["PYTHONPYCACHEPREFIX"], **options
    )


def _program_env(program: Program, env: dict[str, str]) -> dict[str, str]:
    if not program.env:
        return env
    changed = dict(env)
    for name, value in program.env:
        if value is None:
            changed.pop(name, None)
        else:
            changed[name] = value
    return changed


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class TimedResult:
    """A part of a program timed inside fresh processes (:func:`timed_after`), in ms."""

    wall_ms: float
    wall_low_ms: float
    wall_high_ms: float
    cpu_ms: float
    runs: int


def timed_after(setup: str, timed_code: str, name: str) -> Program:
    """A program that runs ``setup``, then times ``timed_code`` (wall and CPU, printed in ms).

    The difference of two whole processes carries the noise of two
    interpreter starts and imports, tens of ms on a loaded machine; timing
    the part itself, after the same setup, does not.
    """
    body = "".join(f"    {line}\n" for line in timed_code.splitlines())
    code = (
        setup
        + "import time\n"
        + "def timed_part():\n"
        + body
        + "cpu, wall = time.process_time(), time.perf_counter()\n"
        + "timed_part()\n"
        + "wall, cpu = time.perf_counter() - wall, time.process_time() - cpu\n"
        + "print(wall * 1e3, cpu * 1e3)\n"
    )
    return Program(name, code)


def measure_timed(
    programs: Sequence[Program], env: dict[str, str], *, rounds: int, warmup: int = 2
) -> dict[str, TimedResult]:
    """Run :func:`timed_after` programs ``rounds`` times, alternating; keyed by name."""
    samples: dict[str, list[tuple[float, float]]] = {p.name: [] for p in programs}
    for index in range(warmup + rounds):
        for offset in range(len(programs)):
            program = programs[(index + offset) % len(programs)]
            wall, cpu = (float(value) for value in run_program(program, env).split())
            if index >= warmup:
                samples[program.name].append((wall, cpu))
    found: dict[str, TimedResult] = {}
    for name, runs in samples.items():
        walls = [wall for wall, _ in runs]
        low, median, high = statistics.quantiles(walls, n=4)
        cpu = statistics.median(cpu for _, cpu in runs)
        found[name] = TimedResult(median, low, high, cpu, len(runs))
    return found


def run_program(program: Program, env: dict[str, str]) -> str:
    """Run ``program`` once as it is measured (same environment and flags); its stdout."""
    done = _python(
        program.code,
        _program_env(program, env),
        program.flags,
        check=True,
        capture_output=True,
        text=True,
    )
    output: str = done.stdout
    return output


def _run_once(program: Program, env: dict[str, str]) -> tuple[float, float]:
    # Wall time is what a cold start costs; CPU time (user + system) is less
    # disturbed by other load on the machine, so it is reported next to it.
    cpu_before = _children_cpu_s()
    run_env = _program_env(program, env)
    start = time.perf_counter_ns()
    _python(
        program.code,
        run_env,
        program.flags,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wall_ms = (time.perf_counter_ns() - start) / 1e6
    return wall_ms, (_children_cpu_s() - cpu_before) * 1e3


def measure(
    programs: Sequence[Program], env: dict[str, str], *, rounds: int, warmup: int = 2
) -> list[ColdResult]:
    """Median wall time of each program over alternated rounds (after warm-up rounds)."""
    working: list[Program] = []
    failed: dict[str, str] = {}
    for program in programs:
        try:
            for _ in range(warmup):
                _run_once(program, env)
            working.append(program)
        except subprocess.CalledProcessError as err:
            last = (err.stderr or b"").decode(errors="replace").strip().splitlines()
            failed[program.name] = last[-1] if last else f"exit code {err.returncode}"
    samples: dict[str, list[tuple[float, float]]] = {program.name: [] for program in working}
    for round_index in range(rounds):
        for offset in range(len(working)):
            program = working[(round_index + offset) % len(working)]
            samples[program.name].append(_run_once(program, env))
    results = []
    for program in programs:
        if program.name in failed:
            results.append(ColdResult(program.name, 0.0, 0.0, 0.0, 0.0, 0, failed[program.name]))
            continue
        walls = [wall for wall, _ in samples[program.name]]
        cpus = [cpu for _, cpu in samples[program.name]]
        low, median, high = statistics.quantiles(walls, n=4)
        results.append(
            ColdResult(
                program.name,
                median,
                low,
                high,
                statistics.median(cpus),
                len(walls),
                walls_ms=tuple(walls),
                cpus_ms=tuple(cpus),
            )
        )
    return results


def new_cache_dir() -> tempfile.TemporaryDirectory[str]:
    """A private bytecode cache for the measured processes."""
    return tempfile.TemporaryDirectory(prefix="s3types-bench-pyc-")
