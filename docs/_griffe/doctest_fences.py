"""Griffe extension for the API pages: docstring examples (``>>>`` runs) shown as code.

Our docstrings are plain text with doctest examples; mkdocstrings renders
them as Markdown, where ``x["Records"][0]`` would read as a reference link.
This wraps each run of ``>>>`` / ``...`` lines and their expected output in a
``pycon`` fence before rendering. The docstrings themselves stay as they are
(the doctests run them).
"""

from __future__ import annotations

from typing import Any

import griffe


def fence_doctests(text: str) -> str:
    """Wrap every doctest run (prompt lines and output, up to a blank line) in a fence.

    A line starting with three ``>`` opens a ``pycon`` fence, the next blank
    line (or the end) closes it; everything else is left as it was.
    """
    out: list[str] = []
    in_run = False
    for line in text.splitlines():
        stripped = line.strip()
        if not in_run and stripped.startswith(">>>"):
            out.append("```pycon")
            in_run = True
        elif in_run and not stripped:
            out.append("```")
            in_run = False
        out.append(line)
    if in_run:
        out.append("```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence doctest examples in every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the object's docstring text, if it has examples."""
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
