"""Names a package exports but imports on first use (PEP 562 module ``__getattr__``).

A Lambda cold start pays for every module ``import s3types`` loads; what
a function may never use (a model it never reads, a delivery it never
receives, a deployment tool) is named in a package's ``__all__`` and
imported under ``TYPE_CHECKING`` for type checkers, and loaded by the
``__getattr__`` this module builds when first read.

>>> namespace = {"__name__": "s3types"}
>>> getattr_ = lazy_exports(namespace, {"dedupe": "s3types._at_least_once"})
>>> getattr_("dedupe") is namespace["dedupe"]
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(namespace: dict[str, Any], homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that imports each of ``homes`` from its module on first read.

    ``homes`` maps an exported name to the module that defines it
    (``".event_data"`` is relative to the package); the value is then
    kept in ``namespace`` (the package's ``globals()``), so
    the next read is a plain attribute. Any other name is an AttributeError
    naming the package, as Python's own.
    """
    package = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(home, package), name)
        namespace[name] = value
        return value

    return __getattr__
