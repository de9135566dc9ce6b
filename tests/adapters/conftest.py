"""Shared fixtures of the adapter tests; imports no framework (the Lambda tests run without)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
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


#: Modules a function's cold start must not pay for when it imports an
#: adapter: test helpers, the tools that configure and export triggers, and
#: the HTTP stack the Object Lambda handler needs only when it serves a request.
_DEPLOYMENT_ONLY = frozenset(
    {
        "s3types.testing",
        "s3types.triggers._apply",
        "s3types.triggers._configuration",
        "s3types.triggers._export",
        "s3types.triggers._overlap",
        "urllib.request",
        "http.client",
    }
)


def _modules_loaded_by(statement: str) -> set[str]:
    """The modules a fresh interpreter has loaded once ``statement`` ran."""
    program = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout))


@pytest.fixture
def modules_loaded_by() -> Callable[[str], set[str]]:
    """The modules a fresh interpreter has loaded once a statement ran (import cost by name)."""
    return _modules_loaded_by


@pytest.fixture
def deployment_only() -> frozenset[str]:
    """Modules a function's cold start must not pay for when it imports an adapter."""
    return _DEPLOYMENT_ONLY
