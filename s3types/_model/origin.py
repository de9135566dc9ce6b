"""Where a record came from: :class:`Origin`."""

from collections.abc import Mapping
from typing import Any, Literal

__all__ = ["DIRECT", "Origin"]

Service = Literal["s3", "sqs", "sns", "eventbridge"]


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

    Read-only; equal and hashed by service, message id and receipt handle
    (not by the envelopes). A plain class with slots rather than a frozen
    dataclass, which would cost every cold start 1.5 ms to generate.

    >>> Origin("sqs", "059f36b4-87a3-44ab-83d2-661975830a7d").service
    'sqs'
    >>> Origin("sqs", "m-1", envelope={"body": "..."}) == Origin("sqs", "m-1")
    True
    """

    __slots__ = ("_envelope", "_inner", "_message_id", "_receipt_handle", "_service")

    def __init__(
        self,
        service: Service,
        message_id: str | None = None,
        receipt_handle: str | None = None,
        envelope: Mapping[str, Any] | None = None,
        inner: Mapping[str, Any] | None = None,
    ) -> None:
        self._service: Service = service
        self._message_id = message_id
        self._receipt_handle = receipt_handle
        self._envelope = envelope
        self._inner = inner

    @property
    def service(self) -> Service:
        """``"s3"``, ``"sqs"``, ``"sns"`` or ``"eventbridge"``: the outermost delivery."""
        return self._service

    @property
    def message_id(self) -> str | None:
        """The SQS message's id, when the record came through SQS."""
        return self._message_id

    @property
    def receipt_handle(self) -> str | None:
        """The SQS message's receipt handle, when the record came through SQS."""
        return self._receipt_handle

    @property
    def envelope(self) -> Mapping[str, Any] | None:
        """The outermost delivery's message, exactly as it came (None for a direct one)."""
        return self._envelope

    @property
    def inner(self) -> Mapping[str, Any] | None:
        """The next envelope in, for nested deliveries (None otherwise)."""
        return self._inner

    def _key(self) -> tuple[str, str | None, str | None]:
        return (self._service, self._message_id, self._receipt_handle)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Origin:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Origin(service={self._service!r}, message_id={self._message_id!r},"
            f" receipt_handle={self._receipt_handle!r})"
        )

    def wrapping(self, inner: Mapping[str, Any]) -> "Origin":
        """This origin with ``inner`` set to the first envelope nested in it.

        >>> Origin("sqs", "m-1", envelope={"body": "..."}).wrapping({"Type": "Notification"}).inner
        {'Type': 'Notification'}
        """
        if self.inner is not None or self.envelope is None:
            return self
        return Origin(self.service, self.message_id, self.receipt_handle, self.envelope, inner)


DIRECT = Origin("s3")
