"""``s3types backfill plan``: the job for a function's triggers, its role and its fees."""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from s3types._cli.backfill._common import (
    add_client_arguments,
    run_action,
    s3_client,
    source_triggers,
)
from s3types.backfill import (
    BACKFILL_EXPORT_FORMATS,
    BackfillError,
    BackfillPlan,
    ManifestObject,
    estimate_backfill,
    export_backfill,
    plan_backfill,
    write_manifest,
)
from s3types.backfill._arns import is_directory_bucket
from s3types.backfill._scope import key_scope
from s3types.triggers import Trigger

__all__ = ["add_parser", "add_plan_arguments", "plan_from_args"]


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO 8601 time: write e.g. 2026-12-01T00:00:00Z"
        ) from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} has no time zone: end it with Z or +00:00")
    return moment


def _argument(text: str) -> tuple[str, str]:
    name, equals, value = text.partition("=")
    if not equals or not name:
        raise argparse.ArgumentTypeError(f"{text!r}: write a user argument as KEY=VALUE")
    return name, value


def add_plan_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that make a plan (``plan``, ``submit`` and ``retry`` share the job's ones)."""
    parser.add_argument(
        "source",
        nargs="?",
        metavar="MODULE:HANDLER",
        help="a handler with s3_triggers (app:handler, path/app.py:handler)",
    )
    parser.add_argument("--bucket", help="the bucket (instead of the one the triggers name)")
    parser.add_argument(
        "--event", action="append", metavar="TYPE", help="an event type (without a source)"
    )
    parser.add_argument("--prefix", help="the key prefix (without a source)")
    parser.add_argument("--suffix", help="the key suffix (without a source)")
    add_job_arguments(parser)
    job = parser.add_argument_group("objects")
    job.add_argument(
        "--manifest",
        metavar="S3URI",
        help="a CSV manifest (bucket,key[,version_id]) or, with --manifest-format inventory,"
        " an S3 Inventory manifest.json, instead of the triggers' filter",
    )
    job.add_argument("--manifest-format", choices=("csv", "inventory"), default="csv")
    job.add_argument(
        "--write-manifest",
        metavar="S3URI",
        help="list the bucket, keep the keys the triggers match, write them as a CSV manifest"
        " here and plan over it (what a directory bucket needs)",
    )
    job.add_argument(
        "--manifest-output",
        metavar="S3URI",
        help="where S3 keeps the manifest it generates (default: the report's place)",
    )
    job.add_argument(
        "--created-before",
        type=_moment,
        metavar="TIME",
        help="objects created before this ISO 8601 time (default: now, so the job does not"
        " race the live trigger)",
    )
    job.add_argument("--created-after", type=_moment, metavar="TIME")
    job.add_argument("--larger-than", type=int, metavar="BYTES")
    job.add_argument("--smaller-than", type=int, metavar="BYTES")
    job.add_argument(
        "--storage-class", action="append", default=[], metavar="CLASS", help="(repeatable)"
    )
    look = parser.add_argument_group("output")
    look.add_argument(
        "--estimate",
        type=int,
        nargs="?",
        const=10_000,
        metavar="KEYS",
        help="list up to KEYS keys (default 10000) to count the objects and price the job",
    )
    look.add_argument(
        "--format",
        choices=("text", *BACKFILL_EXPORT_FORMATS),
        default="text",
        help="text (the plan in words), json (the whole plan), or the role as"
        " cloudformation, sam or terraform",
    )
    look.add_argument(
        "--out", type=Path, metavar="FILE", help="also save the plan as JSON (for submit)"
    )
    add_client_arguments(parser, control=False, s3=True)


def add_job_arguments(parser: argparse.ArgumentParser) -> None:
    """What every job needs: the function, the role, the report, and the job's options."""
    parser.add_argument("--function-arn", metavar="ARN", help="the function to run (required)")
    parser.add_argument("--role-arn", metavar="ARN", help="the role the job runs as (required)")
    parser.add_argument(
        "--report", metavar="S3URI", help="where S3 writes the completion report (required)"
    )
    parser.add_argument("--account-id", help="the job's account (default: the role's)")
    parser.add_argument(
        "--report-scope",
        choices=("all", "failed"),
        default="all",
        help="report every task or the failed ones only",
    )
    parser.add_argument(
        "--argument",
        action="append",
        type=_argument,
        default=[],
        metavar="KEY=VALUE",
        help="a userArguments entry the function receives (repeatable)",
    )
    parser.add_argument("--priority", type=int, default=10)
    parser.add_argument(
        "--confirmation-required",
        action="store_true",
        help="the job waits (Suspended) until confirmed in the console or by update-job-status",
    )
    parser.add_argument("--description")


def job_options(args: argparse.Namespace) -> dict[str, Any]:
    """plan_backfill's keyword arguments for the job options on the command line."""
    missing = [
        option
        for option, value in (
            ("--function-arn", args.function_arn),
            ("--role-arn", args.role_arn),
            ("--report", args.report),
        )
        if value is None
    ]
    if missing:
        raise BackfillError(
            f"a job needs {', '.join(missing)}: the function it runs, the role it runs as"
            " (see `plan --format cloudformation` for one) and where S3 writes its report"
        )
    return {
        "role_arn": args.role_arn,
        "report_uri": args.report,
        "account_id": args.account_id,
        "report_scope": "AllTasks" if args.report_scope == "all" else "FailedTasksOnly",
        "user_arguments": dict(args.argument),
        "priority": args.priority,
        "confirmation_required": args.confirmation_required,
        "description": args.description,
    }


def _listing_prefixes(prefixes: Iterable[str], *, directory: bool) -> list[str]:
    """The prefixes to list so every key under ``prefixes`` is listed once.

    A directory bucket lists only prefixes ending in '/', so each is cut
    back to its last '/'; a prefix under another one is dropped.

    >>> _listing_prefixes(["a/b/", "a/", "c/x"], directory=True)
    ['a/', 'c/']
    """
    cut = [
        p.rpartition("/")[0] + "/" if directory and "/" in p else "" if directory else p
        for p in prefixes
    ]
    kept: list[str] = []
    for prefix in sorted(set(cut), key=len):
        if not prefix.startswith(tuple(kept)):
            kept.append(prefix)
    return sorted(kept)


def _listed(args: argparse.Namespace, bucket: str, triggers: list[Trigger]) -> list[ManifestObject]:
    """The bucket's keys the triggers match exactly, each once."""
    covered = key_scope([t for t in triggers if t.bucket in (None, bucket)]).triggers
    prefixes = _listing_prefixes(
        (t.prefix or "" for t in covered), directory=is_directory_bucket(bucket)
    )
    paginator = s3_client(args).get_paginator("list_objects_v2")
    found: list[ManifestObject] = []
    for prefix in prefixes:
        for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
            for obj in page.get("Contents", []):
                key = obj.get("Key", "")
                if any(_names(t, key) for t in covered):
                    found.append(ManifestObject(bucket, key))
    return found


def _names(trigger: Trigger, key: str) -> bool:
    return (trigger.prefix is None or key.startswith(trigger.prefix)) and (
        trigger.suffix is None or key.endswith(trigger.suffix)
    )


def plan_from_args(args: argparse.Namespace) -> BackfillPlan:
    """The plan the command line describes (writing a manifest first with --write-manifest)."""
    triggers = source_triggers(args)
    options = job_options(args)
    manifest_uri: str | None = args.manifest
    manifest_etag: str | None = None
    with_versions = False
    if args.write_manifest is not None:
        if manifest_uri is not None:
            raise BackfillError("give --manifest or --write-manifest, not both")
        buckets = sorted({t.bucket for t in triggers if t.bucket is not None})
        bucket = args.bucket or (buckets[0] if len(buckets) == 1 else None)
        if bucket is None:
            raise BackfillError("--write-manifest lists one bucket: give --bucket")
        written = write_manifest(
            s3_client(args), args.write_manifest, _listed(args, bucket, triggers)
        )
        manifest_uri, manifest_etag, with_versions = (
            written.uri,
            written.etag,
            written.with_versions,
        )
    elif manifest_uri is not None:
        from s3types.backfill._arns import parse_s3_uri

        location = parse_s3_uri(manifest_uri, "--manifest")
        head = s3_client(args).head_object(Bucket=location.bucket, Key=location.key)
        manifest_etag = head["ETag"]
    plan = plan_backfill(
        triggers,
        args.function_arn,
        bucket=args.bucket,
        manifest_uri=manifest_uri,
        manifest_etag=manifest_etag,
        manifest_format=args.manifest_format,
        manifest_with_versions=with_versions,
        manifest_output_uri=args.manifest_output,
        created_before=args.created_before,
        created_after=args.created_after,
        larger_than=args.larger_than,
        smaller_than=args.smaller_than,
        storage_classes=args.storage_class,
        **options,
    )
    if args.estimate is not None:
        plan = estimate_backfill(s3_client(args), plan, limit=args.estimate)
    return plan


def show_plan(plan: BackfillPlan, args: argparse.Namespace) -> None:
    """Print the plan in the chosen format; save it as JSON with --out."""
    if args.format == "text":
        print(plan)
    else:
        print(export_backfill(plan, args.format), end="")
    if args.out is not None:
        args.out.write_text(export_backfill(plan, "json"), encoding="utf-8")


def _plan(args: argparse.Namespace) -> int:
    show_plan(plan_from_args(args), args)
    return 0


def add_parser(actions: Any) -> None:
    """Register ``s3types backfill plan``."""
    parser = actions.add_parser(
        "plan",
        help="show the S3 Batch Operations job, its role and its fees (nothing is created)",
        description=(
            "Plan the S3 Batch Operations job that invokes a function over the objects a bucket"
            " already holds: the CreateJob request from the function's triggers, the IAM role"
            " it needs (trust and permissions policies), and its fees. Nothing is created;"
            " --write-manifest and --estimate read (and the first writes) S3."
        ),
    )
    add_plan_arguments(parser)
    parser.set_defaults(func=run_action("plan", _plan))
