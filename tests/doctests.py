"""Running a module's docstring examples as the docstring tests do."""

from __future__ import annotations

import doctest
import importlib


def run_docstring_examples(name: str, **globs: object) -> None:
    """Run the examples of module ``name`` with ``globs``: there must be some, all passing."""
    module = importlib.import_module(name)
    result = doctest.testmod(
        module,
        extraglobs=globs,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted > 0
    assert result.failed == 0
