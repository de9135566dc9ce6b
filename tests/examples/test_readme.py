"""The README cannot drift: its code is pulled from files that run, and its commands work.

Every ```python block in README.md sits right under a marker naming where it
comes from, and must be byte-identical to it:

    <!-- from: examples/operations.py -->                       the whole file
    <!-- from: examples/chalice_app.py#app -->                  a snippet section
    <!-- from: examples/lambda_handler.py:handler -->           one top-level definition
    <!-- from: examples/chalice_app.py:BUCKET..forget_photos --> a run of them, first to last

A section is what lies between ``# --8<-- [start:NAME]`` and ``# --8<-- [end:NAME]``
(the markers pymdownx.snippets reads for the docs site), blank lines at its ends
dropped. A definition is a function or class (decorators included) or an
assignment. The docs pages show code only through snippet includes, and the
size table is the one benchmarks/sizes.py measured.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from s3types._cli import main

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"

_BLOCK = re.compile(r"^```(?P<lang>[\w-]*)\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL)
_MARKER = re.compile(
    r"<!-- from: (?P<path>[^:#\s]+)"
    r"(?:#(?P<section>[\w-]+)|:(?P<first>\w+)(?:\.\.(?P<last>\w+))?)? -->\n$"
)


def _python_blocks() -> list[tuple[int, str, re.Match[str] | None]]:
    text = README.read_text(encoding="utf-8")
    blocks = []
    for block in _BLOCK.finditer(text):
        if block["lang"] != "python":
            continue
        line = text.count("\n", 0, block.start()) + 1
        marker = _MARKER.search(text, 0, block.start())
        marker = marker if marker is not None and marker.end() == block.start() else None
        blocks.append((line, block["body"], marker))
    return blocks


def _names(statement: ast.stmt) -> list[str]:
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [statement.name]
    if isinstance(statement, ast.Assign):
        return [t.id for t in statement.targets if isinstance(t, ast.Name)]
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return [statement.target.id]
    return []


def snippet_section(path: str, name: str) -> str:
    """The lines between a file's ``--8<-- [start:name]`` and ``[end:name]`` markers."""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if f"--8<-- [start:{name}]" in line]
    ends = [i for i, line in enumerate(lines) if f"--8<-- [end:{name}]" in line]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        pytest.fail(f"{path} has no single section {name!r} (the README names it)")
    return "".join(lines[starts[0] + 1 : ends[0]]).strip("\n") + "\n"


def _source(path: str, first: str | None, last: str | None, section: str | None = None) -> str:
    if section is not None:
        return snippet_section(path, section)
    text = (ROOT / path).read_text(encoding="utf-8")
    if first is None:
        return text
    lines = text.splitlines(keepends=True)
    statements = ast.parse(text).body
    where = {name: s for s in statements for name in _names(s)}
    for name in (first, last or first):
        if name not in where:
            pytest.fail(f"{path} has no top-level definition {name!r} (the README names it)")
    start = where[first]
    end = where[last or first]
    decorators = getattr(start, "decorator_list", [])
    first_line = min([start.lineno, *(d.lineno for d in decorators)])
    assert end.end_lineno is not None
    return "".join(lines[first_line - 1 : end.end_lineno])


BLOCKS = _python_blocks()


def test_the_readme_shows_code() -> None:
    assert len(BLOCKS) >= 6


@pytest.mark.parametrize(
    ("line", "body", "marker"), BLOCKS, ids=[f"README.md:{line}" for line, _, _ in BLOCKS]
)
def test_each_code_block_is_the_file_it_names(
    line: int, body: str, marker: re.Match[str] | None
) -> None:
    assert marker is not None, (
        f"README.md line {line}: a python block must come from a file that runs; put"
        " <!-- from: examples/FILE.py[:NAME[..NAME]] --> on the line above it"
    )
    expected = _source(marker["path"], marker["first"], marker["last"], marker["section"])
    assert body == expected, (
        f"README.md line {line} differs from {marker['path']}"
        f"{':' + marker['first'] if marker['first'] else ''}"
        f"{'#' + marker['section'] if marker['section'] else ''}:"
        " copy the file's text into the README"
    )


