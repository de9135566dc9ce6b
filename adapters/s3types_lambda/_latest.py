"""``latest_only``: within one invocation, run only each key's latest event."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from s3types import latest_per_key
from s3types_lambda._batch import LOGGER_NAME

if TYPE_CHECKING:
    from s3types import S3EventRecord

__all__ = ["superseded"]


def superseded(
    records: Iterable[S3EventRecord], accepts: Callable[[S3EventRecord], bool]
) -> set[int]:
    """The ``id()`` of each accepted record a later event for its key in ``records`` supersedes.

    Only records the handler's filter accepts take part: an event the
    handler does not listen to (a tagging after an upload, say) never hides
    one it does. Repeats of the winning notification are superseded too.
    Each record skipped is logged at DEBUG with the record that wins.
    """
    accepted = [record for record in records if accepts(record)]
    winners = latest_per_key(accepted)
    if len(winners) == len(accepted):
        return set()
    kept = {id(record) for record in winners}
    by_object = {(record.bucket_name, record.key): record for record in winners}
    import logging  # only when something is skipped: logging costs cold-start time

    logger = logging.getLogger(LOGGER_NAME)
    skipped: set[int] = set()
    for record in accepted:
        if id(record) in kept:
            continue
        skipped.add(id(record))
        winner = by_object[(record.bucket_name, record.key)]
        if record.idempotency_key == winner.idempotency_key:
            logger.debug(
                "latest_only: skipped %s of %r in bucket %s (%s, message %s): a repeat of"
                " message %s in this invocation",
                record.event_name.value,
                record.key,
                record.bucket_name,
                _when(record),
                record.origin.message_id,
                winner.origin.message_id,
            )
            continue
        logger.debug(
            "latest_only: skipped %s of %r in bucket %s (%s, message %s): superseded by %s"
            " (%s, message %s) in this invocation",
            record.event_name.value,
            record.key,
            record.bucket_name,
            _when(record),
            record.origin.message_id,
            winner.event_name.value,
            _when(winner),
            winner.origin.message_id,
        )
    return skipped


def _when(record: S3EventRecord) -> str:
    sequencer = record.sequencer
    if sequencer is not None:
        return f"sequencer {sequencer}"
    return f"event time {record.event_time.isoformat()}"
