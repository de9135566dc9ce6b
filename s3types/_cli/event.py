"""``s3types event``: print a sample event, like ``sam local generate-event s3 put``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from s3types._cli import event_jobs
from s3types._cli._names import SHORT_NAMES, TEST, UnknownEventName, choose_event_name
from s3types._names import EventName
from s3types.testing import make_event, test_event, via_eventbridge, via_sns, via_sqs

__all__ = ["SHORT_NAMES", "add_parser"]


def _event_name(text: str) -> EventName | event_jobs.JobKind | None:
    job = event_jobs.JOB_KINDS.get(text.lower())  # batch, object-lambda: event_jobs.py
    if job is not None:
        return job
    try:
        return choose_event_name(text)
    except UnknownEventName as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def add_parser(subparsers: Any) -> None:
    """Register ``s3types event``."""
    parser = subparsers.add_parser(
        "event",
        help="print a sample S3 event (like `sam local generate-event s3 put`)",
        description="Print a wire-correct S3 event notification as JSON.",
    )
    parser.add_argument(
        "name",
        type=_event_name,
        nargs="?",
        default=EventName.OBJECT_CREATED_PUT,
        help=(
            f"event type: {', '.join(SHORT_NAMES)}, a full name such as ObjectCreated:Put,"
            f" or {TEST} for the s3:TestEvent S3 sends when a notification is configured"
            " (default: put); or batch, object-lambda for the other S3 invocations"
        ),
    )
    parser.add_argument("--bucket", default="example-bucket", help="bucket name")
    parser.add_argument("--key", default="test/key", help="object key, not encoded")
    parser.add_argument("--size", type=int, help="object size in bytes (default 1024 on uploads)")
    parser.add_argument("--version-id", help="object version id")
    parser.add_argument("--region", default="us-east-1", help="AWS region (default us-east-1)")
    parser.add_argument(
        "--via",
        choices=("sqs", "sns", "sqs-sns", "eventbridge"),
        help="wrap the event as Lambda receives it through this service",
    )
    event_jobs.add_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the event; returns the exit code."""
    if isinstance(args.name, event_jobs.JobKind):
        return event_jobs.run(args)
    name: EventName | None = args.name
    if name is None:
        if args.via == "eventbridge":
            print(
                "error: S3 sends no s3:TestEvent to EventBridge: use --via sqs, sns or sqs-sns",
                file=sys.stderr,
            )
            return 2
        return _print(_wrapped(test_event(args.bucket), args.via))
    removal = name.category in ("ObjectRemoved", "LifecycleExpiration")
    size = args.size if args.size is not None or removal else 1024
    if size is not None and size < 0:
        print("error: --size must not be negative", file=sys.stderr)
        return 2
    event = make_event(
        name,
        bucket=args.bucket,
        key=args.key,
        size=size,
        version_id=args.version_id,
        region=args.region,
    )
    try:
        wrapped = _wrapped(event, args.via)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return _print(wrapped)


def _wrapped(event: Any, via: str | None) -> object:
    if via == "sqs":
        return via_sqs(event)
    if via == "sqs-sns":
        return via_sqs(event, through_sns=True)
    if via == "sns":
        return via_sns(event)
    if via == "eventbridge":
        return via_eventbridge(event)
    return event


def _print(event: object) -> int:
    print(json.dumps(event, indent=2, ensure_ascii=False))
    return 0
