"""A request checked against botocore's S3 Control model, bounds included.

botocore's own parameter validation (``validate_parameters``) checks
names, types, required members and minimum lengths; it leaves maximum
lengths, patterns and entry counts to the service. These checks read the
same model and apply those too, so a request S3 Control would refuse for
a length or a pattern fails here, not at AWS.
"""

from __future__ import annotations

import re
from typing import Any

import botocore.session
from botocore.validate import validate_parameters


def _bounds(value: Any, shape: Any, path: str) -> list[str]:
    problems: list[str] = []
    meta = shape.metadata
    kind = shape.type_name
    if kind in ("string", "list", "map") and "max" in meta and len(value) > meta["max"]:
        problems.append(f"{path}: {len(value)} over the model's max {meta['max']}")
    if kind == "string" and "pattern" in meta and not re.search(meta["pattern"], value):
        problems.append(f"{path}: {value!r} does not match {meta['pattern']}")
    if kind in ("integer", "long") and "max" in meta and value > meta["max"]:
        problems.append(f"{path}: {value} over the model's max {meta['max']}")
    if kind == "structure":
        for name, member in shape.members.items():
            if name in value:
                problems += _bounds(value[name], member, f"{path}.{name}")
    elif kind == "list":
        for index, item in enumerate(value):
            problems += _bounds(item, shape.member, f"{path}[{index}]")
    elif kind == "map":
        for key, item in value.items():
            problems += _bounds(key, shape.key, f"{path} key")
            problems += _bounds(item, shape.value, f"{path}[{key!r}]")
    return problems


def check_against_model(operation: str, request: dict[str, Any]) -> None:
    """Raise if botocore's validation, or the model's bounds, refuse ``request``."""
    model = botocore.session.get_session().get_service_model("s3control")
    shape: Any = model.operation_model(operation).input_shape
    validate_parameters(request, shape)
    problems = _bounds(request, shape, operation)
    if problems:
        raise AssertionError("; ".join(problems))
