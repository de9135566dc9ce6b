"""The ``chalice-stubs`` partial stub package lists exactly what ``import chalice`` exports."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import chalice

STUBS = Path(__file__).resolve().parents[2] / "adapters" / "chalice-stubs"


def _stub_names() -> set[str]:
    tree = ast.parse((STUBS / "__init__.pyi").read_text(encoding="utf-8"))
    names: set[str] = set()
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom):
            names.update(alias.asname or alias.name for alias in statement.names)
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            names.add(statement.target.id)
    return names


def test_the_stub_lists_exactly_what_the_installed_chalice_exports() -> None:
    exported = {
        name
        for name, value in vars(chalice).items()
        if not inspect.ismodule(value) and (not name.startswith("_") or name == "__version__")
    }

    assert _stub_names() == exported


def test_every_stub_import_is_an_explicit_reexport() -> None:
    tree = ast.parse((STUBS / "__init__.pyi").read_text(encoding="utf-8"))
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom):
            assert statement.module == "chalice.app"
            assert all(alias.asname is not None for alias in statement.names)


def test_the_stub_package_is_partial_so_chalice_app_still_comes_from_chalice() -> None:
    assert (STUBS / "py.typed").read_text(encoding="utf-8") == "partial\n"
