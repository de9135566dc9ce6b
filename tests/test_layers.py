"""The layers' import rules, read from the AST of every module in s3types/.

value types and names <- model <- deliveries <- parse_event <- adapters /
ops / cli / testing (triggers, batch, object_lambda beside ops). The rules
are checked on source text, so a synthetic module proves each one fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "s3types"

#: The event model and the deliveries: the inner layers.
CORE = (
    "s3types._model",
    "s3types._deliveries",
    "s3types._values",
    "s3types._names",
    "s3types._wire",
    "s3types._errors",
    "s3types._lazy",
    "s3types._eventbridge",
    "s3types._limits",
    "s3types._narrow",
    "s3types._problems",
    "s3types._parse",
)
#: What the inner layers must never import.
OUTER = (
    "s3types.ops",
    "s3types._cli",
    "s3types.testing",
    "s3types.triggers",
    "s3types.backfill",
    "s3types.batch",
    "s3types.object_lambda",
)
ADAPTER_PREFIX = "s3types_"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(source: str, module: str) -> set[str]:
    """Every module an import statement in ``source`` names (relative ones resolved)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")[: -node.level] if node.level else []
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def violations(module: str, source: str) -> list[str]:
    """The layer rules ``module`` (with this source) breaks, one line each."""
    broken: list[str] = []
    # The command line is the outermost layer: its demo runs a function through
    # the plain-Lambda adapter, as Lambda would; `python -m s3types` starts it.
    outermost = _within(module, ("s3types._cli", "s3types.__main__"))
    for name in sorted(_imports(source, module)):
        if name.split(".")[0].startswith(ADAPTER_PREFIX):
            if not outermost:
                broken.append(f"{module} imports the adapter {name}")
        elif _within(module, CORE) and _within(name, OUTER):
            broken.append(f"{module} (model or deliveries) imports {name}")
        elif _within(name, ("s3types._cli",)) and not outermost:
            broken.append(f"{module} imports the command line ({name})")
        elif _within(name, ("s3types.testing",)) and not _within(
            module, ("s3types._cli", "s3types.testing")
        ):
            broken.append(f"{module} imports s3types.testing ({name})")
    return broken


def _package_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _package_modules(), ids=lambda p: _module_name(p))
def test_every_module_keeps_to_its_layer(path: Path) -> None:
    assert violations(_module_name(path), path.read_text(encoding="utf-8")) == []


def test_the_rules_see_every_core_package() -> None:
    names = {_module_name(p) for p in _package_modules()}
    for package in ("s3types._model", "s3types._deliveries", "s3types._deliveries.sqs"):
        assert package in names


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("s3types._model.record", "from s3types.ops import get_object"),
        ("s3types._deliveries.sqs", "import s3types.testing.strategies"),
        ("s3types._deliveries.sqs", "from s3types.triggers import Trigger"),
        ("s3types._parse", "from s3types import batch"),
        ("s3types._model.event", "from ..object_lambda import parse_object_lambda_event"),
        ("s3types._values", "from s3types_lambda import s3_handler"),
        ("s3types.ops._read", "from s3types._cli import run"),
        ("s3types.ops._read", "from s3types.testing import make_event"),
        ("s3types.triggers", "import s3types_chalice"),
        ("s3types.testing._events", "from s3types._cli.event import main"),
    ],
)
def test_a_forbidden_import_is_caught(module: str, source: str) -> None:
    """A synthetic module with a forbidden import fails the rule it breaks."""
    assert violations(module, source) != []


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("s3types._deliveries.sqs", "from s3types._model import Origin"),
        ("s3types.ops._read", "from s3types._values import version_id_or_none"),
        ("s3types._cli.event", "from s3types.testing import make_event"),
        ("s3types.testing._events", "from s3types._names import EventName"),
        ("s3types._cli.demo.function", "from s3types_lambda import s3_record_handler"),
        ("s3types.__main__", "from s3types._cli import main"),
    ],
)
def test_an_allowed_import_passes(module: str, source: str) -> None:
    assert violations(module, source) == []
