"""The function ``s3types demo`` runs: a JSON summary of every upload under ``derived/``.

Its code lives in the package, ``s3types/_cli/demo/function.py``, so that an
installed ``s3types demo`` can run it (``examples/`` is not in the wheel);
read it there. This module re-exports it so every example function can be
imported from ``examples``, e.g. for ``s3types invoke``.

>>> derived_key("incoming/a/b.txt")
'derived/a/b.txt.json'
"""

from __future__ import annotations

from s3types._cli.demo.function import (
    DERIVED_PREFIX,
    SOURCE_PREFIX,
    derived_key,
    forget,
    handler,
    logger,
    make_handler,
    summarize,
)

__all__ = [
    "DERIVED_PREFIX",
    "SOURCE_PREFIX",
    "derived_key",
    "forget",
    "handler",
    "logger",
    "make_handler",
    "summarize",
]
