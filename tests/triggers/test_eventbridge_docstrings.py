"""The examples in the EventBridge delivery modules' docstrings run as written."""

from __future__ import annotations

import pytest

from tests.doctests import run_docstring_examples

MODULES = [
    "s3types.triggers._eventbridge.pattern",
    "s3types.triggers._eventbridge.access",
    "s3types.triggers._eventbridge.plan",
    "s3types.triggers._eventbridge.export",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    run_docstring_examples(name)
