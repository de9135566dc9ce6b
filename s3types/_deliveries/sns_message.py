"""An SNS message itself: an SQS body (no raw delivery), or an HTTP/S subscription's POST."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from s3types._deliveries._base import At, Carrier
from s3types._model import Origin

if TYPE_CHECKING:
    from s3types._deliveries._walk import Found

__all__ = ["SNS_MESSAGE"]


class SnsMessage:
    """``{"Type": "Notification", "Message": ...}``."""

    name = "an SNS message (an SQS body, or an HTTP/S subscription's POST)"
    carriers: frozenset[Carrier] = frozenset({"lambda", "sqs"})

    def claims(self, event: Mapping[str, Any]) -> bool:
        """True for an SNS ``Notification`` with a ``Message``."""
        return event.get("Type") == "Notification" and "Message" in event

    def unwrap(self, event: Mapping[str, Any], at: At, found: Found) -> None:
        """Walk ``Message``; inside SQS the SNS message becomes ``origin.inner``."""
        where = f"{at.path}.Message" if at.path else "Message"
        if at.carrier == "lambda":
            origin = Origin("sns", envelope=event)
        else:
            origin = at.origin.wrapping(event)
        found.walk(event.get("Message"), At(where, origin, "sns"))


SNS_MESSAGE = SnsMessage()
