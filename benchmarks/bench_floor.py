"""s3types' own cold-start cost over pydantic's floor: in the dev venv and a Lambda-like package.

The floor is what any pydantic-based parser pays: a fresh interpreter that
imports pydantic, defines a one-field model and validates once. s3types' own
cost is a fresh interpreter that imports s3types and parses one event, minus
the floor, as the median of the differences of the two within each round
(the rounds alternate every program, so load on the machine hits both alike).

Measured where a function really runs, too: a folder made by
``pip install --target`` of s3types without extras (pydantic and what it
needs, nothing else), run with ``python -S`` and ``PYTHONPATH`` set to it, as
Lambda runs a deployment package. pydantic looks up plugins in every
installed distribution's entry points on the first validator it builds, so
a dev venv with hundreds of distributions pays more than a function does;
each setting is measured again with ``PYDANTIC_DISABLE_PLUGINS=__all__``.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from benchmarks.bench_cold import PYDANTIC_FLOOR, S3TYPES_FIRST_EVENT, ColdResult, Program

__all__ = ["FloorResult", "FloorSetting", "build_lambda_package", "floor_settings", "over_floor"]

NO_PLUGINS = ("PYDANTIC_DISABLE_PLUGINS", "__all__")


@dataclass(frozen=True)
class FloorSetting:
    """One place the two programs run: the floor and s3types' first event."""

    label: str
    floor: Program
    s3types: Program
    #: The setting this one differs from only by disabling pydantic's plugins.
    plugins_on: str | None = None


@dataclass(frozen=True)
class FloorResult:
    """s3types' first event over the floor in one setting, in ms (medians of the rounds)."""

    setting: str
    floor_ms: float
    s3types_ms: float
    #: Median over the rounds of (s3types - floor) in the same round.
    over_ms: float
    over_low_ms: float
    over_high_ms: float
    runs: int
    plugins_on: str | None = None
    #: The same median difference in CPU time (user + system), less disturbed by load.
    over_cpu_ms: float = 0.0


def build_lambda_package(root: Path, target: Path) -> None:
    """``pip install --target`` the project at ``root`` without extras: what a function ships."""
    uv = shutil.which("uv") or shutil.which("uv", path=str(Path(sys.executable).parent))
    if uv:
        command = [uv, "pip", "install", "--quiet", "--python", sys.executable]
    else:
        command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-warn-script-location"]
    done = subprocess.run(
        [*command, "--target", str(target), str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()
        raise RuntimeError(last[-1] if last else f"exit code {done.returncode}")


def floor_settings(core: list[Program], package: Path | None) -> list[FloorSetting]:
    """The floor and s3types programs of ``core_programs``, in each setting."""
    by_name = {program.name: program for program in core}
    floor, first = by_name[PYDANTIC_FLOOR], by_name[S3TYPES_FIRST_EVENT]
    places: list[tuple[str, tuple[str, ...], tuple[tuple[str, str | None], ...]]] = [
        ("dev venv", (), ())
    ]
    if package is not None:
        isolated = (("PYTHONPATH", str(package)), ("PYTHONNOUSERSITE", "1"))
        places.append(("Lambda-like package (pip install --target, python -S)", ("-S",), isolated))
    settings: list[FloorSetting] = []
    for label, flags, env in places:
        for plugins in (True, False):
            name = label if plugins else f"{label}, {NO_PLUGINS[0]}={NO_PLUGINS[1]}"
            variables = env if plugins else (*env, NO_PLUGINS)
            settings.append(
                FloorSetting(
                    name,
                    replace(floor, name=f"{floor.name} [{name}]", flags=flags, env=variables),
                    replace(first, name=f"{first.name} [{name}]", flags=flags, env=variables),
                    None if plugins else label,
                )
            )
    return settings


def over_floor(settings: list[FloorSetting], results: dict[str, ColdResult]) -> list[FloorResult]:
    """s3types' cost over the floor per setting (settings whose programs failed are left out)."""
    found: list[FloorResult] = []
    for setting in settings:
        floor, ours = results[setting.floor.name], results[setting.s3types.name]
        if floor.error is not None or ours.error is not None:
            continue
        differences = [a - b for a, b in zip(ours.walls_ms, floor.walls_ms, strict=True)]
        low, median, high = statistics.quantiles(differences, n=4)
        cpu = [a - b for a, b in zip(ours.cpus_ms, floor.cpus_ms, strict=True)]
        found.append(
            FloorResult(
                setting.label,
                floor.median_ms,
                ours.median_ms,
                median,
                low,
                high,
                len(differences),
                setting.plugins_on,
                statistics.median(cpu),
            )
        )
    return found
