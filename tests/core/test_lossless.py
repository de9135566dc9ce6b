"""model_dump(mode="json", by_alias=True) gives back every field of the input."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from s3types import S3Event

EVENTS = Path(__file__).parent.parent / "events" / "events"
DIRECT = [
    p
    for p in sorted(EVENTS.rglob("*.json"))
    if isinstance(json.loads(p.read_bytes()).get("Records"), list)
    and not p.name.endswith(".template.json")
    and json.loads(p.read_bytes())["Records"][0].get("eventSource", "").endswith(":s3")
]


def _instant(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _contains(dumped: Any, original: Any, where: str) -> None:
    """Every field of ``original`` is in ``dumped`` with the same (or canonical) value."""
    if isinstance(original, dict):
        assert isinstance(dumped, dict), where
        for key, value in original.items():
            assert key in dumped, f"{where}.{key} is missing"
            _contains(dumped[key], value, f"{where}.{key}")
    elif isinstance(original, list):
        assert isinstance(dumped, list) and len(dumped) == len(original), where
        for index, (d, o) in enumerate(zip(dumped, original, strict=True)):
            _contains(d, o, f"{where}[{index}]")
    elif where.endswith(".eventName"):
        assert dumped == original.removeprefix("s3:"), where
    elif where.endswith(".size") and isinstance(original, str):
        assert dumped == int(original), where
    elif where.endswith(".versionId") and original in ("", "null"):
        assert dumped is None, where
    elif where.endswith((".eventTime", ".lifecycleRestorationExpiryTime")):
        # Times come back in ISO form, naive ones as UTC: the same instant.
        assert _instant(dumped) == _instant(original), where
    else:
        assert dumped == original, f"{where}: {dumped!r} != {original!r}"


@pytest.mark.parametrize("path", DIRECT, ids=lambda p: p.relative_to(EVENTS).as_posix())
def test_dump_gives_back_every_field(path: Path) -> None:
    original = json.loads(path.read_bytes())
    event = S3Event.model_validate(original)
    dumped = event.model_dump(mode="json", by_alias=True)
    _contains(dumped, original, "")
    # The dump validates to an equal model.
    assert S3Event.model_validate(dumped) == event
    assert S3Event.model_validate_json(event.model_dump_json()) == event


def test_dump_has_the_wire_key() -> None:
    event = S3Event.model_validate(
        {
            "Records": [
                {
                    "eventVersion": "2.1",
                    "eventSource": "aws:s3",
                    "awsRegion": "us-east-1",
                    "eventTime": "2024-01-01T00:00:00.000Z",
                    "eventName": "ObjectCreated:Put",
                    "s3": {"bucket": {"name": "b"}, "object": {"key": "red+flower%2B.jpg"}},
                }
            ]
        }
    )
    assert event.records[0].key == "red flower+.jpg"
    assert event.model_dump(mode="json")["Records"][0]["s3"]["object"]["key"] == (
        "red+flower%2B.jpg"
    )
