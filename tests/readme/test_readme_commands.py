"""The README's "Try it" commands, replayed in order in a fresh clone and a fresh venv.

The docs home page shows the same two blocks (it includes them from
README.md; tests/docs checks the built page), so this replays both. How
the replay stays fast enough for CI (nox session ``readme``, a few minutes
at most):

- ``git clone URL`` clones this checkout (its committed HEAD, so the clone is
  what a newcomer gets from the repository), not the network;
- ``python3 -m venv .venv`` makes a real new venv inside the clone;
- ``pip install ...`` runs as written, through ``uv pip`` when uv is on PATH
  (CI installs it; same resolution, its cache makes it seconds);
- ``s3types demo`` runs as written and must exit 0;
- ``nox`` is replayed as ``nox --list`` in the clone: the full run is what
  CI itself executes (``.ci/run`` calls exactly ``nox``), so running it again
  inside itself would only double CI's time;
- ``nox -s docs`` runs as written and must leave ``site/index.html``;
- ``nox -s docs -- serve`` runs with a free port added
  (``serve 127.0.0.1:PORT``: 8000 may be taken on a shared machine); the
  home page is fetched from 127.0.0.1 and the server stopped with Ctrl-C's
  signal;
- ``mypy --strict`` and ``pyright`` run as written on the example, with the
  stubs of ``s3types[types]`` only (the venv has no other ``mypy_boto3_*``).

Any command the README adds, drops or reorders fails the first test.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
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
    "nox -s docs",
    "nox -s docs -- serve",
    "pip install mypy pyright",
    "mypy --strict examples/s3_client.py",
    "pyright examples/s3_client.py",
]


def readme_commands() -> list[str]:
    """The lines of the bash blocks "Try it" shows (its try-it and next sections), no comments.

    These sections are what the docs home page includes from README.md.
    """
    text = README.read_text(encoding="utf-8")
    lines: list[str] = []
    for section in ("try-it", "next"):
        start = text.index(f"--8<-- [start:{section}]")
        end = text.index(f"--8<-- [end:{section}]")
        block = re.search(r"```bash\n(.*?)```", text[start:end], re.DOTALL)
        assert block is not None, f"README.md: no bash block in the {section} section"
        lines += [line.split(" # ", 1)[0].strip() for line in block[1].splitlines()]
    return [line for line in lines if line]


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _serve_and_fetch_the_home_page(argv: list[str], cwd: Path, env: dict[str, str]) -> str:
    port = _free_port()
    # The own process group, so Ctrl-C's signal reaches nox and mkdocs alike.
    server = subprocess.Popen(
        [*argv, f"127.0.0.1:{port}"],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    return str(page.read().decode("utf-8"))
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    output = server.stdout.read() if server.stdout else ""
                    pytest.fail(f"{' '.join(argv)} served nothing on port {port}:\n{output}")
                time.sleep(1)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


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
    for session in ("lint", "typecheck", "pyright", "docs", "tests", "readme", "types_extra"):
        assert f"* {session}" in sessions, sessions
    # nox -s docs
    _run([str(venv_bin / "nox"), "-s", "docs"], clone, env)
    assert "s3types" in (clone / "site" / "index.html").read_text("utf-8")
    # nox -s docs -- serve (on a free port: see the module docstring)
    home = _serve_and_fetch_the_home_page(
        [str(venv_bin / "nox"), "-s", "docs", "--", "serve"], clone, env
    )
    assert "<title>" in home
    assert "s3types demo" in home
    # pip install mypy pyright
    _run([*install, "mypy", "pyright"], clone, env)
    stubs = _run([str(venv_bin / "python"), "-m", "pip", "list"], clone, env)
    extra = re.search(r'types = \["boto3-stubs\[([\w,]+)\]', (clone / "pyproject.toml").read_text())
    assert extra is not None
    installed = sorted(re.findall(r"^mypy-boto3-([\w-]+)", stubs, re.MULTILINE))
    assert installed == sorted(extra[1].split(",")), installed
    # mypy --strict examples/s3_client.py
    _run([str(venv_bin / "mypy"), "--strict", "examples/s3_client.py"], clone, env)
    # pyright examples/s3_client.py
    _run([str(venv_bin / "pyright"), "examples/s3_client.py"], clone, env)
