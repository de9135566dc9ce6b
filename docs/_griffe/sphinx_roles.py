"""Griffe extension for the API pages: Sphinx roles in docstrings shown as cross-reference links.

Our docstrings name other objects the Sphinx way (``:func:`s3types.parse_event```,
``:class:`~s3types.S3EventError```, ``:meth:`walk```); mkdocstrings renders
docstrings as Markdown, where those stay raw text. Once the package is
loaded, this rewrites every role into an mkdocs-autorefs cross-reference
to the object's full path (a relative name resolved in the docstring's own
scope, as Sphinx does), shown as code (``~`` keeps the last name). The
references are optional: one whose target the API pages do not render (a
private module) shows as code, without a link, and tests/docs/test_site.py
fails the build's check if any public target is left unlinked or any raw
role is left in the site. The docstrings themselves stay as they are.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from typing import Any

import griffe

ROLE = re.compile(
    r":(?:py:)?(?P<role>func|class|meth|data|attr|mod|exc|obj|const):`(?P<tilde>~?)"
    r"(?P<target>[\w.]+?)(?:\(\))?`"
)
_PACKAGES = ("s3types", "s3types_lambda", "s3types_chalice", "s3types_powertools")


def cross_references(text: str, resolve: Callable[[str], str]) -> str:
    """Replace every Sphinx role in ``text`` with an optional autorefs reference.

    >>> cross_references("See :class:`~s3types.S3EventError`.", lambda name: name)
    'See <autoref identifier="s3types.S3EventError" optional><code>S3EventError</code></autoref>.'
    """

    def link(found: re.Match[str]) -> str:
        target = found["target"]
        shown = target.rsplit(".", 1)[-1] if found["tilde"] else target
        if found["role"] in ("func", "meth"):
            shown += "()"
        identifier = html.escape(resolve(target), quote=True)
        code = f"<code>{html.escape(shown)}</code>"
        return f'<autoref identifier="{identifier}" optional>{code}</autoref>'

    return ROLE.sub(link, text)


def _resolver(obj: griffe.Object) -> Callable[[str], str]:
    def resolve(target: str) -> str:
        if target.split(".", 1)[0] in _PACKAGES:
            return target
        scope: griffe.Object | None = obj
        while scope is not None:
            try:
                return scope.resolve(target)
            except Exception:  # griffe's NameResolutionError, or an alias it cannot follow
                scope = scope.parent
        return target

    return resolve


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    yield obj
    for member in obj.members.values():
        if not member.is_alias and isinstance(member, griffe.Object):
            yield from _objects(member)


class SphinxRoles(griffe.Extension):
    """Turn the Sphinx roles of every docstring in a loaded package into cross-references."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Rewrite the docstrings of the package and everything in it."""
        for obj in _objects(pkg):
            if obj.docstring is not None and ROLE.search(obj.docstring.value):
                obj.docstring.value = cross_references(obj.docstring.value, _resolver(obj))
