"""The examples in the demo's and invoke's docstrings run as written."""

from __future__ import annotations

import pytest

from tests.doctests import run_docstring_examples

MODULES = [
    "s3types.testing._context",
    "s3types._cli.demo.report",
    "s3types._cli.demo.function",
    "s3types.testing._factory",
    "s3types_pytest",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    run_docstring_examples(name)
