"""Measure what each install of s3types puts on disk, as a Lambda deployment folder would hold it.

For each extra, ``pip install --target`` the freshly built wheel with that
extra into an empty folder (``--no-compile``: Lambda does not need the .pyc
files, and zipping them is the builder's choice) and add up the bytes of
every file, which is what Lambda counts against its 250 MB unzipped limit.
Writes the table to ``benchmarks/sizes.md``; the README shows the same table
(tests/examples/test_readme.py checks it is the one measured).

    python benchmarks/sizes.py            # measure every row, write sizes.md
    python benchmarks/sizes.py core types # measure some rows, print only
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "benchmarks" / "sizes.md"
LAMBDA_LIMIT_MB = 250
#: What the plain-Lambda deployment must stay under (issue 16).
FUNCTION_BUDGET_MB = 20


@dataclass(frozen=True)
class Row:
    """One install to measure: the extra, what it is for, where it goes."""

    extra: str
    purpose: str
    ships: bool


ROWS = (
    Row("", "the event model, `s3types_lambda`, `s3types.ops` on Lambda's own boto3", True),
    Row("chalice", "`s3types_chalice` (Chalice apps; with the `chalice` stub package)", True),
    Row("powertools", "`s3types_powertools` (Powertools data classes, Parser)", True),
    Row("boto3", "`s3types.ops` outside Lambda (containers, scripts): boto3 itself", False),
    Row("types", "type stubs for mypy and pyright (boto3-stubs[s3,sqs])", False),
    Row("server", "`s3types demo`, `LocalS3Server`: moto's S3 server and boto3", False),
    Row(
        "testing",
        "the pytest plugin's fixtures, hypothesis strategies: pytest, hypothesis, server",
        False,
    ),
    Row("all", "development: every extra above", False),
)


def build_wheel(folder: Path) -> Path:
    """Build s3types' wheel (no dependencies) into ``folder``; its path."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(folder),
            str(ROOT),
        ],
        check=True,
    )
    [wheel] = folder.glob("s3types-*.whl")
    return wheel


def installed_bytes(wheel: Path, extra: str, folder: Path) -> int:
    """Bytes of every file ``pip install --target`` writes for the wheel with ``extra``."""
    requirement = f"{wheel}[{extra}]" if extra else str(wheel)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-compile",
            "--disable-pip-version-check",
            "--target",
            str(folder),
            requirement,
        ],
        check=True,
    )
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def table(sizes: dict[str, int]) -> str:
    """The Markdown table of the measured rows."""
    lines = [
        "| install | for | ships in the function | installed size |",
        "|---|---|---|---|",
    ]
    for row in ROWS:
        if row.extra not in sizes:
            continue
        name = f"`s3types[{row.extra}]`" if row.extra else "`s3types`"
        ships = "yes" if row.ships else "no (development)"
        lines.append(f"| {name} | {row.purpose} | {ships} | {sizes[row.extra] / 1e6:.1f} MB |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """Measure the rows named (``core`` for the bare install), or all; write sizes.md for all."""
    wanted = {"" if name == "core" else name for name in argv} or {row.extra for row in ROWS}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="s3types-sizes-") as temp:
        wheel = build_wheel(Path(temp) / "wheel")
        for row in ROWS:
            if row.extra in wanted:
                sizes[row.extra] = installed_bytes(
                    wheel, row.extra, Path(temp) / (row.extra or "core")
                )
                print(f"{row.extra or 'core'}: {sizes[row.extra] / 1e6:.1f} MB", file=sys.stderr)
    text = table(sizes)
    print(text, end="")
    if not argv:
        OUTPUT.write_text(
            "# Installed sizes\n\n"
            "Measured by `python benchmarks/sizes.py` (`pip install --target` of the built"
            " wheel per extra, `--no-compile`, bytes of every file; Lambda's unzipped limit is"
            f" {LAMBDA_LIMIT_MB} MB).\n\n" + text,
            encoding="utf-8",
        )
    core = sizes.get("")
    if core is not None and core > FUNCTION_BUDGET_MB * 1e6:
        print(f"the plain-Lambda install is over {FUNCTION_BUDGET_MB} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
