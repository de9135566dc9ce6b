"""Walking the registry: :class:`Found` collects what the deliveries unwrap."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic_core import from_json

from s3types._deliveries._base import At, Delivery, as_mapping
from s3types._deliveries.direct import DIRECT as DIRECT_SHAPE
from s3types._deliveries.direct import from_text, validate_notification
from s3types._deliveries.registry import REGISTRY
from s3types._errors import S3EventError
from s3types._limits import MAX_RECORDS, too_deep
from s3types._model import DIRECT, S3Event, S3EventRecord

__all__ = ["Found", "construct_event", "load_json", "walk_input"]

_TOP = At("", DIRECT, "lambda")


def walk_input(event: object) -> S3Event:
    """``parse_event`` of an input its fast paths did not take: the registry walk.

    JSON text a direct notification's fast path refused (too large, or
    holding ``NaN``) is parsed first; a direct notification it holds is then
    validated as one.
    """
    value = load_json(event, "") if isinstance(event, (str, bytes, bytearray)) else event
    notification = as_mapping(value)
    if notification is not None and DIRECT_SHAPE.claims(notification):
        return validate_notification(notification, "")
    found = Found(REGISTRY)
    found.walk(value, _TOP)
    return found.event()


class Found:
    """What one ``parse_event`` call found: records, test events, the whole event.

    Deliveries hand their contents here; :meth:`walk` parses an inner
    message (an SQS body, an SNS message) by walking the same registry.
    """

    __slots__ = ("_registry", "records", "test_events", "whole")

    def __init__(self, registry: Sequence[Delivery]) -> None:
        self._registry = registry
        self.records: list[S3EventRecord] = []
        self.test_events: list[S3Event] = []
        #: The direct notification that was the whole input, returned as validated.
        self.whole: S3Event | None = None

    @property
    def room(self) -> int:
        """How many more records this input may carry."""
        return MAX_RECORDS - len(self.records)

    def walk(self, value: object, at: At) -> None:
        """Parse ``value`` (a dict, or JSON text) as a delivery that can be found at ``at``."""
        if isinstance(value, (str, bytes, bytearray)):
            direct = from_text(value, at.path, self.room)
            if direct is not None:
                self.add_event(direct, at)
                return
            value = load_json(value, at.path)
        event = as_mapping(value)
        if event is None:
            from s3types._deliveries._describe import not_an_event  # the error path only

            raise not_an_event(value, at)
        for delivery in self._registry:
            if at.carrier in delivery.carriers and delivery.claims(event):
                delivery.unwrap(event, at, self)
                return
        from s3types._deliveries._describe import rejected

        raise rejected(event, at)

    def add_event(self, event: S3Event, at: At) -> None:
        """A validated notification: the whole input, or records found inside a delivery."""
        if not event.records and event.test_event is not None:
            self.test_events.append(event)
        elif at.carrier == "lambda" and at.origin is DIRECT and not self.records:
            self.whole = event
        else:
            self.add_records(event.records, at)

    def add_records(self, records: Iterable[S3EventRecord], at: At) -> None:
        """Records found at ``at``: each keeps ``at.origin``."""
        origin = at.origin
        for record in records:
            if origin is not DIRECT:
                object.__setattr__(record, "origin", origin)
            self.records.append(record)

    def event(self) -> S3Event:
        """The one event all of it makes (a test event only when there are no records)."""
        if self.whole is not None:
            return self.whole
        if not self.records and self.test_events:
            return self.test_events[0]
        return construct_event(tuple(self.records))


_set = object.__setattr__


def construct_event(records: tuple[S3EventRecord, ...]) -> S3Event:
    """``S3Event.model_construct(records=records)`` without its per-field loop.

    What ``model_construct`` sets, set directly: for an SQS message it cost
    a tenth of the whole parse. S3Event has one field, no private
    attributes and no ``model_post_init`` (a test holds the two equal).
    """
    event = S3Event.__new__(S3Event)
    _set(event, "__dict__", {"records": records})
    _set(event, "__pydantic_fields_set__", {"records"})
    _set(event, "__pydantic_extra__", {})
    _set(event, "__pydantic_private__", None)
    return event


def load_json(text: str | bytes | bytearray, path: str) -> Any:
    """Parse JSON text strictly (no ``NaN``), with an error that says what is wrong and where."""
    where = f" at {path}" if path else ""
    try:
        return from_json(text, allow_inf_nan=False)
    except ValueError as err:
        if str(err).startswith("recursion limit exceeded"):
            raise too_deep(path) from None
        raise S3EventError(
            f"the input{where} is not valid JSON: {_why(text, str(err))}", path=path
        ) from None
    except TypeError:
        # pydantic-core cannot encode a str that holds a lone surrogate.
        raise S3EventError(
            f"the input{where} is not valid JSON text: {_lone_surrogate(text)}", path=path
        ) from None


def _why(text: str | bytes | bytearray, message: str) -> str:
    head = text[:4]
    if head[:3] == b"\xef\xbb\xbf" or (isinstance(head, str) and head[:1] == "\ufeff"):
        return (
            "it is an encoding problem: the text starts with a UTF-8 byte order mark;"
            " decode it with 'utf-8-sig' (or strip the mark) before parsing"
        )
    if isinstance(head, (bytes, bytearray)) and (
        head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head
    ):
        return (
            "it is an encoding problem: the bytes look UTF-16 encoded, and S3 events are"
            " UTF-8 JSON; decode them with the right codec and pass the str"
        )
    if "hex escape" in message or "surrogate" in message:
        return (
            f"{message}: a \\u escape names a lone surrogate (\\ud800-\\udfff without its"
            " pair), which no S3 key or field can hold"
        )
    try:
        from_json(text, allow_inf_nan=True)
    except ValueError:
        return message
    return (
        f"{message}: NaN and Infinity are not JSON (Python's json.dumps writes them"
        " unless allow_nan=False); send numbers or strings"
    )


def _lone_surrogate(text: str | bytes | bytearray) -> str:
    try:
        text.encode("utf-8") if isinstance(text, str) else bytes(text).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError) as err:
        return (
            f"{err.reason} at position {err.start}, which UTF-8 cannot carry;"
            " decode the bytes you received with errors='strict' to find the cause"
        )
    return "it cannot be encoded as UTF-8"
