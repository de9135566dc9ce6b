"""Reading the input of a non-notification invocation (Batch Operations, Object Lambda).

Shared by :func:`s3types.batch.parse_batch_job` and
:func:`s3types.object_lambda.parse_object_lambda_event`: JSON text is
loaded, anything but a JSON object is refused, and pydantic's errors
become one :class:`s3types.S3EventError` naming each field path.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from pydantic import ValidationError

from s3types._errors import S3EventError

if TYPE_CHECKING:
    from collections.abc import Callable

    from pydantic_core import CoreSchema

__all__ = ["error_from_validation", "load_object", "looks_like", "short", "wire_schema"]

_MAX_SHOWN = 5
_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxstring = _REPR.maxother = 60
_REPR.maxlist = _REPR.maxdict = 3

_INNER_PATH = re.compile(r"([A-Za-z][\w.\[\]]*): ")
_OBJECT_LAMBDA_CONTEXTS = (
    "getObjectContext",
    "headObjectContext",
    "listObjectsContext",
    "listObjectsV2Context",
)


def looks_like(event: Mapping[str, Any]) -> str | None:
    """Name the other S3 invocation ``event`` is, when it is one, with the parser to use."""
    if isinstance(event.get("Records"), list) or event.get("Event") == "s3:TestEvent":
        return "an S3 event notification (read it with s3types.parse_event)"
    if event.get("source") == "aws.s3" and "detail" in event:
        return "an EventBridge S3 event (read it with s3types.parse_event)"
    if "invocationSchemaVersion" in event and "tasks" in event:
        return "an S3 Batch Operations job (read it with s3types.batch.parse_batch_job)"
    if any(name in event for name in _OBJECT_LAMBDA_CONTEXTS):
        return (
            "an S3 Object Lambda request"
            " (read it with s3types.object_lambda.parse_object_lambda_event)"
        )
    return None


def load_object(event: object, *, what: str) -> Mapping[str, Any]:
    """``event`` as a mapping: JSON text (str or bytes) is loaded first.

    Raises :class:`S3EventError` for text that is not JSON (or nests deeper
    than the depth rule of :mod:`s3types._limits`, read as
    :func:`s3types.parse_event` reads text), and for anything that is not a
    JSON object.
    """
    if type(event) is dict:  # what Lambda hands over: skip the ABC checks
        return cast("dict[str, Any]", event)
    if isinstance(event, (str, bytes, bytearray)):
        # Read as parse_event reads text: strict JSON (no NaN), the same depth
        # rule (past it, the same error; never a RecursionError), the same
        # hints for a byte order mark or UTF-16. Imported here: Lambda hands
        # over dicts, and the walk costs import time.
        from s3types._deliveries._walk import load_json

        try:
            event = load_json(event, "")
        except S3EventError as err:
            raise S3EventError(f"{what}: {err}", path=err.path) from None
    if not isinstance(event, Mapping):
        raise S3EventError(
            f"{what}: expected a JSON object (a dict), got {type(event).__name__}"
            f" {_REPR.repr(event)}"
        )
    return cast("Mapping[str, Any]", event)


def error_from_validation(
    err: ValidationError, *, what: str, event: Mapping[str, Any], expected: str
) -> S3EventError:
    """One :class:`S3EventError` for pydantic's errors, each line with its field path.

    ``expected`` is the kind of input the parser reads; when ``event`` is
    plainly another S3 invocation the message says so and names its parser.
    """
    other = looks_like(event)
    if other is not None and not other.startswith(expected):
        return S3EventError(
            f"{what}: this is {other}, not {expected}", looks_like=other.partition(" (")[0]
        )
    problems = err.errors(include_url=False, include_context=False)
    lines: list[str] = []
    first_path = ""
    for problem in problems[:_MAX_SHOWN]:
        where = _location(problem["loc"])
        message = problem["msg"].removeprefix("Value error, ")
        # A model-level check names the field itself: "tasks[0].s3Key: ...".
        inner = _INNER_PATH.match(message) if not where else None
        if inner is not None:
            where, message = inner[1], message[inner.end() :]
        where = where or "(the whole input)"
        first_path = first_path or where
        if problem["type"] == "missing":
            lines.append(f"{where}: required field is missing")
        elif inner is not None:
            lines.append(f"{where}: {message}")
        else:
            lines.append(f"{where}: {message} (got {_REPR.repr(problem.get('input'))})")
    if len(problems) > _MAX_SHOWN:
        lines.append(f"... and {len(problems) - _MAX_SHOWN} more")
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return S3EventError(
        f"not a valid {expected} ({count}):\n  " + "\n  ".join(lines), path=first_path
    )


def short(value: object) -> str:
    """A short, bounded repr of a wire value, for error messages."""
    return _REPR.repr(value)


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def wire_schema(validate: Callable[[Any], Any]) -> CoreSchema:
    """The pydantic schema of a parsed invocation: ``validate`` reads it, its ``raw`` is its dump.

    Lets :class:`~s3types.batch.BatchJob` and
    :class:`~s3types.object_lambda.ObjectLambdaEvent` (NamedTuples, not
    models) be pydantic fields and Powertools Parser models.
    """
    from pydantic_core import core_schema

    return core_schema.no_info_plain_validator_function(
        validate,
        serialization=core_schema.plain_serializer_function_ser_schema(lambda parsed: parsed.raw),
    )
