"""The events every reader is timed on: one shape, keys that need decoding or not.

Events are built with ``s3types.testing.make_event`` (a full AWS put record:
user identity, request parameters, response elements, owner identity) and
fixed values, so every run and every library sees the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal

from s3types.testing import make_event, via_sqs

__all__ = ["KeyKind", "Scenario", "expected_reads", "scenarios", "sqs_scenarios"]

KeyKind = Literal["plain", "encoded"]
_KINDS: tuple[KeyKind, ...] = ("plain", "encoded")

_EVENT_TIME = datetime(2024, 6, 1, 12, 30, 45, 123000, tzinfo=timezone.utc)
_VERSION_ID = "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo"


@dataclass(frozen=True)
class Scenario:
    """One input, as a dict and as the JSON text Lambda would have received."""

    label: str
    records: int
    key_kind: KeyKind
    event: dict[str, Any]
    text: str
    #: (bucket, decoded key, size, version id) per record, what every reader must return.
    expected: list[tuple[str, str, int | None, str | None]]


def _key(index: int, kind: KeyKind) -> str:
    # A decoded key; "encoded" ones hold a space, a "+" and a non-ASCII letter,
    # which S3 sends as "+", "%2B" and "%C3%A4".
    if kind == "plain":
        return f"photos/2024/06/IMG_{index:04d}.jpg"
    return f"photos/summer 2024/red flower+{index:04d}ä.jpg"


def _record(index: int, kind: KeyKind) -> dict[str, Any]:
    event = make_event(
        bucket="photo-uploads",
        key=_key(index, kind),
        size=1_048_576 + index,
        version_id=_VERSION_ID,
        sequencer=f"0055AED6DCD9028{index:04X}",
        event_time=_EVENT_TIME,
    )
    record: dict[str, Any] = dict(event["Records"][0])
    record["responseElements"] = {
        "x-amz-request-id": f"C3D13FE58DE4{index:04X}",
        "x-amz-id-2": "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD",
    }
    return record


def expected_reads(records: int, kind: KeyKind) -> list[tuple[str, str, int | None, str | None]]:
    """What reading bucket, key, size and version id of each record must give."""
    return [
        ("photo-uploads", _key(index, kind), 1_048_576 + index, _VERSION_ID)
        for index in range(records)
    ]


def scenarios() -> list[Scenario]:
    """Direct notifications: 1 and 100 records, plain and encoded keys."""
    built: list[Scenario] = []
    for records in (1, 100):
        for kind in _KINDS:
            event = {"Records": [_record(index, kind) for index in range(records)]}
            noun = "record" if records == 1 else "records"
            built.append(
                Scenario(
                    label=f"{records} {noun}, {kind} keys",
                    records=records,
                    key_kind=kind,
                    event=event,
                    text=json.dumps(event),
                    expected=expected_reads(records, kind),
                )
            )
    return built


def sqs_scenarios() -> list[Scenario]:
    """An SQS batch of 10 messages, each an S3 notification of one record."""
    built: list[Scenario] = []
    for kind in _KINDS:
        notifications = [{"Records": [_record(index, kind)]} for index in range(10)]
        batch: dict[str, Any] = dict(via_sqs(*notifications))  # type: ignore[arg-type]
        built.append(
            Scenario(
                label=f"SQS batch of 10, {kind} keys",
                records=10,
                key_kind=kind,
                event=batch,
                text=json.dumps(batch),
                expected=expected_reads(10, kind),
            )
        )
    return built
