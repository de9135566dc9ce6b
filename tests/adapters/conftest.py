"""Shared fixtures of the adapter tests; imports no framework (the Lambda tests run without)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from s3types.testing import LocalLambdaContext

EVENTS = Path(__file__).resolve().parents[1] / "events" / "events"


@pytest.fixture
def lambda_context() -> LocalLambdaContext:
    """A Lambda context for calling handlers directly."""
    return LocalLambdaContext(function_name="thumbnails")


def fixture_events() -> list[tuple[str, dict[str, Any]]]:
    """Every real event under tests/events/events/ (templates skipped), named by file."""
    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(EVENTS.rglob("*.json")):
        if path.name.endswith(".template.json"):
            continue
        name = path.relative_to(EVENTS).as_posix()
        loaded = json.loads(path.read_text(encoding="utf-8"))
        items = loaded if isinstance(loaded, list) else [loaded]
        found.extend(
            (f"{name}[{index}]" if len(items) > 1 else name, item)
            for index, item in enumerate(items)
        )
    return found


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize a test's ``real_event`` argument over every real fixture event."""
    if "real_event" in metafunc.fixturenames:
        events = fixture_events()
        metafunc.parametrize("real_event", [raw for _, raw in events], ids=[n for n, _ in events])
