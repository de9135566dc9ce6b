"""``s3types backfill retry``: a job over a report's failed tasks only, temporary failures first."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from s3types._cli.backfill._common import (
    add_client_arguments,
    control_client,
    run_action,
    s3_client,
)
from s3types._cli.backfill.plan import add_job_arguments, job_options
from s3types.backfill import (
    BackfillError,
    plan_backfill,
    read_report,
    retry_objects,
    submit_backfill,
    write_manifest,
)

__all__ = ["add_parser"]


def _retry(args: argparse.Namespace) -> int:
    s3 = s3_client(args)
    report = read_report(s3 if args.report_uri.startswith("s3://") else None, args.report_uri)
    objects = retry_objects(report.outcomes, temporary_only=args.temporary_only)
    if not objects:
        print(
            f"nothing to retry: no {'temporarily ' if args.temporary_only else ''}failed task"
            f" in {report.location}"
        )
        return 0
    # The job's options are checked before anything is written.
    options = job_options(args) if args.local is None else {}
    written = write_manifest(s3, args.manifest_out, objects)
    print(f"wrote {written.objects} failed tasks to {written.uri} (temporary failures first)")
    if args.local is not None:
        return _run_locally(args, s3, written.uri)
    buckets = sorted({obj.bucket for obj in objects})
    plan = plan_backfill(
        (),
        args.function_arn,
        bucket=buckets[0] if len(buckets) == 1 else None,
        manifest_uri=written.uri,
        manifest_etag=written.etag,
        manifest_with_versions=written.with_versions,
        **options,
    )
    print(plan)
    if not args.yes:
        print(
            "s3types backfill retry: pass --yes to create the job (billed), or `s3types backfill"
            f" submit` with --manifest {written.uri}",
            file=sys.stderr,
        )
        return 2
    job_id = submit_backfill(control_client(args), plan)
    print(
        f"submitted job {job_id}; follow it: s3types backfill watch {job_id}"
        f" --account-id {plan.account_id}"
    )
    return 0


def _run_locally(args: argparse.Namespace, s3: Any, manifest_uri: str) -> int:
    from s3types._cli.invoke import InvokeError, load_handler
    from s3types.backfill import run_local

    try:
        handler: Any = load_handler(args.local)
    except InvokeError as err:
        raise BackfillError(str(err)) from None
    report = run_local(handler, s3, manifest_uri=manifest_uri, report_uri=args.local_report)
    print(f"ran locally: {report.succeeded} succeeded, {report.failed} failed ({report.location})")
    return 1 if report.failed else 0


def add_parser(actions: Any) -> None:
    """Register ``s3types backfill retry``."""
    parser = actions.add_parser(
        "retry",
        help="run a job again over a report's failed tasks only",
        description=(
            "Read a completion report, write its failed tasks (temporary failures first) as"
            " a CSV manifest to --manifest-out, and create a job over it (with --yes), or run"
            " them here with --local MODULE:HANDLER (s3types' local engine)."
        ),
    )
    parser.add_argument("report_uri", metavar="REPORT", help="the report's manifest.json or folder")
    parser.add_argument(
        "--manifest-out", required=True, metavar="S3URI", help="where to write the retry manifest"
    )
    parser.add_argument(
        "--temporary-only", action="store_true", help="leave out the permanent failures"
    )
    parser.add_argument(
        "--local", metavar="MODULE:HANDLER", help="run the failed tasks here instead of in a job"
    )
    parser.add_argument(
        "--local-report", metavar="S3URI", help="where the local run writes its report"
    )
    add_job_arguments(parser)
    parser.add_argument("--yes", action="store_true", help="create the job without asking")
    add_client_arguments(parser, control=True, s3=True)
    parser.set_defaults(func=run_action("retry", _retry))
