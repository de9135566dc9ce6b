"""Importing a handler as Lambda does: ``module:function`` or ``path/to/file.py:function``."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from s3types._cli._invoke_errors import InvokeError, describe

__all__ = ["load_handler", "load_module"]


def load_handler(target: str) -> Callable[..., Any]:
    """Import ``module:function`` or ``path/to/file.py:function`` and return the function.

    A file is imported under its stem, with its folder first on ``sys.path``
    (as Lambda does with the task root); a module is looked up from the
    current folder first, like ``python -m``.

    >>> load_handler("examples/lambda_handler.py:handler")  # doctest: +SKIP
    <function handler at 0x...>
    """
    location, colon, name = target.rpartition(":")
    if not colon or not location or not name:
        raise InvokeError(
            f"{target!r} does not name a handler: write module:function"
            " (e.g. app:handler) or path/to/file.py:function"
        )
    module = load_module(location)
    handler = getattr(module, name, None)
    if handler is None:
        public = sorted(n for n, v in vars(module).items() if callable(v) and n[0] != "_")
        raise InvokeError(
            f"{location!r} has no attribute {name!r}; its functions: {', '.join(public) or 'none'}"
        )
    if not callable(handler):
        raise InvokeError(f"{target!r} is a {type(handler).__name__}, not a function")
    found: Callable[..., Any] = handler
    return found


def load_module(location: str) -> ModuleType:
    """Import a module by name or a file by path, as :func:`load_handler` does."""
    if location.endswith(".py") or "/" in location or "\\" in location:
        imported: ModuleType = _import_file(Path(location))
        return imported
    _put_first_on_path(Path.cwd())
    try:
        return importlib.import_module(location)
    except ImportError as err:
        raise InvokeError(f"cannot import module {location!r}: {err}") from err
    except Exception as err:
        raise InvokeError(f"importing {location!r} raised {describe(err)}") from err


def _import_file(path: Path) -> Any:
    if not path.is_file():
        raise InvokeError(f"no such file: {path}")
    _put_first_on_path(path.resolve().parent)
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise InvokeError(f"cannot import {path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    try:
        spec.loader.exec_module(module)
    except Exception as err:
        del sys.modules[path.stem]
        raise InvokeError(f"importing {path} raised {describe(err)}") from err
    return module


def _put_first_on_path(folder: Path) -> None:
    entry = str(folder)
    if entry not in sys.path:
        sys.path.insert(0, entry)
