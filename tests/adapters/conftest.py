"""Shared fixtures of the adapter tests; imports no framework (the Lambda tests run without)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

EVENTS = Path(__file__).resolve().parents[1] / "events" / "events"


@dataclass(frozen=True)
class FakeLambdaContext:
    """What Lambda passes as ``context``, with the attributes Powertools' Logger reads too."""

    function_name: str = "thumbnails"
    function_version: str = "$LATEST"
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:thumbnails"
    memory_limit_in_mb: int = 128
    aws_request_id: str = "52fdfc07-2182-154f-163f-5f0f9a621d72"
    log_group_name: str = "/aws/lambda/thumbnails"
    log_stream_name: str = "2026/01/01/[$LATEST]0123456789abcdef"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


@pytest.fixture
def lambda_context() -> FakeLambdaContext:
    """A Lambda context for calling handlers directly."""
    return FakeLambdaContext()


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
