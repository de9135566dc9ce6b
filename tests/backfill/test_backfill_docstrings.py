"""The examples in the docstrings of the backfill modules run as written."""

from __future__ import annotations

import pytest

from tests.doctests import run_docstring_examples

MODULES = [
    "s3types.backfill._local",
    "s3types.backfill._locations",
    "s3types.backfill._report",
    "s3types.backfill._report_csv",
    "s3types_lambda._backfill",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    run_docstring_examples(name)
