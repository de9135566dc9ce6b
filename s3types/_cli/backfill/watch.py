"""``s3types backfill watch``: a job's progress (DescribeJob) until it is over."""

from __future__ import annotations

import argparse
from typing import Any

from s3types._cli.backfill._common import (
    account_id,
    add_client_arguments,
    control_client,
    run_action,
)
from s3types.backfill import job_progress, list_backfill_jobs, watch_job

__all__ = ["add_parser"]


def _watch(args: argparse.Namespace) -> int:
    client, account = control_client(args), account_id(args)
    if args.job_id is None:
        jobs = list_backfill_jobs(client, account)
        for progress in jobs:
            print(progress)
        if not jobs:
            print(f"no Lambda-invoking job under way in account {account}")
        return 0
    if args.once:
        progress = job_progress(client, account, args.job_id)
        print(progress, flush=True)
    else:
        progress = watch_job(
            client,
            account,
            args.job_id,
            interval=args.interval,
            on_progress=lambda seen: print(seen, flush=True),
        )
    if progress.status in ("Failed", "Cancelled"):
        return 1
    return 0


def _interval(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise argparse.ArgumentTypeError(f"{text!r}: the interval is a number of seconds above 0")
    return seconds


def add_parser(actions: Any) -> None:
    """Register ``s3types backfill watch``."""
    parser = actions.add_parser(
        "watch",
        help="show a job's progress until it is over (or once, with --once)",
        description=(
            "Poll DescribeJob and print one line per look: status, a progress bar, tasks"
            " succeeded, failed and total. Exits when the job is Complete (0), Failed or"
            " Cancelled (1). Without JOB_ID, list the account's Lambda-invoking jobs not over"
            " yet (ListJobs)."
        ),
    )
    parser.add_argument(
        "job_id", nargs="?", metavar="JOB_ID", help="the job (without: list the jobs under way)"
    )
    parser.add_argument("--account-id", help="the job's account (default: yours, from STS)")
    parser.add_argument(
        "--interval", type=_interval, default=10.0, help="seconds between looks (default 10)"
    )
    parser.add_argument("--once", action="store_true", help="look once and exit")
    add_client_arguments(parser, control=True, s3=False)
    parser.set_defaults(func=run_action("watch", _watch))
