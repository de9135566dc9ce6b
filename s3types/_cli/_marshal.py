"""A handler's result as JSON, the way Lambda's Python runtime serializes it."""

from __future__ import annotations

import decimal
import json
from typing import Any

__all__ = ["MarshalError", "to_lambda_json"]


class MarshalError(ValueError):
    """The result cannot be serialized: Lambda would fail with ``Runtime.MarshalError``."""


class _RuntimeEncoder(json.JSONEncoder):
    # awslambdaric (lambda_runtime_marshaller.py) encodes a Decimal through a
    # float subclass whose __repr__ is the Decimal's text, but json's encoder
    # formats float subclasses with float.__repr__: what reaches the caller is
    # float(decimal), NaN included (allow_nan=True). We reproduce that result.
    def default(self, o: Any) -> Any:
        if isinstance(o, decimal.Decimal):
            return float(o)
        return super().default(o)


def to_lambda_json(result: object, *, indent: int | None = 2) -> str:
    """Serialize ``result`` like the Lambda Python runtime, or raise :class:`MarshalError`.

    >>> import decimal
    >>> to_lambda_json({"price": decimal.Decimal("9.99")}, indent=None)
    '{"price": 9.99}'
    """
    try:
        return json.dumps(result, cls=_RuntimeEncoder, indent=indent, ensure_ascii=False)
    except RecursionError:
        raise MarshalError(
            f"the handler returned a {type(result).__name__} nested too deep to serialize"
            " (Python's recursion limit); Lambda would fail with Runtime.MarshalError:"
            " return a flatter result"
        ) from None
    except (TypeError, ValueError) as err:
        raise MarshalError(
            f"the handler returned a {type(result).__name__} that is not JSON-serializable"
            f" ({err}); Lambda would fail with Runtime.MarshalError: return dicts, lists,"
            " str, numbers (Decimal too), bool or None"
        ) from None
