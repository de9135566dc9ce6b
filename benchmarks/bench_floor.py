"""s3types' own cold-start cost over pydantic's floor: in the dev venv and a Lambda-like package.

The floor is what any pydantic-based parser pays: a fresh interpreter that
imports pydantic, defines a one-field model and validates once. s3types' own
cost over it is measured two ways, in the same rounds:

- timed inside the process: a fresh interpreter does the floor's work, then
  times (wall and CPU) its own ``import s3types`` and first parsed event.
  That is the cost over the floor itself, with none of the noise of
  comparing two processes (interpreter start and pydantic's import vary by
  tens of ms from one process to the next on a loaded machine, far more
  than the few ms measured). It decides the target. It counts a little
  more than the difference below: s3types' first event does not reuse the
  floor's one-field model, which that difference subtracts.
- the difference of two processes: a fresh interpreter that imports
  s3types and parses one event, minus the floor, as the median of the
  differences of the two within each round (the rounds alternate every
  program, so load on the machine hits both alike).

Beside it, timed the same way, the reference the hot path has too: a bare
pydantic model of the nesting s3types validates (event, record, ``s3``,
object; the other blocks plain dicts), with wire names, plain ``str`` and
``int`` fields and no normalization, defined, validated once and read. It
is what a first event costs any model of this shape, before anything
s3types adds.

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

from benchmarks.bench_cold import (
    FLOOR_MODEL_CODE,
    PYDANTIC_FLOOR,
    S3TYPES_FIRST_EVENT,
    S3TYPES_FIRST_EVENT_CODE,
    ColdResult,
    Program,
    TimedResult,
    measure_timed,
    pydantic_floor_code,
    pydantic_import_code,
    timed_after,
)

__all__ = [
    "FloorResult",
    "FloorSetting",
    "BARE_SHAPE_FIRST_EVENT_CODE",
    "build_lambda_package",
    "floor_settings",
    "inside_program",
    "measure_inside",
    "over_floor",
]

NO_PLUGINS = ("PYDANTIC_DISABLE_PLUGINS", "__all__")


@dataclass(frozen=True)
class FloorSetting:
    """One place the two programs run: the floor and s3types' first event."""

    label: str
    floor: Program
    s3types: Program
    #: The floor's work, then s3types' import and first event timed inside the process.
    inside: Program
    #: The same for the bare reference (:data:`BARE_SHAPE_FIRST_EVENT_CODE`).
    bare: Program
    #: The floor's own model, timed after ``import pydantic``: pydantic's first
    #: validator, with its plugin lookup (what PYDANTIC_DISABLE_PLUGINS skips).
    first_model: Program
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
    #: Timed inside the process, after the floor's work (what decides the target).
    inside: TimedResult | None = None
    #: The bare four-model shape timed the same way (the reference).
    bare: TimedResult | None = None
    #: pydantic's first model, defined and validated, timed after its import.
    first_model: TimedResult | None = None


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


#: The bare reference's first event: four models of s3types' nesting, nothing else.
BARE_SHAPE_FIRST_EVENT_CODE = """\
from pydantic import BaseModel, ConfigDict
bare = ConfigDict(frozen=True, extra="allow", defer_build=True)
class BareObject(BaseModel):
    model_config = bare
    key: str
    size: int | None = None
    eTag: str | None = None
    versionId: str | None = None
    sequencer: str | None = None
class BareEntity(BaseModel):
    model_config = bare
    s3SchemaVersion: str | None = None
    configurationId: str | None = None
    bucket: dict[str, object]
    object: BareObject
class BareRecord(BaseModel):
    model_config = bare
    eventVersion: str
    eventSource: str
    awsRegion: str
    eventTime: str
    eventName: str
    userIdentity: dict[str, object] | None = None
    requestParameters: dict[str, object] | None = None
    responseElements: dict[str, object] | None = None
    s3: BareEntity
    glacierEventData: dict[str, object] | None = None
    replicationEventData: dict[str, object] | None = None
    intelligentTieringEventData: dict[str, object] | None = None
    lifecycleEventData: dict[str, object] | None = None
class BareEvent(BaseModel):
    model_config = bare
    Records: tuple[BareRecord, ...]
r = BareEvent.model_validate(event).Records[0]
(r.s3.bucket["name"], r.s3.object.key, r.s3.object.size, r.s3.object.versionId)
"""


def inside_program(
    event_text: str,
    timed_code: str = S3TYPES_FIRST_EVENT_CODE,
    name: str = "s3types: import + first event, timed after the floor",
) -> Program:
    """The floor's work, then ``timed_code`` timed inside the process."""
    return timed_after(pydantic_floor_code(event_text), timed_code, name)


def floor_settings(
    core: list[Program], package: Path | None, event_text: str
) -> list[FloorSetting]:
    """The floor and s3types programs of ``core_programs``, in each setting."""
    by_name = {program.name: program for program in core}
    floor, first = by_name[PYDANTIC_FLOOR], by_name[S3TYPES_FIRST_EVENT]
    inside = inside_program(event_text)
    bare = inside_program(
        event_text, BARE_SHAPE_FIRST_EVENT_CODE, "bare four-model shape, timed after the floor"
    )
    first_model = timed_after(
        pydantic_import_code(event_text),
        FLOOR_MODEL_CODE,
        "pydantic's first model, timed after its import",
    )
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
                    replace(inside, name=f"{inside.name} [{name}]", flags=flags, env=variables),
                    replace(bare, name=f"{bare.name} [{name}]", flags=flags, env=variables),
                    replace(
                        first_model, name=f"{first_model.name} [{name}]", flags=flags, env=variables
                    ),
                    None if plugins else label,
                )
            )
    return settings


def measure_inside(
    settings: list[FloorSetting], env: dict[str, str], *, rounds: int
) -> dict[str, TimedResult]:
    """Each setting's timed programs (``inside``, ``bare``, ``first_model``), keyed by name."""
    return measure_timed(
        [
            program
            for setting in settings
            for program in (setting.inside, setting.bare, setting.first_model)
        ],
        env,
        rounds=rounds,
    )


def over_floor(
    settings: list[FloorSetting],
    results: dict[str, ColdResult],
    inside: dict[str, TimedResult] | None = None,
) -> list[FloorResult]:
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
                (inside or {}).get(setting.inside.name),
                (inside or {}).get(setting.bare.name),
                (inside or {}).get(setting.first_model.name),
            )
        )
    return found
