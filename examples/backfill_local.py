"""Backfill the photos already stored, here, with the local engine; then read the report.

``index_photo`` (from ``examples/one_handler_both_ways.py``) is the function
S3 notifies of new photos. :func:`s3types.backfill.run_local` runs it over
the photos its trigger matches, one Batch Operations task per invocation,
and writes the completion report S3 would; :func:`s3types.backfill.read_report`
reads it (or one S3 Batch Operations wrote).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from examples.one_handler_both_ways import index_photo
from s3types.backfill import BackfillReport, read_report, run_local

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


def backfill_here(s3: S3Client, report_uri: str) -> BackfillReport:
    """Run ``index_photo`` over the existing photos; the report, written to ``report_uri``."""
    # --8<-- [start:run]
    report = run_local(index_photo, s3, report_uri=report_uri)
    print(f"{report.succeeded} succeeded, {report.failed} failed: {report.location}")
    # --8<-- [end:run]
    return report


def show_failures(s3: S3Client, manifest_uri: str) -> list[str]:
    """Print the failed tasks of a completion report; their keys."""
    # --8<-- [start:read]
    report = read_report(s3, manifest_uri)
    for outcome in report.failures():
        print(outcome.key, outcome.result_code.value, outcome.result_string)
    # --8<-- [end:read]
    return [outcome.key for outcome in report.failures()]
