"""``EventOrTask``: what an ``on_s3_change(..., backfill=True)`` function receives."""

from __future__ import annotations

from typing import TypeAlias

from s3types import S3Event
from s3types.batch import BatchTask

__all__ = ["EventOrTask"]

EventOrTask: TypeAlias = S3Event | BatchTask
"""The argument of an ``on_s3_change(..., backfill=True)`` function.

The typed :class:`s3types.S3Event` (its matching records) for a
notification, one :class:`s3types.batch.BatchTask` per task of a Batch
Operations job.
"""
