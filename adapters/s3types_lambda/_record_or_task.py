"""``RecordOrTask``: what a function declared for live events and backfills receives."""

from __future__ import annotations

from typing import TypeAlias

from s3types import S3EventRecord
from s3types.batch import BatchTask

__all__ = ["RecordOrTask"]

RecordOrTask: TypeAlias = S3EventRecord | BatchTask
"""What a ``@s3_record_handler(..., backfill=True)`` function is handed.

An :class:`s3types.S3EventRecord` for a notification (live), a
:class:`s3types.batch.BatchTask` for a Batch Operations task (backfill).
Both have ``bucket_name``, ``key`` (decoded) and ``version_id``;
``isinstance(item, BatchTask)`` tells where it came from.
"""
