"""docs/batch.md and docs/object-lambda.md include code that exists, from type-checked examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INCLUDE = re.compile(r'--8<-- "([^":]+):([\w-]+)"')


@pytest.mark.parametrize("page", ["docs/batch.md", "docs/object-lambda.md"])
def test_every_snippet_names_a_marked_section(page: str) -> None:
    includes = INCLUDE.findall((ROOT / page).read_text())
    assert includes
    for file, section in includes:
        assert file.startswith("examples/")
        source = (ROOT / file).read_text()
        start, end = f"# --8<-- [start:{section}]", f"# --8<-- [end:{section}]"
        assert start in source, f"{page}: {file} has no {start}"
        assert source.index(start) < source.index(end)
