"""The contract every delivery meets: :class:`Delivery`, and where an input sits (:class:`At`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol

from s3types._errors import S3EventError
from s3types._limits import MAX_RECORDS, too_many
from s3types._model import Origin
from s3types._narrow import as_list, as_mapping

if TYPE_CHECKING:
    from s3types._deliveries._walk import Found

__all__ = ["At", "Carrier", "Delivery", "as_list", "as_mapping", "records_list", "str_or_none"]

#: What carries an input: ``"lambda"`` (the function was handed it), or the
#: SQS message body / SNS message it was found in.
Carrier = Literal["lambda", "sqs", "sns"]


class At(NamedTuple):
    """Where an input being unwrapped sits: its path, its origin so far, what carries it.

    A NamedTuple: one is made per SQS message, and a tuple costs a third of
    a frozen dataclass to make.
    """

    path: str
    origin: Origin
    carrier: Carrier


class Delivery(Protocol):
    """One way an S3 notification reaches a function, told apart by values.

    ``claims`` decides from values (``eventSource == "aws:sqs"``,
    ``source == "aws.s3"``), never from key presence alone, so no two
    deliveries claim the same input and the registry's order is only about
    speed. ``unwrap`` hands what it found to ``found``: records, a test
    event, or inner messages, which ``found.walk`` parses by walking the
    registry again (that is how SNS in SQS composes).
    """

    @property
    def name(self) -> str:
        """A short human name of the shape ("an SQS batch", ...)."""
        ...

    @property
    def carriers(self) -> frozenset[Carrier]:
        """Where this shape can be found: handed to Lambda, in an SQS body, in an SNS message."""
        ...

    def claims(self, event: Mapping[str, Any]) -> bool:
        """True if ``event`` has this shape (decided from values)."""
        ...

    def unwrap(self, event: Mapping[str, Any], at: At, found: Found) -> None:
        """Validate ``event`` (which this delivery claims) and hand its contents to ``found``."""
        ...


def records_list(event: Mapping[str, Any], key: str, path: str = "") -> list[Any]:
    """``event[key]`` as the list of messages it must be, bounded by ``MAX_RECORDS``."""
    raw: object = event.get(key)
    value = as_list(raw)
    where = f"{path}.{key}" if path else key
    if value is None:
        got = "null" if raw is None else type(raw).__name__
        raise S3EventError(f"{where}: expected a list, got {got}", path=where)
    if len(value) > MAX_RECORDS:
        raise too_many(len(value), "messages", where)
    return value


def str_or_none(value: object) -> str | None:
    """``value`` if it is a str, else None (message ids from a hand-written event)."""
    return value if isinstance(value, str) else None
