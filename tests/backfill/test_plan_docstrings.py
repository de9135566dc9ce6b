"""The examples in the docstrings of the planning, submitting and pricing modules run as written."""

from __future__ import annotations

import pytest

from tests.doctests import run_docstring_examples

MODULES = [
    "s3types._cli.backfill.plan",
    "s3types.backfill",
    "s3types.backfill._arns",
    "s3types.backfill._estimate",
    "s3types.backfill._export",
    "s3types.backfill._manifest",
    "s3types.backfill._plan",
    "s3types.backfill._policy",
    "s3types.backfill._prices",
    "s3types.backfill._request",
    "s3types.backfill._scope",
    "s3types.backfill._submit",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    run_docstring_examples(name)
