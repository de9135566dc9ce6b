"""The examples in the docstrings of the batch and Object Lambda modules run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "s3types.batch",
    "s3types.batch._model",
    "s3types.batch._response",
    "s3types.batch._results",
    "s3types.batch._failures",
    "s3types.object_lambda",
    "s3types.object_lambda._errors",
    "s3types.object_lambda._model",
    "s3types.object_lambda._parts",
    "s3types.object_lambda._response",
    "s3types.ops._object_lambda",
    "s3types.testing._invocations",
    "s3types_lambda._batch_operations",
    "examples.object_lambda_redact",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
