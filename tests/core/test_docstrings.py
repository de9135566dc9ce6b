"""The examples in the core's docstrings run as written."""

from __future__ import annotations

import pytest

from tests.doctests import run_docstring_examples

MODULES = [
    "s3types",
    "s3types._errors",
    "s3types._deliveries",
    "s3types._deliveries.registry",
    "s3types._detect",
    "s3types._catalog",
    "s3types._eventbridge",
    "s3types._lazy",
    "s3types._limits",
    "s3types._model",
    "s3types._model.bucket",
    "s3types._model.entities",
    "s3types._model.event",
    "s3types._model.event_data",
    "s3types._model.identities",
    "s3types._model.origin",
    "s3types._model.record",
    "s3types._model.test_event",
    "s3types._model.wire",
    "s3types._names",
    "s3types._parse",
    "s3types._problems",
    "s3types._values",
    "s3types._cli.parse",
    "s3types._cli.parse_jobs",
    "s3types.testing._object_lambda_endpoints",
    "s3types.testing._events",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    run_docstring_examples(name)
