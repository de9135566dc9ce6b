"""The output of boto3's ``sqs.receive_message()``, for workers that poll a queue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from s3types._deliveries._base import At, Carrier, as_list, as_mapping
from s3types._deliveries.sqs import walk_messages
from s3types._errors import S3EventError
from s3types._limits import MAX_RECORDS, too_many

if TYPE_CHECKING:
    from s3types._deliveries._walk import Found

__all__ = ["RECEIVE_MESSAGE"]


class ReceiveMessage:
    """``{"Messages": [{"MessageId", "ReceiptHandle", "Body"}]}``, or one such message."""

    name = "the output of boto3's sqs.receive_message()"
    carriers: frozenset[Carrier] = frozenset({"lambda"})

    def claims(self, event: Mapping[str, Any]) -> bool:
        """True for ``Messages`` that all have a ``Body``, one message, or an empty receive."""
        messages = as_list(event.get("Messages"))
        if messages is not None:
            return all(_has_body(m) for m in messages)
        if isinstance(event.get("ReceiptHandle"), str) and isinstance(event.get("MessageId"), str):
            return "Body" in event  # one message of that output
        # An empty receive has only ResponseMetadata.
        return "Records" not in event and isinstance(event.get("ResponseMetadata"), Mapping)

    def unwrap(self, event: Mapping[str, Any], at: At, found: Found) -> None:
        """Walk each message's ``Body``, as an SQS body."""
        raw: object = event.get("Messages", [event] if "Body" in event else [])
        messages = as_list(raw)
        if messages is None:
            got = "null" if raw is None else type(raw).__name__
            raise S3EventError(
                f"Messages: expected a list of SQS messages, got {got}", path="Messages"
            )
        if len(messages) > MAX_RECORDS:
            raise too_many(len(messages), "messages", "Messages")
        walk_messages(messages, "Messages", ("Body", "MessageId", "ReceiptHandle"), found)


def _has_body(message: object) -> bool:
    found = as_mapping(message)
    return found is not None and "Body" in found


RECEIVE_MESSAGE = ReceiveMessage()
