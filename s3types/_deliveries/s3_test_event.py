"""The ``s3:TestEvent`` message S3 sends when a notification is configured."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from s3types._deliveries._base import At, Carrier
from s3types._limits import check_depth
from s3types._model import S3Event
from s3types._problems import from_validation

if TYPE_CHECKING:
    from s3types._deliveries._walk import Found

__all__ = ["TEST_EVENT"]


class TestEvent:
    """``{"Service": "Amazon S3", "Event": "s3:TestEvent", "Time": ..., "Bucket": ...}``."""

    __test__ = False  # not a pytest test class, whatever its name says
    name = "the s3:TestEvent message"
    carriers: frozenset[Carrier] = frozenset({"lambda", "sqs", "sns"})

    def claims(self, event: Mapping[str, Any]) -> bool:
        """True for ``Event == "s3:TestEvent"`` (a dump with ``Records`` is a notification's)."""
        return event.get("Event") == "s3:TestEvent" and "Records" not in event

    def unwrap(self, event: Mapping[str, Any], at: At, found: Found) -> None:
        """Validate the message; the event made of it has no records and ``is_test_event``."""
        from s3types._model.test_event import S3TestEvent  # defined on first use

        try:
            S3TestEvent.model_validate(event)
            parsed = S3Event.model_validate(event)
        except ValidationError as err:
            raise from_validation(err, at.path) from None
        check_depth(parsed, at.path)
        found.add_event(parsed, at)


TEST_EVENT = TestEvent()
