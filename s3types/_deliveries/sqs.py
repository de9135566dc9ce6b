"""An SQS batch as Lambda delivers it: each message body is walked again."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from s3types._deliveries._base import At, Carrier, as_list, as_mapping, records_list, str_or_none
from s3types._errors import S3EventError
from s3types._model import Origin

if TYPE_CHECKING:
    from s3types._deliveries._walk import Found

__all__ = ["SQS"]


class Sqs:
    """``{"Records": [{"eventSource": "aws:sqs", "body": ...}]}``."""

    name = "an SQS batch"
    carriers: frozenset[Carrier] = frozenset({"lambda"})

    def claims(self, event: Mapping[str, Any]) -> bool:
        """True when the first record's ``eventSource`` is ``aws:sqs``."""
        records = as_list(event.get("Records"))
        first = as_mapping(records[0]) if records else None
        if first is None:
            return False
        source: object = first.get("eventSource")
        if source == "aws:sqs":
            return True
        # Hand-written SQS records without eventSource (Powertools' tests).
        return source is None and isinstance(first.get("messageId"), str) and "body" in first

    def unwrap(self, event: Mapping[str, Any], at: At, found: Found) -> None:
        """Walk each message's body; its records keep the message id and receipt handle."""
        for index, item in enumerate(records_list(event, "Records")):
            where = f"Records[{index}]"
            message = as_mapping(item)
            if message is None:
                raise S3EventError(f"{where}: expected an SQS message object", path=where)
            body: object = message.get("body")
            if body is None:
                raise S3EventError(
                    f"{where}.body: the SQS message has no body", path=f"{where}.body"
                )
            origin = Origin(
                "sqs",
                str_or_none(message.get("messageId")),
                str_or_none(message.get("receiptHandle")),
                envelope=message,
            )
            found.walk(body, At(f"{where}.body", origin, "sqs"))


SQS = Sqs()
