"""What ``s3types demo`` does to the bucket, and the notifications that must follow."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

__all__ = ["PHASES", "Phase", "Step", "remaining_keys"]


@dataclass(frozen=True)
class Step:
    """One request to S3 and the notification it must cause.

    ``action`` is "put", "copy" (from ``source``) or "delete"; ``key`` is
    the real key, as the user writes it.
    """

    action: str
    key: str
    body: bytes = b""
    source: str | None = None

    @property
    def expected(self) -> tuple[str, str]:
        """The (event name, key) of the notification S3 sends for this step."""
        name = {
            "put": "ObjectCreated:Put",
            "copy": "ObjectCreated:Copy",
            "delete": "ObjectRemoved:Delete",
        }
        return name[self.action], self.key


@dataclass(frozen=True)
class Phase:
    """Steps whose notifications are all received and handled before the next phase."""

    title: str
    steps: tuple[Step, ...]

    def expected(self) -> Counter[tuple[str, str]]:
        """How many notifications of each (event name, key) the phase must produce."""
        return Counter(step.expected for step in self.steps)


# Keys that break code which forgets to decode them: "+" and " " (S3 sends
# both as "+"), "%", "=", "&", non-ASCII letters, an emoji, nested folders.
_FLOWER = "incoming/red flower+1.jpg"
_CAFE = "incoming/café/ünïcødé 🎉.txt"
_NESTED = "incoming/a/b/c/d.txt"
_PERCENT = "incoming/100%=done&more.txt"
_COPY = "incoming/copies/red flower+1 (copy).jpg"

PHASES = (
    Phase(
        "upload four objects with hard keys, copy one",
        (
            Step("put", _FLOWER, b"\xff\xd8\xff\xe0 not really a JPEG"),
            Step("put", _CAFE, "Grüße aus dem Café ☕\n".encode()),
            Step("put", _NESTED, b"deep down\n"),
            Step("put", _PERCENT, b"100% done\n"),
            Step("copy", _COPY, source=_FLOWER),
        ),
    ),
    Phase(
        "delete two objects",
        (
            Step("delete", _PERCENT),
            Step("delete", _COPY),
        ),
    ),
)


def remaining_keys() -> list[str]:
    """The keys under ``incoming/`` once every phase has run, sorted."""
    keys: set[str] = set()
    for phase in PHASES:
        for step in phase.steps:
            if step.action == "delete":
                keys.discard(step.key)
            else:
                keys.add(step.key)
    return sorted(keys)
