"""Running ``python -m s3types`` as a user runs it, for the command-line tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """``python -m s3types ARGS`` from the repository root, ``stdin`` fed in, bytes out."""
    return subprocess.run(
        [sys.executable, "-m", "s3types", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )


def run_cli_text(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m s3types ARGS`` from the repository root, in ``env``, text out."""
    return subprocess.run(
        [sys.executable, "-m", "s3types", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
        env=env,
    )
