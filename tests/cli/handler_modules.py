"""Handler modules written for ``s3types invoke`` tests, and undoing what loading them did."""

from __future__ import annotations

import sys
import textwrap
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["imports_restored", "write_handlers"]


def write_handlers(folder: Path, source: str, name: str | None = None) -> Path:
    """Write ``source`` (dedented) as a module file, under a fresh name unless one is given."""
    module = folder / f"{name or 'handlers_' + uuid.uuid4().hex[:8]}.py"
    module.write_text(textwrap.dedent(source), encoding="utf-8")
    return module


@contextmanager
def imports_restored() -> Iterator[None]:
    """Undo what invoke does (like Lambda): the handler's folder on sys.path, its module loaded."""
    path, modules = list(sys.path), set(sys.modules)
    try:
        yield
    finally:
        sys.path[:] = path
        for loaded in set(sys.modules) - modules:
            del sys.modules[loaded]
