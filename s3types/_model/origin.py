"""Where a record came from: :class:`Origin`."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["DIRECT", "Origin"]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: the outermost delivery service and its message.

    ``service`` is ``"s3"`` (a direct notification), ``"sqs"``, ``"sns"`` or
    ``"eventbridge"``. ``message_id`` (and ``receipt_handle``) are the SQS
    message's when the record came through SQS (also SNS inside SQS), so a
    handler can report partial batch failures.

    ``envelope`` is the outermost delivery's message exactly as it came (the
    same object, never copied): the SQS message, the SNS record, the
    EventBridge event, the ``receive_message`` message. Everything a
    delivery carries that a notification record has no field for (SQS
    attributes, SNS ``MessageAttributes``, EventBridge ``replay-name`` or
    extra ``resources``) is read there. ``inner`` is the next envelope in,
    for nested deliveries (the SNS message inside an SQS body, or the
    EventBridge event inside one), as parsed. A direct notification has
    neither (None).

    >>> Origin("sqs", "059f36b4-87a3-44ab-83d2-661975830a7d").service
    'sqs'
    """

    service: Literal["s3", "sqs", "sns", "eventbridge"]
    message_id: str | None = None
    receipt_handle: str | None = None
    envelope: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)
    inner: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)

    def wrapping(self, inner: Mapping[str, Any]) -> "Origin":
        """This origin with ``inner`` set to the first envelope nested in it.

        >>> Origin("sqs", "m-1", envelope={"body": "..."}).wrapping({"Type": "Notification"}).inner
        {'Type': 'Notification'}
        """
        if self.inner is not None or self.envelope is None:
            return self
        return Origin(self.service, self.message_id, self.receipt_handle, self.envelope, inner)


DIRECT = Origin("s3")
