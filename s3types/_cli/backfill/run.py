"""``s3types backfill run --local``: the local engine, on the function's own handler.

Lists the objects the handler's triggers match (or reads a CSV manifest),
invokes the handler once per object with the event S3 Batch Operations
sends, and writes the completion report in S3's format. For tests, demos
and small buckets: at scale, ``s3types backfill plan`` and ``submit`` run
the job on S3 Batch Operations.
"""

from __future__ import annotations

import argparse
from typing import Any

from s3types._cli.backfill._common import add_client_arguments, run_action, s3_client
from s3types.backfill import BackfillError

__all__ = ["add_parser"]


def _user_arguments(pairs: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name:
            raise BackfillError(f"--user-argument {pair!r}: write KEY=VALUE")
        found[name] = value
    return found


def _run(args: argparse.Namespace) -> int:
    from s3types._cli.invoke import InvokeError, load_handler
    from s3types.backfill import run_local
    from s3types.triggers import Trigger

    try:
        handler: Any = load_handler(args.local)
    except InvokeError as err:
        raise BackfillError(str(err)) from None
    triggers = None
    if args.bucket is not None:
        if args.manifest is not None:
            raise BackfillError("give --manifest or --bucket (with --prefix, --suffix), not both")
        triggers = [Trigger(args.bucket, prefix=args.prefix, suffix=args.suffix)]
    elif args.prefix is not None or args.suffix is not None:
        raise BackfillError("--prefix and --suffix go with --bucket")
    report = run_local(
        handler,
        s3_client(args),
        triggers=triggers,
        manifest_uri=args.manifest,
        report_uri=args.report,
        job_id=args.job_id,
        user_arguments=_user_arguments(args.user_argument),
        concurrency=args.concurrency,
        failed_only=args.failed_only,
    )
    print(
        f"ran {report.succeeded + report.failed} tasks locally: {report.succeeded} succeeded,"
        f" {report.failed} failed"
    )
    print(f"report: {report.location}")
    failures = report.failures()
    for shown, outcome in enumerate(failures):
        if shown == args.show:
            print(f"  ... more in the report (s3types backfill report {report.location})")
            break
        print(
            f"  {outcome.result_code.value} s3://{outcome.bucket_name}/{outcome.key}:"
            f" {outcome.result_string or ''}"
        )
    return 1 if report.failed else 0


def add_parser(actions: Any) -> None:
    """Register ``s3types backfill run``."""
    parser = actions.add_parser(
        "run",
        help="run a backfill here, with the local engine (--local MODULE:HANDLER)",
        description=(
            "Run a function's handler over existing objects on this machine: list the objects"
            " its triggers match (or --bucket/--prefix/--suffix, or the rows of a CSV"
            " --manifest), invoke the handler once per object with the schema 2.0 event S3"
            " Batch Operations sends, a few at a time, and write the completion report in"
            " S3's format (manifest.json and CSV files) to --report. For tests, demos and"
            " small buckets; at scale the job runs on S3 Batch Operations (s3types backfill"
            " plan, submit). Exits 1 when a task failed or the run cannot start."
        ),
    )
    parser.add_argument(
        "--local",
        required=True,
        metavar="MODULE:HANDLER",
        help="the Lambda handler to run (module:function or path/to/file.py:function)",
    )
    parser.add_argument("--manifest", metavar="URI", help="a CSV manifest (s3://... or a file)")
    parser.add_argument("--bucket", help="list this bucket instead of the handler's triggers")
    parser.add_argument("--prefix", help="with --bucket: only keys starting with it")
    parser.add_argument("--suffix", help="with --bucket: only keys ending with it")
    parser.add_argument(
        "--report",
        metavar="URI",
        help="where the report goes: s3://bucket/prefix or a folder (default: a new temp folder)",
    )
    parser.add_argument("--job-id", help="the job id in the events and the report's folder")
    parser.add_argument(
        "--user-argument",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a job userArguments entry (repeatable)",
    )
    parser.add_argument(
        "--concurrency", type=int, default=4, metavar="N", help="tasks at once (default 4)"
    )
    parser.add_argument("--failed-only", action="store_true", help="report failed tasks only")
    parser.add_argument(
        "--show", type=int, default=20, metavar="N", help="failed tasks to list (default 20)"
    )
    add_client_arguments(parser, control=False, s3=True)
    parser.set_defaults(func=run_action("run", _run))
