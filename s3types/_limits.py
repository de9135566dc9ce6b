"""The bounds one input is held to: records per input and nesting depth.

Each bound is one named constant, applied the same way whatever form the
input has (a dict, JSON text, JSON inside an SQS or SNS message), and
broken with one :class:`~s3types.S3EventError` message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from s3types._errors import S3EventError

__all__ = ["MAX_DEPTH", "MAX_RECORDS", "check_depth", "too_deep", "too_many"]

#: Records (and SQS messages) one input may carry. S3 sends one record per
#: notification and a Lambda SQS batch holds at most 10,000 messages (and 6 MB),
#: so no real delivery comes near; the cap turns an absurd input into a quick
#: error instead of minutes of validation and gigabytes of models.
MAX_RECORDS = 10_000

#: How deep objects and arrays may nest, counted from the top of each JSON
#: document (a notification's record is at level 3: object, ``Records``
#: list, record; an SQS body or SNS message is a document of its own). S3's
#: own fields nest 6 deep; the rest is room for unknown fields, which are
#: kept. The bound is below what pydantic's JSON parser refuses (200) and
#: what ``model_dump``, ``pickle`` and ``copy.deepcopy`` survive, so an
#: event that parses can also be dumped, pickled and copied.
MAX_DEPTH = 128


def too_many(count: int, what: str, path: str) -> S3EventError:
    """The error for an input that carries more than :data:`MAX_RECORDS` records or messages."""
    return S3EventError(
        f"{path}: {count} {what} is more than one input can carry ({MAX_RECORDS}): S3 sends"
        " one record per notification and a Lambda SQS batch holds at most 10,000 messages;"
        " split the input",
        path=path,
    )


def too_deep(path: str) -> S3EventError:
    """The error for an input nested more than :data:`MAX_DEPTH` levels deep."""
    where = f" at {path}" if path else ""
    return S3EventError(
        f"the input{where} nests objects and arrays more than {MAX_DEPTH} levels deep, the"
        " limit for every form of input (dict or JSON text): S3's own fields nest 6 levels;"
        " flatten the unknown field that holds the rest",
        path=path,
    )


def _deeper_than(value: object, room: int) -> bool:
    """True if ``value`` holds containers more than ``room`` levels deep (iterative)."""
    stack: list[tuple[object, int]] = [(value, room)]
    while stack:
        item, left = stack.pop()
        if isinstance(item, Mapping):
            children: Any = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if left <= 0:
            return True
        stack.extend((child, left - 1) for child in children)
    return False


def check_depth(model: BaseModel, level: int, path: str) -> None:
    """Refuse a validated model whose kept values reach past :data:`MAX_DEPTH`.

    Only what validation could not bound is walked: unknown fields (the
    model's extras) and the blocks kept as dicts. ``level`` is the
    model's own level in its JSON document.
    """
    extra = model.__pydantic_extra__
    # The extras dict is no level of its own: its values sit at the model's fields' level.
    if extra and _deeper_than(extra, MAX_DEPTH - level + 1):
        raise too_deep(path)
    for value in model.__dict__.values():
        if isinstance(value, BaseModel):
            check_depth(value, level + 1, path)
        elif isinstance(value, (dict, tuple)) and value:
            if isinstance(value, tuple) and isinstance(value[0], BaseModel):
                for item in value:
                    check_depth(item, level + 2, path)
            elif _deeper_than(value, MAX_DEPTH - level):
                raise too_deep(path)
