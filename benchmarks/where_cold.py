"""Where s3types' cold start goes: import time per module, validator build time per model.

Not part of ``run.py`` (it explains a number rather than compares with a
peer): ``python benchmarks/where_cold.py [--runs 15] [--package DIR]``.
Each figure is the median over fresh processes (bytecode cached):

- ``python -X importtime`` self time of every module ``import s3types`` and
  the first parsed event load, summed per top-level package, and each
  ``s3types`` module on its own;
- per pydantic model of ``s3types``, the time ``model_rebuild(force=True)``
  takes to build its schema and validator (the work ``defer_build`` moves to
  the first event; S3Event first, as the first event builds it, the others
  after it reuse the schemas of models it holds), and pydantic's plugin
  lookup on its own.

``--package DIR`` runs in a Lambda-like folder (``pip install --target DIR``)
with ``python -S`` instead of this venv.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict

# The first-event program of the benchmark: the event comes as JSON text, so
# nothing but s3types and what it needs is imported (not s3types.testing).
_EVENT = {
    "Records": [
        {
            "eventVersion": "2.1",
            "eventSource": "aws:s3",
            "awsRegion": "us-east-1",
            "eventTime": "2024-06-01T12:00:00.000Z",
            "eventName": "ObjectCreated:Put",
            "s3": {
                "s3SchemaVersion": "1.0",
                "bucket": {"name": "photos", "arn": "arn:aws:s3:::photos"},
                "object": {"key": "a.jpg", "size": 3, "sequencer": "0055AED6DCD90281E5"},
            },
        }
    ]
}
FIRST_EVENT = (
    f"import json\nevent = json.loads({json.dumps(_EVENT)!r})\n"
    "from s3types import parse_event\n"
    "r = parse_event(event).records[0]\n"
    "(r.bucket_name, r.key, r.size, r.version_id)\n"
)
MODEL_BUILDS = """
import json, time, inspect
t0 = time.perf_counter()
from pydantic.plugin._loader import get_plugins
list(get_plugins())
found = {"pydantic plugin lookup": (time.perf_counter() - t0) * 1e3}
import pydantic, s3types
# S3Event first: what the first event pays; the others after it reuse parts.
for name in sorted(s3types.__all__, key=lambda name: (name != "S3Event", name)):
    value = getattr(s3types, name)
    if inspect.isclass(value) and issubclass(value, pydantic.BaseModel):
        start = time.perf_counter()
        value.model_rebuild(force=True)
        found[name] = (time.perf_counter() - start) * 1e3
print(json.dumps(found))
"""


def _run(code: str, env: dict[str, str], flags: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *flags, "-c", code],
        env=env,
        cwd=env["PYTHONPYCACHEPREFIX"],
        capture_output=True,
        text=True,
        check=True,
    )


def _import_times(stderr: str) -> dict[str, float]:
    times: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, _, name = (part.strip() for part in line.partition(":")[2].split("|"))
        times[name] = int(self_us) / 1e3
    return times


def main() -> None:
    """Print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--package", help="a pip install --target folder, run with python -S")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="s3types-where-pyc-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        flags: list[str] = []
        if args.package:
            env["PYTHONPATH"], flags = args.package, ["-S"]
        _run(FIRST_EVENT, env, flags)  # fills the bytecode cache
        per_package: dict[str, list[float]] = defaultdict(list)
        per_module: dict[str, list[float]] = defaultdict(list)
        builds: dict[str, list[float]] = defaultdict(list)
        for _ in range(args.runs):
            times = _import_times(_run(FIRST_EVENT, env, [*flags, "-X", "importtime"]).stderr)
            sums: dict[str, float] = defaultdict(float)
            for name, ms in times.items():
                sums[name.split(".")[0]] += ms
                if name.startswith("s3types"):
                    per_module[name].append(ms)
            for top, ms in sums.items():
                per_package[top].append(ms)
            for name, ms in json.loads(_run(MODEL_BUILDS, env, flags).stdout).items():
                builds[name].append(ms)
    print(f"median of {args.runs} fresh processes, ms")
    print("\nimport self time per top-level package (first event):")
    for top, values in sorted(per_package.items(), key=lambda item: -statistics.median(item[1])):
        if statistics.median(values) >= 0.5:
            print(f"  {statistics.median(values):7.2f}  {top}")
    print("\ns3types modules, self time:")
    for name, values in sorted(per_module.items(), key=lambda item: -statistics.median(item[1])):
        print(f"  {statistics.median(values):7.2f}  {name}")
    print("\nschema + validator build, model_rebuild(force=True), and the plugin lookup:")
    for name, values in sorted(builds.items(), key=lambda item: -statistics.median(item[1])):
        print(f"  {statistics.median(values):7.2f}  {name}")


if __name__ == "__main__":
    main()
