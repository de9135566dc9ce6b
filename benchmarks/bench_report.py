"""The report: markdown tables with ratios and targets, the chart, the README section."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

__all__ = [
    "HotTiming",
    "Target",
    "machine_info",
    "markdown_table",
    "update_readme",
    "write_chart",
]

START = "<!-- benchmark results: start (written by benchmarks/run.py) -->"
END = "<!-- benchmark results: end -->"


@dataclass(frozen=True)
class HotTiming:
    """Median seconds per event of one reader on one input kind in one scenario."""

    scenario: str
    records: int
    key_kind: str
    reader: str
    source: str
    role: str
    seconds: float


@dataclass(frozen=True)
class Target:
    """One goal of the issue, its measured value and whether it was met."""

    goal: str
    measured: str
    met: bool
    #: What the no-normalization reference reaches on the same measure.
    reference: str = ""

    @property
    def verdict(self) -> str:
        """``PASS`` or ``MISS``."""
        return "PASS" if self.met else "MISS"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "not installed"


def machine_info() -> list[str]:
    """Lines describing where and when the numbers were taken."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    packages = ", ".join(
        f"{name} {_version(name)}"
        for name in ("s3types", "pydantic", "pydantic-core", "aws-lambda-powertools", "chalice")
    )
    return [
        f"Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"Machine: {_cpu_model()}, {os.cpu_count()} CPUs, {platform.platform()},"
        f" load average at start {load}",
        f"Python {platform.python_version()} ({platform.python_implementation()}); {packages}",
    ]


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def update_readme(readme: Path, section: str) -> None:
    """Replace what is between the markers of ``readme`` with ``section``."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"{readme}: the markers {START!r} and {END!r} are missing")
    replacement = f"{START}\n\n{section.strip()}\n\n{END}"
    readme.write_text(pattern.sub(lambda _: replacement, text), encoding="utf-8")


_COLORS = {"s3types": "#1f77b4", "peer": "#ff7f0e", "floor": "#9a9a9a"}


def write_chart(timings: Sequence[HotTiming], path: Path) -> None:
    """Horizontal bars of time per event by reader: one panel per direct scenario."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    scenarios = list(dict.fromkeys(t.scenario for t in timings if "SQS" not in t.scenario))
    figure, axes = plt.subplots(2, 2, figsize=(15, 11))
    for axis, scenario in zip(axes.flat, scenarios, strict=False):
        rows = [t for t in timings if t.scenario == scenario]
        rows.sort(key=lambda t: t.seconds, reverse=True)
        unit, scale = ("µs", 1e6)
        labels = [f"{t.reader} [{t.source}]" for t in rows]
        values = [t.seconds * scale for t in rows]
        bars = axis.barh(labels, values, color=[_COLORS[t.role] for t in rows])
        axis.bar_label(bars, labels=[f"{v:,.1f}" for v in values], padding=3, fontsize=7)
        axis.set_title(f"{scenario}: time per event ({unit}, median, lower is better)", fontsize=9)
        axis.tick_params(axis="y", labelsize=7)
        axis.tick_params(axis="x", labelsize=7)
        axis.set_xlim(0, max(values) * 1.18)
    figure.legend(
        handles=[
            Patch(color=_COLORS["s3types"], label="s3types (validated, normalized)"),
            Patch(color=_COLORS["peer"], label="peers"),
            Patch(color=_COLORS["floor"], label="references (no validation or no normalization)"),
        ],
        loc="lower center",
        ncol=3,
        fontsize=9,
    )
    figure.suptitle("Parse an S3 notification and read bucket, key, size, version id")
    figure.tight_layout(rect=(0, 0.03, 1, 0.97))
    figure.savefig(path, dpi=110)
    plt.close(figure)
