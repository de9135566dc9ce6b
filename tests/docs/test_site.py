"""The docs site builds with ``mkdocs build --strict``, and a broken link fails that build.

Run by the nox session ``docs`` (it installs mkdocs); not collected by plain
``pytest`` (see ``norecursedirs``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _build(root: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _copy_project(target: Path) -> Path:
    for name in ("docs", "examples", "tests", "benchmarks", "s3types", "adapters"):
        shutil.copytree(ROOT / name, target / name, symlinks=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def test_the_site_builds_strict_and_includes_the_examples(tmp_path: Path) -> None:
    built = _build(ROOT, tmp_path / "site")

    assert built.returncode == 0, built.stderr
    chalice = (tmp_path / "site" / "adapters" / "chalice" / "index.html").read_text("utf-8")
    assert "on_s3_change" in chalice
    assert "--8&lt;--" not in chalice


def test_a_broken_link_fails_the_build(tmp_path: Path) -> None:
    project = _copy_project(tmp_path / "project")
    page = project / "docs" / "cli.md"
    page.write_text(page.read_text("utf-8") + "\nSee [nowhere](no-such-page.md).\n", "utf-8")

    built = _build(project, tmp_path / "site")

    assert built.returncode != 0
    assert "no-such-page.md" in built.stderr