def _s3types(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "s3types", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_the_event_to_parse_pipe_shows_the_decoded_key() -> None:
    text = README.read_text(encoding="utf-8")
    assert "s3types event put --bucket b --key 'red flower+ä.jpg' | s3types parse -" in text

    made = _s3types("event", "put", "--bucket", "b", "--key", "red flower+ä.jpg")
    parsed = _s3types("parse", "-", stdin=made.stdout)

    assert made.returncode == 0, made.stderr
    assert parsed.returncode == 0, parsed.stderr
    assert "red flower+ä.jpg" in parsed.stdout
    assert "red+flower%2B%C3%A4.jpg" in made.stdout


def test_the_invoke_command_in_the_readme_runs() -> None:
    text = README.read_text(encoding="utf-8")
    command = "s3types invoke examples/lambda_handler.py:inventory --key 'photos/red flower.jpg'"
    assert command in text

    result = _s3types(
        "invoke",
        str(ROOT / "examples/lambda_handler.py") + ":inventory",
        "--key",
        "photos/red flower.jpg",
    )

    assert result.returncode == 0, result.stderr
    assert '"example-bucket": 1024' in result.stdout


def _normalized(line: str) -> str:
    line = re.sub(r"\b[0-9a-f]{8}\b", "<message id>", line)
    line = re.sub(r"\(\d+\.\d s\)", "(<seconds> s)", line)
    return " ".join(line.split())


def test_the_demo_excerpt_is_what_the_demo_prints(capsys: pytest.CaptureFixture[str]) -> None:
    text = README.read_text(encoding="utf-8")
    excerpt = text.split("An excerpt:\n\n```text\n", 1)[1].split("```", 1)[0]

    assert main(["demo"]) == 0
    printed = {_normalized(line) for line in capsys.readouterr().out.splitlines()}

    shown = [line for line in excerpt.splitlines() if line.strip() not in ("", "...")]
    assert len(shown) > 10
    assert [line for line in shown if _normalized(line) not in printed] == []


def test_every_linked_file_exists() -> None:
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\((?!https?://|#)([^)\s]+)\)", text)
    assert links
    missing = [link for link in links if not (ROOT / link.split("#")[0]).exists()]
    assert not missing, f"README.md links to files that do not exist: {missing}"


def _table(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.startswith("|"))


def test_the_size_table_is_the_one_measured() -> None:
    measured = _table((ROOT / "benchmarks" / "sizes.md").read_text(encoding="utf-8"))
    text = README.read_text(encoding="utf-8")
    shown = text.split("## What a function ships", 1)[1].split("\n## ", 1)[0]

    assert "| `s3types` |" in measured
    assert _table(shown) == measured


def test_the_plain_lambda_install_is_under_20_mb() -> None:
    row = next(
        line
        for line in (ROOT / "benchmarks" / "sizes.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| `s3types` |")
    )
    # The whole install as pip makes it (bytecode and unused packages included).
    megabytes = float(row.split("|")[4].strip().removesuffix(" MB"))

    assert megabytes < 20


DOCS = sorted((ROOT / "docs").rglob("*.md"))
_INCLUDE = re.compile(r'^--8<-- "(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"$')


@pytest.mark.parametrize("page", DOCS, ids=[str(p.relative_to(ROOT)) for p in DOCS])
def test_docs_show_code_only_by_including_checked_files(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for block in _BLOCK.finditer(text):
        if block["lang"] != "python":
            continue
        lines = block["body"].strip().splitlines()
        assert len(lines) == 1, f"{page.name}: a python block must be one snippet include"
        include = _INCLUDE.match(lines[0])
        assert include is not None, f"{page.name}: {lines[0]!r} is not a snippet include"
        assert include["path"].startswith(("examples/", "tests/"))
        if include["section"]:
            assert snippet_section(include["path"], include["section"]).strip()


def test_readme_code_names_its_imports() -> None:
    previous_path: str | None = None
    previous_imports = False
    for line, body, marker in BLOCKS:
        assert marker is not None
        has_imports = re.search(r"^(from \S+ import|import \S+)", body, re.MULTILINE) is not None
        if marker["path"].startswith("examples/"):
            assert has_imports or (previous_imports and previous_path == marker["path"]), (
                f"README.md line {line}: show the imports of {marker['path']} first"
                " (its imports section) or include them in the block"
            )
        previous_path, previous_imports = marker["path"], has_imports
