"""Wording :class:`~s3types.S3EventError` messages: where, what, bounded.

Every value quoted in a message goes through :func:`quote` (an input may
put 10 MB in a key name or ``eventSource``, and adapters log the message on
every delivery), every location through :func:`join` and
:func:`format_location`.
"""

from __future__ import annotations

import reprlib
from collections.abc import Mapping
from typing import cast

from pydantic import ValidationError

from s3types._errors import S3EventError

__all__ = [
    "aws_error_code",
    "clip",
    "describe_exception",
    "format_location",
    "from_validation",
    "join",
    "quote",
    "short",
]

_MAX_ERRORS_SHOWN = 5
_MAX_LINE = 300
_MAX_QUOTE = 60

# Bounded in depth and length: the offending value may be 10 MB or 10,000 levels deep.
_REPR = reprlib.Repr()
_REPR.maxlevel = 3
_REPR.maxstring = _REPR.maxother = 76
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 4


def short(value: object) -> str:
    """A bounded ``repr`` of any value, for "got ..." in messages.

    >>> short("x" * 1000)[-5:], len(short("x" * 1000)) <= 80
    ("...'", True)
    """
    return clip(_REPR.repr(value), 80)


def quote(text: object) -> str:
    """A bounded ``repr`` of a name taken from the input (a key, ``eventSource``).

    >>> quote("aws:s3"), len(quote("A" * 10**7)) <= 90
    ("'aws:s3'", True)
    """
    if isinstance(text, str) and len(text) > _MAX_QUOTE:
        return repr(text[:_MAX_QUOTE]) + f"... ({len(text)} characters)"
    return clip(repr(text), _MAX_QUOTE + 10)


def describe_exception(err: BaseException, *, with_type: bool = True) -> str:
    """``"TypeName: message"`` for an exception, and never an exception of its own.

    What a response (a Batch Operations ``resultString``, a CLI line) says
    of a function's error; ``with_type=False`` gives the message alone. An
    exception whose ``__str__`` raises (or returns no str) is named by its
    type, with a note, so the response is not lost with it.

    >>> describe_exception(ValueError("no such size")), describe_exception(KeyError())
    ('ValueError: no such size', 'KeyError')
    >>> class Broken(Exception):
    ...     def __str__(self) -> str:
    ...         raise RuntimeError("no")
    >>> describe_exception(Broken())
    'Broken (its message cannot be shown: str() raised RuntimeError)'
    """
    name = type(err).__name__
    try:
        text = str(err)
    except Exception as failure:  # the exception's own code: anything may happen in it
        return f"{name} (its message cannot be shown: str() raised {type(failure).__name__})"
    if not with_type:
        return text
    return f"{name}: {text}" if text else name


def aws_error_code(err: BaseException) -> str | None:
    """The error code of a botocore ``ClientError`` (told by its response), else None.

    Told by the response S3 or another service answered with, so botocore is
    never imported here.

    >>> class Answered(Exception):
    ...     response = {"Error": {"Code": "NoSuchKey", "Message": "gone"}}
    >>> aws_error_code(Answered()), aws_error_code(KeyError("k"))
    ('NoSuchKey', None)
    """
    response: object = getattr(err, "response", None)
    if not isinstance(response, Mapping):
        return None
    error: object = cast("Mapping[str, object]", response).get("Error")
    code = cast("Mapping[str, object]", error).get("Code") if isinstance(error, Mapping) else None
    return str(code) if code is not None else None


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with "..." where it was cut."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def format_location(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a path: ``Records[0].s3.object.key``.

    >>> format_location(("Records", 0, "s3", "object", "key"))
    'Records[0].s3.object.key'
    """
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = part if len(part) <= _MAX_QUOTE else part[:_MAX_QUOTE] + "..."
            text += f".{name}" if text else name
    return text


def join(path: str, location: str) -> str:
    """A location inside a delivery: ``Records[1].body -> Records[0].s3``.

    >>> join("Records[1].body", "Records[0].s3"), join("", "Records")
    ('Records[1].body -> Records[0].s3', 'Records')
    """
    if not path:
        return location
    if not location:
        return path
    return f"{path} -> {location}"


def from_validation(
    err: ValidationError,
    path: str,
    *,
    rename: Mapping[str, str] | None = None,
) -> S3EventError:
    """Turn pydantic's error into ours: one line per distinct problem, with its path.

    ``rename`` maps locations in what was validated to the input's names
    (an EventBridge event is validated as a rewritten record, but the
    user wrote ``detail.object.key``, not ``s3.object.key``).
    """
    problems = err.errors(include_url=False, include_context=False)
    lines: list[str] = []
    seen: set[tuple[str, str]] = set()
    first_path = ""
    for problem in problems:
        location = format_location(problem["loc"])
        if rename is not None:
            location = _renamed(location, rename)
        where = join(path, location)
        message = problem["msg"].removeprefix("Value error, ")
        if (where, message) in seen:
            # The wire key feeds two fields (key and raw_key): one problem, said once.
            continue
        seen.add((where, message))
        first_path = first_path or where
        if len(lines) == _MAX_ERRORS_SHOWN:
            continue
        if problem["type"] == "missing":
            lines.append(clip(f"{where}: required field is missing", _MAX_LINE))
            continue
        line = clip(f"{where}: {message}" if where else message, _MAX_LINE)
        got = short(problem.get("input"))
        if got not in message:
            line = f"{line} (got {got})"
        lines.append(line)
    more = len(seen) - len(lines)
    if more > 0:
        lines.append(f"... and {more} more")
    count = f"{len(seen)} problem{'s' if len(seen) != 1 else ''}"
    return S3EventError(
        f"not a valid S3 event notification ({count}):\n  " + "\n  ".join(lines), path=first_path
    )


def _renamed(location: str, rename: Mapping[str, str]) -> str:
    found = rename.get(location)
    if found is not None:
        return found
    # The longest known prefix: "s3.object.key" -> "detail.object.key", and
    # "eventBridge.detail.x" -> "detail.x".
    for prefix in sorted(rename, key=len, reverse=True):
        if location.startswith(prefix + ".") or location.startswith(prefix + "["):
            return rename[prefix] + location[len(prefix) :]
    return location
