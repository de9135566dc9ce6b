"""Strategies for wire records and direct notifications, as AWS, MinIO and Ceph send them."""

from __future__ import annotations

from typing import Any, cast

from hypothesis import strategies as st

from s3types.testing._events import make_event
from s3types.testing.strategies._values import (
    JSON_VALUES,
    bucket_names,
    event_names,
    s3_keys,
    sequencers,
    time_texts,
    version_ids,
)

__all__ = ["s3_events", "s3_records"]

_EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e"
_MULTIPART_ETAG = "9b2cf535f27731c974343645a3985328-2"
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
    return st.dictionaries(names, JSON_VALUES, max_size=3)


_ABSENT = object()
_SIZES = st.integers(min_value=0, max_value=5 * 1024**4)


def _maybe(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.just(_ABSENT), values)


# Built once: a strategy made inside a draw is validated again on every draw.
_BUCKETS = bucket_names()
_TIMES = time_texts()
_VERSION_IDS = version_ids()
_SEQUENCERS = st.one_of(st.none(), sequencers())
_EXTRAS = {level: _extras(level) for level in _KNOWN}


@st.composite
def _records(
    draw: st.DrawFn, keys: st.SearchStrategy[str], names: st.SearchStrategy[str]
) -> dict[str, Any]:
    name = draw(names)
    event = make_event(
        name,
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
