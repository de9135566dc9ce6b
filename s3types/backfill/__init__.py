"""Backfills: run a function over the objects a bucket already holds.

An S3 trigger fires for objects written after it is configured; the ones
already in the bucket never fire it. At scale, S3 Batch Operations is the
engine: :func:`plan_backfill` builds its ``CreateJob`` request from the
function's triggers (the job invokes the function once per object, with
the Batch Operations event), the IAM role it needs and what it will
cost; :func:`submit_backfill` creates the job and :func:`watch_job`
follows it; :func:`read_report` reads the job's completion report, and
:func:`retry_objects` picks its failed tasks for another job.
:func:`run_local` runs the same function over a few thousand objects
here (tests, demos, small buckets), writing the same report. Everything
here is imported on first use.

>>> from datetime import datetime, timezone
>>> from s3types.backfill import plan_backfill
>>> from s3types.triggers import Trigger
>>> plan = plan_backfill(
...     [Trigger("photos", prefix="raw/", suffix=".jpg")],
...     "arn:aws:lambda:us-east-1:123456789012:function:label",
...     role_arn="arn:aws:iam::123456789012:role/backfill",
...     report_uri="s3://reports/backfills/",
... )
>>> plan.bucket, plan.account_id, plan.notes
('photos', '123456789012', ())
"""

from typing import TYPE_CHECKING

from s3types._lazy import lazy_exports

if TYPE_CHECKING:
    from s3types.backfill._arns import BackfillError
    from s3types.backfill._backfill_plan import BackfillPlan
    from s3types.backfill._estimate import ObjectEstimate, estimate_backfill
    from s3types.backfill._export import (
        BACKFILL_EXPORT_FORMATS,
        BackfillExportFormat,
        export_backfill,
    )
    from s3types.backfill._local import run_local
    from s3types.backfill._locations import ReportError
    from s3types.backfill._manifest import (
        ManifestObject,
        WrittenManifest,
        retry_objects,
        write_manifest,
    )
    from s3types.backfill._plan import plan_backfill
    from s3types.backfill._prices import BackfillFees, backfill_fees
    from s3types.backfill._report import BackfillReport, TaskOutcome, read_report
    from s3types.backfill._scope import KeyScope
    from s3types.backfill._submit import (
        JobProgress,
        job_progress,
        list_backfill_jobs,
        submit_backfill,
        watch_job,
    )

# Each name and the module defining it, imported on first read.
_LAZY = {
    "BACKFILL_EXPORT_FORMATS": "._export",
    "BackfillError": "._arns",
    "BackfillExportFormat": "._export",
    "BackfillFees": "._prices",
    "BackfillPlan": "._backfill_plan",
    "BackfillReport": "._report",
    "JobProgress": "._submit",
    "KeyScope": "._scope",
    "ManifestObject": "._manifest",
    "ObjectEstimate": "._estimate",
    "ReportError": "._locations",
    "TaskOutcome": "._report",
    "WrittenManifest": "._manifest",
    "backfill_fees": "._prices",
    "estimate_backfill": "._estimate",
    "export_backfill": "._export",
    "job_progress": "._submit",
    "list_backfill_jobs": "._submit",
    "plan_backfill": "._plan",
    "read_report": "._report",
    "retry_objects": "._manifest",
    "run_local": "._local",
    "submit_backfill": "._submit",
    "watch_job": "._submit",
    "write_manifest": "._manifest",
}

__getattr__ = lazy_exports(globals(), _LAZY)

__all__ = [
    "BACKFILL_EXPORT_FORMATS",
    "BackfillError",
    "BackfillExportFormat",
    "BackfillFees",
    "BackfillPlan",
    "BackfillReport",
    "JobProgress",
    "KeyScope",
    "ManifestObject",
    "ObjectEstimate",
    "ReportError",
    "TaskOutcome",
    "WrittenManifest",
    "backfill_fees",
    "estimate_backfill",
    "export_backfill",
    "job_progress",
    "list_backfill_jobs",
    "plan_backfill",
    "read_report",
    "retry_objects",
    "run_local",
    "submit_backfill",
    "watch_job",
    "write_manifest",
]
