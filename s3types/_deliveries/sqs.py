"""An SQS batch as Lambda delivers it: each message body is walked again."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from s3types._deliveries._base import At, Carrier, as_list, as_mapping, records_list, str_or_none
from s3types._errors import S3EventError
from s3types._model import Origin

if TYPE_CHECKING:
    from s3types._deliveries._walk import Found

__all__ = ["LAMBDA_FIELDS", "SQS", "walk_messages"]

#: The names of a message's body, id and receipt handle, as Lambda spells them.
LAMBDA_FIELDS = ("body", "messageId", "receiptHandle")


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
        walk_messages(records_list(event, "Records"), "Records", LAMBDA_FIELDS, found)


SQS = Sqs()


def walk_messages(
    messages: Sequence[object], list_name: str, fields: tuple[str, str, str], found: Found
) -> None:
    """Walk the body of each SQS message, its records keeping the message id and receipt handle.

    ``fields`` names the body, id and receipt handle: Lambda spells them
    ``body``/``messageId``/``receiptHandle``, boto3's ``receive_message()``
    ``Body``/``MessageId``/``ReceiptHandle``.
    """
    body_name, id_name, handle_name = fields
    for index, item in enumerate(messages):
        where = f"{list_name}[{index}]"
        message = as_mapping(item)
        if message is None:
            raise S3EventError(f"{where}: expected an SQS message object", path=where)
        body: object = message.get(body_name)
        if body is None:
            raise S3EventError(
                f"{where}.{body_name}: the SQS message has no body", path=f"{where}.{body_name}"
            )
        origin = Origin(
            "sqs",
            str_or_none(message.get(id_name)),
            str_or_none(message.get(handle_name)),
            envelope=message,
        )
        found.walk(body, At(f"{where}.{body_name}", origin, "sqs"))
