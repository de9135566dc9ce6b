"""The README's "Try it" commands, replayed in order in a fresh clone and a fresh venv.

How the replay stays fast enough for CI (nox session ``readme``, a few
minutes at most):

- ``git clone URL`` clones this checkout (its committed HEAD, so the clone is
  what a newcomer gets from the repository), not the network;
- ``python3 -m venv .venv`` makes a real new venv inside the clone;
- ``pip install -e ".[all]" nox`` runs as written, through ``uv pip`` when uv
  is on PATH (CI installs it; same resolution, its cache makes it seconds);
- ``s3types demo`` runs as written and must exit 0;
- ``nox`` is replayed as ``nox --list`` in the clone: the full run is what
  CI itself executes (``.ci/run`` calls exactly ``nox``), so running it again
  inside itself would only double CI's time.

Any command the README adds, drops or reorders fails the first test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"

EXPECTED = [
    "git clone https://github.com/s3types/s3types.git && cd s3types",
    "python3 -m venv .venv && . .venv/bin/activate",
    'pip install -e ".[all]" nox',
    "s3types demo",
    "nox",
]


def readme_commands() -> list[str]:
    """The lines of the bash block under "## Try it"."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Try it", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.DOTALL)
    assert block is not None, "README.md: the Try it section has no bash block"
    return [line for line in block[1].splitlines() if line.strip()]


def test_the_readme_lists_these_commands_in_this_order() -> None:
    assert readme_commands() == EXPECTED


def _run(argv: list[str], cwd: Path, env: dict[str, str], timeout: float = 900) -> str:
    done = subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{' '.join(argv)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.fail("the README replay needs git on PATH")
    target = tmp_path_factory.mktemp("readme") / "s3types"
    env = dict(os.environ)
    _run(["git", "clone", "--quiet", str(ROOT), str(target)], ROOT, env)
    return target


def test_the_commands_run_in_order_in_a_fresh_clone(clone: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    # python3 -m venv .venv && . .venv/bin/activate
    _run([sys.executable, "-m", "venv", ".venv"], clone, env)
    venv_bin = clone / ".venv" / "bin"
    env["VIRTUAL_ENV"] = str(clone / ".venv")
    env["PATH"] = f"{venv_bin}{os.pathsep}{env.get('PATH', '')}"
    # pip install -e ".[all]" nox
    uv = shutil.which("uv")
    if uv is not None:
        install = [uv, "pip", "install", "--python", str(venv_bin / "python")]
    else:
        install = [str(venv_bin / "python"), "-m", "pip", "install"]
    _run([*install, "-e", ".[all]", "nox"], clone, env)
    # s3types demo
    shown = _run([str(venv_bin / "s3types"), "demo"], clone, env, timeout=300)
    assert "ok: all" in shown
    # nox (replayed as nox --list: see the module docstring)
    sessions = _run([str(venv_bin / "nox"), "--list"], clone, env, timeout=120)
    for session in ("lint", "typecheck", "pyright", "docs", "tests", "readme"):
        assert f"* {session}" in sessions, sessions
