"""At-least-once delivery made safe: one key per notification, duplicates and stale events.

S3 delivers each notification at least once and in no particular order.
Three pure functions of records answer what a function needs for that:
``idempotency_key`` (which notifications are the same one),
``dedupe`` (drop the repeats) and ``latest_per_key`` (per object, only the
event that describes its last state). They read values only: no I/O, no
clock, and each is one pass over the records.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from s3types._model import S3EventRecord
    from s3types._values import Sequencer

__all__ = ["dedupe", "idempotency_key", "latest_per_key"]

# Joins the fields of a key. No field can contain it: S3 keys, bucket
# names, version ids, sequencers and event names are XML-safe text, and
# XML 1.0 has no NUL.
_SEPARATOR = "\x00"


def idempotency_key(record: S3EventRecord) -> str:
    """The string that is the same for every delivery of one S3 notification.

    64 lowercase hex digits: the SHA-256 of the fields that identify a
    notification, so it fits any store's key (DynamoDB, a log line) whatever
    the object key's length. It is stable: a change would be a breaking
    change, because stores keep these keys across deployments.

    Two records are the same notification when they have the same

    - bucket name and object key (the decoded key, so a record delivered
      through EventBridge and one delivered directly agree),
    - version id (None for unversioned buckets: there the sequencer alone
      tells two writes of a key apart, so nothing is lost without it),
    - sequencer, compared as S3 orders it (case and trailing zeros do not
      matter: ``"0A"`` is ``"0a00"``); AWS documents that a repeated
      delivery carries the same sequencer, and that different events for a
      key carry different ones,
    - event name (``ObjectCreated:Put`` and ``ObjectTagging:Put`` for one
      write are two things to do).

    Event time and ETag are left out when a sequencer is there: EventBridge
    states the time to the second where a notification has milliseconds, so
    they would make one notification two.

    Without a sequencer (moto's notifications have none) the event time and
    the ETag stand in for it. Then two writes of the same bytes to the same
    key within the same millisecond look like one notification, and the
    second is taken for a repeat of the first; a producer that stamps a new
    time on each redelivery makes repeats look new. Both are rarer than the
    repeats this key catches, but know them if your store sends no
    sequencer. (moto's EventBridge events carry one fixed sequencer for
    every event: on an unversioned bucket two overwrites of a key then look
    like one notification. AWS, MinIO and Ceph send real ones.)

    >>> from s3types import parse_event
    >>> from s3types.testing import make_event, via_eventbridge
    >>> event = make_event(bucket="photos", key="red flower.jpg", sequencer="0055AED6DC")
    >>> direct = parse_event(event).records[0]
    >>> routed = parse_event(via_eventbridge(event)).records[0]
    >>> direct.idempotency_key == routed.idempotency_key
    True
    >>> len(direct.idempotency_key)
    64
    """
    identity = _SEPARATOR.join(_identity(record))
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()


def dedupe(records: Iterable[S3EventRecord]) -> list[S3EventRecord]:
    """The records without repeated notifications: the first delivery of each kept, in order.

    Two records are the same notification when their
    :attr:`~s3types.S3EventRecord.idempotency_key` is (see there which
    fields count). Linear in the number of records.

    >>> from datetime import datetime, timezone
    >>> from s3types import parse_event
    >>> from s3types.testing import make_event
    >>> def record(key: str, sequencer: str):
    ...     return parse_event(make_event(bucket="b", key=key, sequencer=sequencer)).records[0]
    >>> records = [record("a", "01"), record("b", "02"), record("a", "01"), record("a", "03")]
    >>> [(r.key, str(r.sequencer)) for r in dedupe(records)]
    [('a', '01'), ('b', '02'), ('a', '03')]
    """
    # The fields themselves, not their hash: the same equality, without hashing.
    seen: set[tuple[str, ...]] = set()
    kept: list[S3EventRecord] = []
    for record in records:
        identity = _identity(record)
        if identity not in seen:
            seen.add(identity)
            kept.append(record)
    return kept


def latest_per_key(records: Iterable[S3EventRecord]) -> list[S3EventRecord]:
    """Per bucket and key, only the record of the latest event: the object's last state.

    A put, delete, put burst whose notifications arrive out of order
    resolves to the last put. Records are compared only with records of the
    same bucket and key (AWS: sequencers of different keys say nothing about
    their order). The rule:

    - when every record for the key has a sequencer, the greatest sequencer
      wins, by S3's rule (right-pad the shorter with zeros, case ignored);
      equal sequencers are repeats of one notification and the first is kept;
    - when any has none (moto sends none), the latest event time wins, and
      between equal times the record that came later in ``records``
      (S3 states times to the millisecond; arrival order is the best
      evidence left).

    The records kept are returned in the order they came. Linear in the
    number of records. Repeats of the winning notification are dropped too.

    >>> from s3types import parse_event
    >>> from s3types.testing import make_event
    >>> def record(name: str, key: str, sequencer: str):
    ...     event = make_event(name, bucket="b", key=key, sequencer=sequencer)
    ...     return parse_event(event).records[0]
    >>> burst = [record("ObjectCreated:Put", "a", "0055AED6DC0003"),
    ...          record("ObjectCreated:Put", "z", "0055AED6DC01"),
    ...          record("ObjectRemoved:Delete", "a", "0055aed6dc0002"),
    ...          record("ObjectCreated:Put", "a", "0055AED6DC")]
    >>> [(r.key, r.event_name.value) for r in latest_per_key(burst)]
    [('a', 'ObjectCreated:Put'), ('z', 'ObjectCreated:Put')]
    >>> str(latest_per_key(burst)[0].sequencer)
    '0055AED6DC0003'
    """
    listed = records if isinstance(records, list) else list(records)
    # Per (bucket, key): index of the greatest sequencer, index of the latest
    # time, and whether some record had no sequencer. One pass; the winner of
    # each key is chosen at the end, so a record without a sequencer arriving
    # last still switches its key to the time rule.
    by_sequencer: dict[tuple[str, str], tuple[Sequencer, int]] = {}
    by_time: dict[tuple[str, str], tuple[datetime, int]] = {}
    timed_only: set[tuple[str, str]] = set()
    for index, record in enumerate(listed):
        object_id = (record.bucket_name, record.key)
        moment = record.event_time
        best_time = by_time.get(object_id)
        if best_time is None or moment >= best_time[0]:
            by_time[object_id] = (moment, index)
        sequencer = record.sequencer
        if sequencer is None:
            timed_only.add(object_id)
            continue
        best = by_sequencer.get(object_id)
        if best is None or sequencer > best[0]:
            by_sequencer[object_id] = (sequencer, index)
    winners = {
        (by_time[object_id] if object_id in timed_only else by_sequencer[object_id])[1]
        for object_id in by_time
    }
    return [record for index, record in enumerate(listed) if index in winners]


def _identity(record: S3EventRecord) -> tuple[str, str, str, str, str]:
    # What makes a notification the one it is (idempotency_key documents why).
    sequencer = record.sequencer
    if sequencer is not None:
        when = "s:" + _canonical_sequencer(sequencer)
    else:
        when = f"t:{record.event_time.isoformat()}:{record.etag or ''}"
    return (
        record.bucket_name,
        record.key,
        record.version_id or "",
        when,
        str(record.event_name.value),
    )


def _canonical_sequencer(sequencer: Sequencer) -> str:
    # The form equal sequencers share (S3's rule: trailing zeros pad, case ignored).
    return str.upper(sequencer).rstrip("0")
