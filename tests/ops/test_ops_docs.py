"""docs/operations.md includes only code that exists: every snippet names a marked section."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
PAGE = ROOT / "docs" / "operations.md"
SNIPPETS = re.findall(r'--8<-- "([^":]+):([^"]+)"', PAGE.read_text(encoding="utf-8"))


def test_the_page_includes_snippets() -> None:
    assert len(SNIPPETS) >= 5


@pytest.mark.parametrize(("path", "section"), SNIPPETS)
def test_each_snippet_is_a_marked_section(path: str, section: str) -> None:
    source = (ROOT / path).read_text(encoding="utf-8")
    start = source.index(f"# --8<-- [start:{section}]")
    end = source.index(f"# --8<-- [end:{section}]")
    assert start < end
    assert source[start:end].count("\n") > 1  # some code between the markers
