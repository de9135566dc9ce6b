"""``s3types event``: print a sample event, like ``sam local generate-event s3 put``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from s3types._cli import event_jobs
from s3types._names import EventName, parse_event_name
from s3types.testing import make_event, via_eventbridge, via_sns, via_sqs

__all__ = ["SHORT_NAMES", "add_parser"]

#: Short names accepted on the command line, besides any full S3 event name.
SHORT_NAMES = {
    "put": EventName.OBJECT_CREATED_PUT,
    "post": EventName.OBJECT_CREATED_POST,
    "copy": EventName.OBJECT_CREATED_COPY,
    "multipart": EventName.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD,
    "delete": EventName.OBJECT_REMOVED_DELETE,
    "delete-marker": EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED,
    "restore-post": EventName.OBJECT_RESTORE_POST,
    "restore-completed": EventName.OBJECT_RESTORE_COMPLETED,
    "restore-delete": EventName.OBJECT_RESTORE_DELETE,
    "expiration": EventName.LIFECYCLE_EXPIRATION_DELETE,
    "transition": EventName.LIFECYCLE_TRANSITION,
    "tiering": EventName.INTELLIGENT_TIERING,
    "tagging-put": EventName.OBJECT_TAGGING_PUT,
    "tagging-delete": EventName.OBJECT_TAGGING_DELETE,
    "acl-put": EventName.OBJECT_ACL_PUT,
}


def _event_name(text: str) -> EventName | event_jobs.JobKind:
    job = event_jobs.JOB_KINDS.get(text.lower())  # batch, object-lambda: event_jobs.py
    if job is not None:
        return job
    short = SHORT_NAMES.get(text.lower())
    if short is not None:
        return short
    try:
        return parse_event_name(text)
    except ValueError:
        choices = ", ".join(SHORT_NAMES)
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an S3 event name: use one of {choices}"
            " or a full name such as ObjectCreated:Put"
        ) from None


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
        help=f"event type: {', '.join(SHORT_NAMES)}, or a full name (default: put);"
        " or batch, object-lambda",
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
    name: EventName = args.name
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
    wrapped: object = event
    if args.via == "sqs":
        wrapped = via_sqs(event)
    elif args.via == "sqs-sns":
        wrapped = via_sqs(event, through_sns=True)
    elif args.via == "sns":
        wrapped = via_sns(event)
    elif args.via == "eventbridge":
        try:
            wrapped = via_eventbridge(event)
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
    print(json.dumps(wrapped, indent=2, ensure_ascii=False))
    return 0
