"""The docs site builds strict, shows no raw Sphinx role, and a broken link fails its build.

Run by the nox session ``docs`` (it installs mkdocs), on the site it has just
built into ``site/`` (``S3TYPES_SITE``); without that variable the site is
built into a temporary folder. Not collected by plain ``pytest`` (see
``norecursedirs``).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
# A Sphinx role as it shows when left raw: ":func:" then the name, in backticks or <code>.
RAW_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|data|attr|mod|exc|obj|const):(?:`|<code>)")
UNLINKED = re.compile(r'<span title="(?P<identifier>s3types[\w.]*)"><code>')
PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)


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


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: the one nox's docs session made, else a fresh strict build."""
    given = os.environ.get("S3TYPES_SITE")
    if given:
        built = ROOT / given
        assert (built / "index.html").is_file(), f"S3TYPES_SITE={given}: no site built there"
        return built
    folder = tmp_path_factory.mktemp("site")
    done = _build(ROOT, folder)
    assert done.returncode == 0, done.stderr
    return folder


def _pages(site: Path) -> dict[str, str]:
    return {str(page.relative_to(site)): page.read_text("utf-8") for page in site.rglob("*.html")}


def test_the_site_includes_the_examples(site: Path) -> None:
    chalice = (site / "adapters" / "chalice" / "index.html").read_text("utf-8")
    assert "on_s3_change" in chalice
    assert "--8&lt;--" not in chalice


def test_no_page_shows_a_raw_sphinx_role(site: Path) -> None:
    # Code blocks are source as written (a docstring in an example may use a role).
    raw = {
        name: [m.group(0) for m in RAW_ROLE.finditer(PRE.sub("", text))]
        for name, text in _pages(site).items()
    }
    assert {name: found for name, found in raw.items() if found} == {}


def test_roles_to_the_public_api_are_links(site: Path) -> None:
    api = (site / "api" / "index.html").read_text("utf-8")
    # Optional references the build could not resolve are left as <span title=...>:
    # one whose target is public (no _private part) means the API page lacks it.
    unlinked = {
        found["identifier"]
        for text in _pages(site).values()
        for found in UNLINKED.finditer(text)
        if not any(part.startswith("_") for part in found["identifier"].split("."))
    }
    assert unlinked == set()
    link = re.compile(r'<a class="autorefs[^"]*"[^>]*href="[^"]*#s3types\.S3EventError"')
    assert link.search(api), "the roles naming s3types.S3EventError are not links"


def _block_lines(markdown: str, section: str) -> list[str]:
    start = markdown.index(f"--8<-- [start:{section}]")
    block = re.search(r"```bash\n(.*?)```", markdown[start:], re.DOTALL)
    assert block is not None, f"README.md: no bash block in section {section}"
    return [line for line in block[1].splitlines() if line.strip()]


def test_the_home_page_shows_the_readme_commands(site: Path) -> None:
    home = html.unescape(re.sub(r"<[^>]+>", "", (site / "index.html").read_text("utf-8")))
    readme = README.read_text("utf-8")

    for section in ("try-it", "next"):
        lines = _block_lines(readme, section)
        shown = "\n".join(lines)
        assert shown in home, f"the docs home page lacks the README's {section} commands"


def _copy_project(target: Path) -> Path:
    for name in ("docs", "examples", "benchmarks", "tests"):
        shutil.copytree(ROOT / name, target / name, symlinks=True)
    shutil.copy(README, target / "README.md")
    # The link check is mkdocs' own; without the API pages (mkdocstrings, the
    # slow part) the build takes seconds.
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    plugins = config.index("\n  - mkdocstrings:")
    (target / "mkdocs.yml").write_text(config[:plugins] + "\n", "utf-8")
    api = target / "docs" / "api.md"
    api.write_text("# API reference\n", "utf-8")
    return target


def test_a_broken_link_fails_the_build(tmp_path: Path) -> None:
    project = _copy_project(tmp_path / "project")
    intact = _build(project, tmp_path / "intact")
    page = project / "docs" / "cli.md"
    page.write_text(page.read_text("utf-8") + "\nSee [nowhere](no-such-page.md).\n", "utf-8")

    broken = _build(project, tmp_path / "site")

    assert intact.returncode == 0, intact.stderr
    assert broken.returncode != 0
    assert "no-such-page.md" in broken.stderr
