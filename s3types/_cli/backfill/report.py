"""``s3types backfill report``: a job's completion report, summed up."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from s3types._cli.backfill._common import add_client_arguments, run_action, s3_client
from s3types.backfill import read_report

__all__ = ["add_parser"]


def _report(args: argparse.Namespace) -> int:
    client = s3_client(args) if args.report.startswith("s3://") else None
    report = read_report(client, args.report)
    failures = list(report.failures())
    total = report.succeeded + report.failed
    print(
        f"job {report.job_id or '?'}: {total} tasks, {report.succeeded} succeeded,"
        f" {report.failed} failed ({report.location})"
    )
    kinds = Counter(outcome.result_code.value for outcome in failures)
    for kind, count in sorted(kinds.items()):
        print(f"  {kind}: {count}")
    for outcome in failures[: args.show]:
        version = f" (version {outcome.version_id})" if outcome.version_id else ""
        why = outcome.result_string or outcome.error_code or ""
        print(f"  failed s3://{outcome.bucket_name}/{outcome.key}{version}: {why}")
    if len(failures) > args.show:
        print(
            f"  ... and {len(failures) - args.show} more (s3types backfill retry runs them again)"
        )
    return 1 if failures else 0


def add_parser(actions: Any) -> None:
    """Register ``s3types backfill report``."""
    parser = actions.add_parser(
        "report",
        help="sum up a job's completion report (succeeded, failed, why)",
        description=(
            "Read a completion report (s3://bucket/prefix/job-ID/manifest.json, its folder,"
            " or a local copy) and print the tasks succeeded and failed, the failures by kind"
            " and the first failed objects with S3's reason. Exits 1 when a task failed."
        ),
    )
    parser.add_argument("report", metavar="REPORT", help="the report's manifest.json or folder")
    parser.add_argument(
        "--show", type=int, default=20, metavar="N", help="failed objects to list (default 20)"
    )
    add_client_arguments(parser, control=False, s3=True)
    parser.set_defaults(func=run_action("report", _report))
