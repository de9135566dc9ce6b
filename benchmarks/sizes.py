"""Measure what each install of s3types puts on disk, as a Lambda deployment folder would hold it.

For each extra, in an empty folder per figure, with the wheel built by
``python -m pip wheel --no-deps -w DIST .``:

- ``python -m pip install --target DIR "DIST/s3types-VERSION-py3-none-any.whl[EXTRA]"``:
  pip's default, bytecode (``__pycache__/*.pyc``) compiled;
- the same with ``--no-compile``: no bytecode (Python then compiles each
  module on import, at every cold start; a builder may ship either);
- for the rows that ship, the ``--no-compile`` folder without the packages
  the function never imports: ``s3types_pytest`` (the pytest plugin),
  ``chalice-stubs`` (types for mypy), the adapters of other frameworks, the
  ``bin/`` scripts and the ``*.dist-info`` folders (``rm -r`` them; see
  ``UNUSED``).

A figure is the bytes of every file (what Lambda counts against its 250 MB
unzipped limit), in MB of 10**6 bytes. Writes the table to
``benchmarks/sizes.md``; the README shows the same table
(tests/examples/test_readme.py checks it is the one measured).

    python benchmarks/sizes.py            # measure every row, write sizes.md
    python benchmarks/sizes.py core types # measure some rows, print only
    python benchmarks/sizes.py --check    # measure every row, compare with sizes.md
"""

from __future__ import annotations

import shutil
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
#: The packages of the wheel a function of each shipping row never imports.
UNUSED = {
    "": ("s3types_pytest", "chalice-stubs", "s3types_chalice", "s3types_powertools"),
    "chalice": ("s3types_pytest", "chalice-stubs", "s3types_powertools"),
    "powertools": ("s3types_pytest", "chalice-stubs", "s3types_chalice"),
}
#: Figures that differ by more than this from sizes.md fail ``--check``.
CHECK_TOLERANCE_MB = 0.2


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
    Row(
        "types",
        "type stubs for mypy and pyright (boto3-stubs[s3,sqs,lambda,s3control,events,dynamodb])",
        False,
    ),
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


@dataclass(frozen=True)
class Measured:
    """The three figures of one row, in bytes (``shipped`` None for development rows)."""

    compiled: int
    no_compile: int
    shipped: int | None


def _bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _install(wheel: Path, extra: str, folder: Path, *, compile_bytecode: bool) -> int:
    requirement = f"{wheel}[{extra}]" if extra else str(wheel)
    options = [] if compile_bytecode else ["--no-compile"]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            *options,
            "--target",
            str(folder),
            requirement,
        ],
        check=True,
    )
    return _bytes(folder)


def measure(wheel: Path, extra: str, folder: Path) -> Measured:
    """The row's figures: pip's default install, ``--no-compile``, and what ships of it."""
    compiled = _install(wheel, extra, folder / "compiled", compile_bytecode=True)
    plain = folder / "no-compile"
    no_compile = _install(wheel, extra, plain, compile_bytecode=False)
    if extra not in UNUSED:
        return Measured(compiled, no_compile, None)
    for name in (*UNUSED[extra], "bin"):
        shutil.rmtree(plain / name, ignore_errors=True)
    for info in plain.glob("*.dist-info"):
        shutil.rmtree(info)
    return Measured(compiled, no_compile, _bytes(plain))


def _mb(size: int | None) -> str:
    return "-" if size is None else f"{size / 1e6:.1f} MB"


def table(sizes: dict[str, Measured]) -> str:
    """The Markdown table of the measured rows."""
    lines = [
        "| install | for | ships in the function | `pip install --target` | `--no-compile` |"
        " shipped: `--no-compile`, unused packages removed |",
        "|---|---|---|---|---|---|",
    ]
    for row in ROWS:
        if row.extra not in sizes:
            continue
        name = f"`s3types[{row.extra}]`" if row.extra else "`s3types`"
        ships = "yes" if row.ships else "no (development)"
        size = sizes[row.extra]
        lines.append(
            f"| {name} | {row.purpose} | {ships} | {_mb(size.compiled)} | {_mb(size.no_compile)}"
            f" | {_mb(size.shipped)} |"
        )
    return "\n".join(lines) + "\n"


HEADER = """# Installed sizes

Measured by `python benchmarks/sizes.py` ({python}), in MB of 10^6 bytes: the bytes of
every file in the folder, as Lambda counts them against its {limit} MB
unzipped limit. Bytecode differs between Python versions: measure with the
runtime's. With the wheel built by `python -m pip wheel --no-deps -w dist .`,
each row's figures are, in an empty `DIR`:

- `pip install --target`:
  `python -m pip install --target DIR "dist/s3types-0.1.0-py3-none-any.whl[EXTRA]"`
  (pip's default: bytecode compiled into `__pycache__`);
- `--no-compile`: the same command with `--no-compile` (no bytecode; Python
  compiles on import);
- shipped: the `--no-compile` folder after `rm -r DIR/bin DIR/*.dist-info` and the
  packages the function never imports: `DIR/s3types_pytest` (the pytest plugin),
  `DIR/chalice-stubs` (types for the checkers) and the other frameworks' adapters
  (`DIR/s3types_chalice`, `DIR/s3types_powertools` for a plain function).

"""


def _versions() -> str:
    pip = subprocess.run(
        [sys.executable, "-m", "pip", "--version"], capture_output=True, text=True, check=True
    ).stdout.split()[1]
    return f"Python {sys.version_info.major}.{sys.version_info.minor}, pip {pip}"


def _shown_figures(text: str) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 6 and cells[0].startswith("`s3types"):
            figures[cells[0]] = [
                float(cell.removesuffix(" MB")) for cell in cells[3:] if cell != "-"
            ]
    return figures


def main(argv: list[str]) -> int:
    """Measure the rows named (``core`` for the bare install), or all; write sizes.md for all."""
    check = "--check" in argv
    argv = [name for name in argv if name != "--check"]
    wanted = {"" if name == "core" else name for name in argv} or {row.extra for row in ROWS}
    sizes: dict[str, Measured] = {}
    with tempfile.TemporaryDirectory(prefix="s3types-sizes-") as temp:
        wheel = build_wheel(Path(temp) / "wheel")
        for row in ROWS:
            if row.extra in wanted:
                sizes[row.extra] = measure(wheel, row.extra, Path(temp) / (row.extra or "core"))
                print(f"{row.extra or 'core'}: {sizes[row.extra]}", file=sys.stderr)
    text = table(sizes)
    print(text, end="")
    if check:
        written = _shown_figures(OUTPUT.read_text(encoding="utf-8"))
        fresh = _shown_figures(text)
        off = {
            name: (written.get(name), figures)
            for name, figures in fresh.items()
            if written.get(name) is None
            or any(
                abs(a - b) > CHECK_TOLERANCE_MB for a, b in zip(written[name], figures, strict=True)
            )
        }
        for name, (old, new) in off.items():
            print(f"{name}: sizes.md says {old}, measured {new}", file=sys.stderr)
        return 1 if off else 0
    if not argv:
        header = HEADER.format(python=_versions(), limit=LAMBDA_LIMIT_MB)
        OUTPUT.write_text(header + text, encoding="utf-8")
    core = sizes.get("")
    if core is not None and core.compiled > FUNCTION_BUDGET_MB * 1e6:
        print(f"the plain-Lambda install is over {FUNCTION_BUDGET_MB} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
