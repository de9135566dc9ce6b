"""The examples in the docstrings of the batch and Object Lambda modules run as written."""

from __future__ import annotations

import pytest

from tests.doctests import run_docstring_examples

MODULES = [
    "s3types.batch",
    "s3types.batch._model",
    "s3types.batch._response",
    "s3types.batch._results",
    "s3types.batch._failures",
    "s3types.batch._outcome",
    "s3types.object_lambda",
    "s3types.object_lambda._errors",
    "s3types.object_lambda._model",
    "s3types.object_lambda._parts._contexts",
    "s3types.object_lambda._parts._identity",
    "s3types.object_lambda._parts._input_url",
    "s3types.object_lambda._response",
    "s3types.ops._object_lambda",
    "s3types.testing._invocations",
    "s3types_lambda._batch_operations",
    "examples.object_lambda_redact",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    run_docstring_examples(name)
