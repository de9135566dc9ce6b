"""Backfills: run a function over the objects a bucket already holds.

An S3 trigger fires for objects written after it is configured; the ones
already in the bucket never fire it. At scale, S3 Batch Operations is the
engine: :func:`plan_backfill` builds its ``CreateJob`` request from the
function's triggers (the job invokes the function once per object, with
the Batch Operations event), the IAM role it needs and what it will
cost; :func:`submit_backfill` creates the job. :func:`read_report` reads
the job's completion report; :func:`run_local` runs the same function
over a few thousand objects here (tests, demos, small buckets), writing
the same report. Everything here is imported on first use.
"""

from typing import TYPE_CHECKING

from s3types._lazy import lazy_exports

if TYPE_CHECKING:
    from s3types.backfill._local import run_local
    from s3types.backfill._locations import ReportError
    from s3types.backfill._report import BackfillReport, TaskOutcome, read_report

# Names and the module defining each (imported on first read); the
# TYPE_CHECKING imports for type checkers are added beside them.
_LAZY: dict[str, str] = {
    "BackfillReport": "._report",
    "ReportError": "._locations",
    "TaskOutcome": "._report",
    "read_report": "._report",
    "run_local": "._local",
}

__getattr__ = lazy_exports(globals(), _LAZY)

__all__: list[str] = [
    "BackfillReport",
    "ReportError",
    "TaskOutcome",
    "read_report",
    "run_local",
]
