"""Hypothesis strategies for S3 event notifications: keys, names, records, deliveries.

Needs the ``hypothesis`` extra (``pip install 's3types[hypothesis]'``). Every
strategy builds what S3 and its producers really send, optional fields
present or absent, so a property test of your handler meets the events
production will hand it.

>>> from hypothesis import given, settings
>>> from s3types import parse_event
>>> from s3types.testing.strategies import Delivery, deliveries
>>> @settings(max_examples=5)
... @given(deliveries())
... def test_every_delivery_parses(delivery: Delivery) -> None:
...     assert len(parse_event(delivery.wire).records) == len(delivery.event["Records"])
>>> test_every_delivery_parses()
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast

try:
    from hypothesis import strategies as st
except ImportError as err:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "s3types.testing.strategies needs Hypothesis: pip install 's3types[hypothesis]'"
    ) from err

from s3types._eventbridge import detail_type_of, event_name_of
from s3types._names import EventName, parse_event_name
from s3types._wire import S3EventDict
from s3types.ops._names import check_bucket_name
from s3types.testing._events import make_event, via_eventbridge, via_sns, via_sqs

__all__ = [
    "Delivery",
    "bucket_names",
    "deliveries",
    "event_names",
    "s3_events",
    "s3_keys",
    "s3_records",
    "sequencers",
]

# Pieces that have broken key handling somewhere: URL syntax, escapes that
# look already encoded, path tricks, multi-code-point emoji, odd spaces.
_KEY_PIECES = (
    " ", "  ", "+", "%", "%%", "%2B", "%41", "%zz", "%C3%A4", "=", "&", ":", "@", "$", ",",
    ";", "?", "#", "[", "]", "{", "}", "^", "`", "|", "\\", '"', "'", "<", ">", "~", "!", "*",
    "(", ")", "/", "//", "./", "../", "a/b/c", "photos/", "ä", "ß", "İ", "日本語", "😀",
    "👩\u200d💻", "🇩🇪", "\u00a0", "\u3000", "\t", "\n", "\x7f", "\u200b", "\ufeff", "\x00",
)  # fmt: skip
_EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e"
_HEX = "0123456789ABCDEFabcdef"


def _fit_utf8(key: str, max_bytes: int) -> str:
    data = key.encode("utf-8")
    if len(data) <= max_bytes:
        return key
    return data[:max_bytes].decode("utf-8", "ignore")


def s3_keys(*, max_bytes: int = 1024) -> st.SearchStrategy[str]:
    """Object keys S3 accepts: 1 to ``max_bytes`` (1024) bytes of UTF-8, decoded.

    Any character but a lone surrogate (which UTF-8 cannot carry), with a bias
    towards what breaks naive code: spaces (leading too), ``+``, ``%`` and
    already-encoded-looking ``%41``, ``= & : @ $``, ``/`` paths, unicode,
    emoji, control characters, and keys of exactly ``max_bytes`` bytes.

    >>> from hypothesis import given, settings
    >>> from s3types import parse_event
    >>> from s3types.testing import make_event
    >>> @settings(max_examples=5)
    ... @given(s3_keys())
    ... def test_key_round_trip(key: str) -> None:
    ...     event = parse_event(make_event(bucket="b", key=key))
    ...     assert event.records[0].key == key
    >>> test_key_round_trip()
    """
    if max_bytes < 4:
        raise ValueError(f"max_bytes must be at least 4 (one UTF-8 character), got {max_bytes}")
    text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12)
    piece = st.one_of(st.sampled_from(_KEY_PIECES), text)
    mixed = st.lists(piece, min_size=1, max_size=24).map("".join)
    longest = st.tuples(piece, piece).map(lambda pair: (pair[0] + pair[1]) * max_bytes)
    return st.one_of(mixed, mixed, mixed, longest).map(lambda k: _fit_utf8(k, max_bytes))


def bucket_names() -> st.SearchStrategy[str]:
    """Bucket names that follow S3's naming rules (3-63 lowercase letters, digits, ``-``, ``.``).

    Every name passes the check the typed operations (``s3types.ops``) make.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5)
    ... @given(bucket_names())
    ... def test_bucket(name: str) -> None:
    ...     assert 3 <= len(name) <= 63
    >>> test_bucket()
    """
    shaped = st.from_regex(
        r"[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])|\.(?=[a-z0-9])){2,62}", fullmatch=True
    )
    # The rest of the rules (no IP-address form, reserved prefixes and suffixes).
    return shaped.filter(_follows_bucket_rules)


def _follows_bucket_rules(name: str) -> bool:
    try:
        check_bucket_name(name)
    except ValueError:
        return False
    return True


_NEW_NAME = r"[A-Za-z]{1,24}(?::[A-Za-z]{1,24})?"


def event_names(*, new: bool = True, prefixed: bool = False) -> st.SearchStrategy[str]:
    """Wire ``eventName`` values: every :class:`~s3types.EventName`, and new well-formed ones.

    ``new=True`` adds names AWS may add later ("Category" or
    "Category:Action", letters only), which must still parse.
    ``prefixed=True`` sometimes adds the ``s3:`` prefix MinIO and Ceph send.

    >>> from hypothesis import given, settings
    >>> from s3types import EventName
    >>> @settings(max_examples=5)
    ... @given(event_names(prefixed=True))
    ... def test_name(name: str) -> None:
    ...     assert EventName(name) == name.removeprefix("s3:")
    >>> test_name()
    """
    names: st.SearchStrategy[str] = st.sampled_from([member.value for member in EventName])
    if new:
        names = st.one_of(names, st.from_regex(_NEW_NAME, fullmatch=True))
    if prefixed:
        names = st.one_of(names, names.map(lambda name: "s3:" + name))
    return names


def sequencers() -> st.SearchStrategy[str]:
    """Wire ``sequencer`` values: hex of varying length, upper, lower or mixed case.

    S3 sends uppercase hex of 16-18 digits, EventBridge lowercase; lengths vary,
    which is why S3's rule pads the shorter one with zeros before comparing.

    >>> from hypothesis import given, settings
    >>> from s3types import Sequencer
    >>> @settings(max_examples=5)
    ... @given(sequencers())
    ... def test_same_as_padded(text: str) -> None:
    ...     assert Sequencer(text) == Sequencer(text.lower() + "00")
    >>> test_same_as_padded()
    """
    return st.text(st.sampled_from(_HEX), min_size=1, max_size=40)


# Extra field values: any JSON, kept small.
_JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**64),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=16),
)


def _json_containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    )


_JSON_VALUES = st.recursive(_JSON_SCALARS, _json_containers, max_leaves=6)
# Names that collide with our Python attribute names, to prove they stay extras.
_TRICKY_FIELDS = (
    "origin", "key", "raw_key", "event_name", "bucket_name", "version_id", "records",
    "test_event", "is_test_event", "source", "eventId", "opaqueData", "awsGeneratedTags",
)  # fmt: skip
_KNOWN = {
    "event": {"Records"},
    "record": {
        "eventVersion", "eventSource", "awsRegion", "eventTime", "eventName", "userIdentity",
        "requestParameters", "responseElements", "s3", "glacierEventData",
        "replicationEventData", "intelligentTieringEventData", "lifecycleEventData",
    },
    "s3": {"s3SchemaVersion", "configurationId", "bucket", "object"},
    "bucket": {"name", "ownerIdentity", "arn"},
    "object": {"key", "size", "eTag", "versionId", "sequencer"},
}  # fmt: skip


def _extras(level: str) -> st.SearchStrategy[dict[str, Any]]:
    known = _KNOWN[level]
    tricky = st.sampled_from([name for name in _TRICKY_FIELDS if name not in known])
    names = st.one_of(tricky, st.text(min_size=1, max_size=12).filter(lambda n: n not in known))
    return st.dictionaries(names, _JSON_VALUES, max_size=3)


def _time_texts() -> st.SearchStrategy[str]:
    moments = st.datetimes(
        min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.just(None)
    )
    formats = st.sampled_from(
        [
            lambda m: m.strftime("%Y-%m-%dT%H:%M:%S.") + f"{m.microsecond // 1000:03d}Z",
            lambda m: m.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),  # MinIO, Ceph
            lambda m: m.strftime("%Y-%m-%d %H:%M:%S.%fZ"),  # Ceph, with a space
            lambda m: m.strftime("%Y-%m-%dT%H:%M:%SZ"),
            lambda m: m.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
        ]
    )
    return st.tuples(moments, formats).map(lambda pair: pair[1](pair[0]))


_ABSENT = object()
_SIZES = st.integers(min_value=0, max_value=5 * 1024**4)
_MULTIPART_ETAG = "9b2cf535f27731c974343645a3985328-2"
# Absent-like values S3, Ceph and Java tools send, and real version ids.
_VERSION_IDS = st.one_of(
    st.sampled_from([None, "", "null"]), st.from_regex(r"[A-Za-z0-9._]{1,32}", fullmatch=True)
)


def _maybe(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.just(_ABSENT), values)


# Built once: a strategy made inside a draw is validated again on every draw.
_BUCKETS = bucket_names()
_TIMES = _time_texts()
_SEQUENCERS = st.one_of(st.none(), sequencers())
_EXTRAS = {level: _extras(level) for level in _KNOWN}


@st.composite
def _records(
    draw: st.DrawFn, keys: st.SearchStrategy[str], names: st.SearchStrategy[str]
) -> dict[str, Any]:
    name = draw(names)
    event = make_event(
        parse_event_name(name),
        bucket=draw(_BUCKETS),
        key=draw(keys),
        region=draw(st.sampled_from(["us-east-1", "eu-central-1", "ap-southeast-2", "default"])),
        event_version=draw(st.sampled_from(["2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6"])),
    )
    record: dict[str, Any] = cast("dict[str, Any]", event["Records"][0])
    record["eventName"] = name
    record["eventSource"] = draw(st.sampled_from(["aws:s3", "aws:s3", "minio:s3", "ceph:s3"]))
    record["eventTime"] = draw(_TIMES)
    obj: dict[str, Any] = record["s3"]["object"]
    bucket: dict[str, Any] = record["s3"]["bucket"]
    fields: dict[str, Any] = {
        "size": draw(_maybe(st.one_of(_SIZES, _SIZES.map(str)))),
        "eTag": draw(_maybe(st.sampled_from([_EMPTY_MD5, "", _MULTIPART_ETAG]))),
        "versionId": draw(_maybe(_VERSION_IDS)),
        "sequencer": draw(_maybe(_SEQUENCERS)),
    }
    for field, value in fields.items():
        obj.pop(field, None)
        if value is not _ABSENT:
            obj[field] = value
    # moto leaves these out; Ceph sends an empty source IP.
    for block in ("userIdentity", "requestParameters", "responseElements"):
        if draw(st.booleans()):
            del record[block]
    if "requestParameters" in record and draw(st.booleans()):
        record["requestParameters"]["sourceIPAddress"] = ""
    for field in ("ownerIdentity", "arn"):
        if draw(st.booleans()):
            del bucket[field]
    for field in ("s3SchemaVersion", "configurationId"):
        if draw(st.booleans()):
            del record["s3"][field]
    record.update(draw(_EXTRAS["record"]))
    record["s3"].update(draw(_EXTRAS["s3"]))
    bucket.update(draw(_EXTRAS["bucket"]))
    obj.update(draw(_EXTRAS["object"]))
    return record


def s3_records(
    *,
    keys: st.SearchStrategy[str] | None = None,
    names: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """Wire records (``Records[i]`` of a notification) as AWS, MinIO and Ceph send them.

    Built with :func:`s3types.testing.make_event`, then varied: ``versionId``
    absent, null, ``""``, ``"null"`` or real; ``size`` absent, an int or a
    numeric string; ``eTag`` and ``sequencer`` (any case and length) present
    or not; ``userIdentity``, ``requestParameters``, ``responseElements``,
    ``ownerIdentity``, ``arn`` left out as moto does; ``s3:``-prefixed names;
    Ceph's timestamps; and unknown extra fields at every level. Values are
    what producers send, so they do not always fit the AWS-only
    :class:`~s3types.S3EventRecordDict`; hence ``dict[str, Any]``.

    >>> from hypothesis import given, settings
    >>> from s3types import S3EventRecord
    >>> @settings(max_examples=5)
    ... @given(s3_records())
    ... def test_record(record: dict) -> None:
    ...     model = S3EventRecord.model_validate(record)
    ...     assert model.bucket_name == record["s3"]["bucket"]["name"]
    >>> test_record()
    """
    return _records(
        s3_keys() if keys is None else keys,
        event_names(prefixed=True) if names is None else names,
    )


@st.composite
def _events(
    draw: st.DrawFn, records: st.SearchStrategy[dict[str, Any]], min_records: int, max_records: int
) -> dict[str, Any]:
    event: dict[str, Any] = {
        "Records": draw(st.lists(records, min_size=min_records, max_size=max_records))
    }
    event.update(draw(_EXTRAS["event"]))
    return event


def s3_events(
    *,
    records: st.SearchStrategy[dict[str, Any]] | None = None,
    min_records: int = 1,
    max_records: int = 3,
) -> st.SearchStrategy[dict[str, Any]]:
    """Direct notifications (``{"Records": [...]}``) of :func:`s3_records`, maybe with extra fields.

    AWS sends one record per notification today; several are allowed.

    >>> from hypothesis import given, settings
    >>> from s3types import parse_event
    >>> @settings(max_examples=5)
    ... @given(s3_events(max_records=2))
    ... def test_event(event: dict) -> None:
    ...     assert len(parse_event(event).records) == len(event["Records"])
    >>> test_event()
    """
    if not 0 <= min_records <= max_records:
        raise ValueError(f"need 0 <= min_records <= max_records, got {min_records}, {max_records}")
    return _events(s3_records() if records is None else records, min_records, max_records)


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


def _carried_by_eventbridge(name: str) -> bool:
    """True if EventBridge has a detail-type that maps back to exactly this name."""
    member = parse_event_name(name)
    try:
        detail_type, naming = detail_type_of(member)
    except ValueError:
        return False
    return event_name_of(detail_type, naming) == member.value


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
_ONE_RECORD_WRAPPERS: list[_Wrap] = [
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


@st.composite
def _deliveries(draw: st.DrawFn, events: st.SearchStrategy[dict[str, Any]]) -> Delivery:
    event = draw(events)
    wrappers = list(_WRAPPERS)
    found = event.get("Records")
    if isinstance(found, list) and len(found) == 1:
        record = found[0]
        # via_eventbridge takes the AWS shape, where a sequencer is never null.
        sequencer = record["s3"]["object"].get("sequencer", "")
        if _carried_by_eventbridge(record["eventName"]) and sequencer is not None:
            wrappers.extend(_ONE_RECORD_WRAPPERS)
        if str(record.get("eventSource", "")).endswith(":s3"):
            wrappers.append(_CEPH)
    wrapper, service, wrap = draw(st.sampled_from(wrappers))
    wire: dict[str, Any] = wrap(cast("S3EventDict", event))
    encoding = draw(st.sampled_from(["dict", "JSON text", "JSON bytes"]))
    if encoding == "JSON text":
        return Delivery(event, json.dumps(wire), f"{wrapper} as {encoding}", service)
    if encoding == "JSON bytes":
        text = json.dumps(wire, ensure_ascii=False).encode()
        return Delivery(event, text, f"{wrapper} as {encoding}", service)
    return Delivery(event, wire, wrapper, service)


def deliveries(
    events: st.SearchStrategy[dict[str, Any]] | None = None,
) -> st.SearchStrategy[Delivery]:
    """A notification wrapped in each way it reaches a function, as a dict, JSON text or bytes.

    Wrappers: direct; ``via_sqs``; ``via_sqs(through_sns=True)``; ``via_sns``;
    boto3's ``sqs.receive_message()`` output; and for one-record events,
    ``via_eventbridge`` (alone and inside SQS; only for names EventBridge
    carries) and Ceph's CloudEvents form. Parsing ``delivery.wire`` must give
    the records of ``delivery.event``.

    >>> from hypothesis import given, settings
    >>> from s3types import parse_event
    >>> @settings(max_examples=5)
    ... @given(deliveries())
    ... def test_same_keys(delivery: Delivery) -> None:
    ...     keys = [r.key for r in parse_event(delivery.wire).records]
    ...     assert keys == [r.key for r in parse_event(delivery.event).records]
    >>> test_same_keys()
    """
    return _deliveries(s3_events(max_records=2) if events is None else events)
