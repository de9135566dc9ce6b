"""Strategies for deliveries: a notification as SQS, SNS, EventBridge or Ceph hand it over."""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, cast

from hypothesis import strategies as st

from s3types import EventName, S3EventDict, S3EventError, parse_event
from s3types.testing._events import make_event, via_eventbridge, via_sns, via_sqs
from s3types.testing.strategies._mutations import mutated
from s3types.testing.strategies._records import s3_events
from s3types.testing.strategies._values import is_array, is_object

__all__ = ["Delivery", "deliveries"]

Service = Literal["s3", "sqs", "sns", "eventbridge"]


@dataclass(frozen=True)
class Delivery:
    """A notification as one delivery path hands it to a function.

    ``event`` is the direct notification; ``wire`` is what the function
    receives (a dict, or JSON text or bytes); ``wrapper`` says how it was
    wrapped (for failure messages); ``service`` is the ``record.origin.service``
    that parsing it must report.

    >>> from s3types.testing import make_event
    >>> Delivery(make_event(bucket="b", key="k"), {}, "direct", "s3").service
    's3'
    """

    event: dict[str, Any]
    wire: dict[str, Any] | str | bytes
    wrapper: str
    service: Service


@functools.cache
def _carried_by_eventbridge(name: str) -> bool:
    """True if EventBridge has a detail-type that maps back to exactly this name."""
    try:
        bridged = via_eventbridge(make_event(name, bucket="probe-bucket", key="k"))
        parsed = parse_event(bridged).records[0].event_name
    except (ValueError, S3EventError):
        return False
    return parsed == EventName(name)


def _receive_message(batch: dict[str, Any]) -> dict[str, Any]:
    """What boto3's ``sqs.receive_message()`` returns for the messages of a Lambda batch."""
    messages = [
        {
            "MessageId": message["messageId"],
            "ReceiptHandle": message["receiptHandle"],
            "MD5OfBody": message["md5OfBody"],
            "Body": message["body"],
        }
        for message in batch["Records"]
    ]
    metadata = {"RequestId": "EXAMPLE", "HTTPStatusCode": 200, "RetryAttempts": 0}
    return {"Messages": messages, "ResponseMetadata": metadata}


_Wrap = tuple[str, Service, Callable[[S3EventDict], dict[str, Any]]]
# These carry the notification as it is (as JSON text inside the envelope).
_WRAPPERS: list[_Wrap] = [
    ("direct", "s3", lambda event: cast("dict[str, Any]", copy.deepcopy(event))),
    ("via_sqs", "sqs", lambda event: cast("dict[str, Any]", via_sqs(event))),
    (
        "via_sqs(through_sns=True)",
        "sqs",
        lambda event: cast("dict[str, Any]", via_sqs(event, through_sns=True)),
    ),
    ("via_sns", "sns", lambda event: cast("dict[str, Any]", via_sns(event))),
    (
        "sqs.receive_message()",
        "sqs",
        lambda event: _receive_message(cast("dict[str, Any]", via_sqs(event))),
    ),
]
# These rewrite the notification's one record into another shape.
_EVENTBRIDGE: list[_Wrap] = [
    ("via_eventbridge", "eventbridge", lambda event: dict(via_eventbridge(event))),
    (
        "via_sqs(via_eventbridge())",
        "sqs",
        lambda event: cast("dict[str, Any]", via_sqs(via_eventbridge(event))),
    ),
]
_CEPH: _Wrap = (
    "Ceph CloudEvents",
    "s3",
    lambda event: {"specversion": "1.0", "data": copy.deepcopy(event["Records"][0])},
)


def _rewriters(event: dict[str, Any], *, exact: bool) -> list[_Wrap]:
    """The rewriting wrappers that can take ``event``; ``exact``: only lossless ones."""
    found: object = event.get("Records")
    if not (is_array(found) and len(found) == 1 and is_object(found[0])):
        return []
    record: dict[str, Any] = found[0]
    offered: list[_Wrap] = []
    try:
        name: Any = record["eventName"]
        # via_eventbridge takes the AWS shape, where a sequencer is never null.
        sequencer: Any = record["s3"]["object"].get("sequencer", "")
        if _carried_by_eventbridge(name) and (sequencer is not None or not exact):
            if not exact:
                via_eventbridge(cast("S3EventDict", event))  # it must be able to rewrite it
            offered.extend(_EVENTBRIDGE)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        # A mutated record EventBridge's rewrite cannot read: nothing to offer.
        pass
    if str(record.get("eventSource", "")).endswith(":s3"):
        offered.append(_CEPH)
    return offered


def _json_bytes(wire: object) -> bytes:
    # surrogatepass: a mutated value's lone surrogate becomes invalid UTF-8, as
    # a broken producer would send it.
    return json.dumps(wire, ensure_ascii=False).encode("utf-8", "surrogatepass")


@st.composite
def _deliveries(
    draw: st.DrawFn, events: st.SearchStrategy[dict[str, Any]], max_mutations: int
) -> Delivery:
    event = draw(events)
    if max_mutations:
        event = draw(mutated(event, max_mutations=max_mutations))
    wrappers = _WRAPPERS + _rewriters(event, exact=not max_mutations)
    wrapper, service, wrap = draw(st.sampled_from(wrappers))
    wire: dict[str, Any] = wrap(cast("S3EventDict", event))
    encoding = draw(st.sampled_from(["dict", "JSON text", "JSON bytes"]))
    if encoding == "JSON text":
        return Delivery(event, json.dumps(wire), f"{wrapper} as {encoding}", service)
    if encoding == "JSON bytes":
        return Delivery(event, _json_bytes(wire), f"{wrapper} as {encoding}", service)
    return Delivery(event, wire, wrapper, service)


def deliveries(
    events: st.SearchStrategy[dict[str, Any]] | None = None, *, max_mutations: int = 0
) -> st.SearchStrategy[Delivery]:
    """A notification wrapped in each way it reaches a function, as a dict, JSON text or bytes.

    Wrappers: direct; ``via_sqs``; ``via_sqs(through_sns=True)``; ``via_sns``;
    boto3's ``sqs.receive_message()`` output; and for one-record events,
    ``via_eventbridge`` (alone and inside SQS; only for names EventBridge
    carries) and Ceph's CloudEvents form. Parsing ``delivery.wire`` must give
    the records of ``delivery.event``.

    ``max_mutations=N`` first applies 1 to N mutations of :func:`mutated` to
    the notification (JSON values only), then wraps it: valid envelopes
    around broken notifications. ``delivery.event`` is then the mutated
    notification; the EventBridge and Ceph forms carry only some of its
    fields, so only the other wrappers must agree with it on failure too.

    >>> from hypothesis import given, settings
    >>> from s3types import parse_event
    >>> @settings(max_examples=5)
    ... @given(deliveries())
    ... def test_same_keys(delivery: Delivery) -> None:
    ...     keys = [r.key for r in parse_event(delivery.wire).records]
    ...     assert keys == [r.key for r in parse_event(delivery.event).records]
    >>> test_same_keys()
    """
    if max_mutations < 0:
        raise ValueError(f"max_mutations must be 0 (valid deliveries) or more, got {max_mutations}")
    return _deliveries(s3_events(max_records=2) if events is None else events, max_mutations)
