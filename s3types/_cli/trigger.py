"""``s3types trigger``: check, plan, apply, show and export functions' S3 triggers."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from s3types._cli._aws_errors import aws_error_message
from s3types._cli._declared import Declared, declared_triggers
from s3types.triggers import (
    EXPORT_FORMATS,
    VIAS,
    TriggerError,
    apply_triggers,
    check_triggers,
    export_triggers,
    loop_risks,
    parse_target,
    rules_of,
)

__all__ = ["add_parser", "run"]

# The library's argument names, as the flags a command-line user types.
_FLAGS = {"create_bucket=True": "--create-bucket", "target_arn": "--target"}


def add_parser(subparsers: Any) -> None:
    """Register ``s3types trigger`` and its five actions."""
    parser = subparsers.add_parser(
        "trigger",
        help="check, plan, apply, show or export the S3 triggers functions declare",
        description=(
            "Work on S3 notification triggers declared in code: handlers made by"
            " @s3_record_handler (module:handler, several, or a module for every handler in"
            " it), a Chalice app (module:app), or one trigger given by"
            " --bucket/--event/--prefix/--suffix."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, text in (
        ("check", "check the triggers (and the bucket's rules, with --endpoint-url or --region)"),
        ("plan", "show what apply would change in the bucket's notification configuration"),
        ("apply", "merge the triggers into the bucket's notification configuration"),
        ("show", "print the bucket's notification configuration"),
        ("export", "print the triggers as JSON, CloudFormation, SAM or Terraform"),
    ):
        sub = actions.add_parser(action, help=text, description=text)
        _add_source_arguments(sub, filters=action != "show")
        sub.add_argument("--endpoint-url", help="an S3-compatible endpoint (e.g. moto, MinIO)")
        sub.add_argument("--region", help="the AWS region (default: your configuration's)")
        if action in ("plan", "apply", "export", "check"):
            sub.add_argument(
                "--target",
                metavar="ARN",
                help="the Lambda function, SQS queue or SNS topic S3 notifies",
            )
        if action in ("plan", "apply", "export"):
            sub.add_argument(
                "--owner",
                help="the owner in derived rule ids (default: each handler's module:qualname);"
                " apply removes only this owner's stale rules",
            )
        if action == "apply":
            sub.add_argument("--yes", action="store_true", help="write without asking")
            sub.add_argument("--dry-run", action="store_true", help="print the plan only")
        if action in ("plan", "apply"):
            sub.add_argument("--create-bucket", action="store_true", help="create a missing bucket")
        if action == "check":
            sub.add_argument(
                "--writes-to",
                action="append",
                default=[],
                metavar="PREFIX",
                help="a key prefix the function writes to (repeatable): reported if it triggers",
            )
        if action == "export":
            sub.add_argument(
                "--format",
                choices=EXPORT_FORMATS,
                default="json",
                help=f"the output format, one of {', '.join(EXPORT_FORMATS)} (default: json)",
            )
        if action in ("check", "plan", "apply", "export"):
            sub.add_argument(
                "--via",
                choices=VIAS,
                default="notification",
                help="deliver through the bucket's notification configuration (default) or"
                " through EventBridge rules (no overlap limit, many consumers)",
            )
        sub.set_defaults(func=run)


def _add_source_arguments(parser: argparse.ArgumentParser, *, filters: bool = True) -> None:
    # `show` prints the bucket's whole configuration: the filter options are
    # refused there (run()), and not listed in its help.

    def listed(text: str) -> str:
        return text if filters else argparse.SUPPRESS

    parser.add_argument(
        "source",
        nargs="*",
        metavar="MODULE[:NAME]",
        help="handlers with s3_triggers (app:handler), a module (every such handler in it)"
        " or a Chalice app (app:app)",
    )
    parser.add_argument(
        "--bucket", help="the bucket (instead of the one the code names, e.g. a staging bucket)"
    )
    parser.add_argument(
        "--event",
        action="append",
        metavar="TYPE",
        help=listed("an event type, e.g. s3:ObjectCreated:* (repeatable; without a source)"),
    )
    parser.add_argument("--prefix", help=listed("the key prefix (without a source)"))
    parser.add_argument("--suffix", help=listed("the key suffix (without a source)"))


def _client(args: argparse.Namespace, service: str) -> Any:
    try:
        import boto3
    except ImportError as err:  # pragma: no cover - the boto3 extra
        raise TriggerError(f"this needs boto3: pip install 's3types[boto3]' ({err})") from err
    make: Any = getattr(boto3, "client")  # noqa: B009 - the service is a runtime string
    return make(service, endpoint_url=args.endpoint_url, region_name=args.region)


def _bucket_of(declared: Declared, args: argparse.Namespace) -> str:
    buckets = sorted({t.bucket for t in declared.triggers if t.bucket is not None})
    if args.bucket is not None:
        return str(args.bucket)
    if len(buckets) != 1:
        raise TriggerError(
            "give --bucket: the triggers name "
            + (f"several buckets ({', '.join(buckets)})" if buckets else "none")
        )
    return buckets[0]


def _check(declared: Declared, args: argparse.Namespace) -> int:
    triggers = declared.triggers
    check_triggers(triggers, via=args.via)
    if args.via == "notification" and (args.endpoint_url is not None or args.region is not None):
        s3 = _client(args, "s3")
        bucket = _bucket_of(declared, args)
        ours = {t.rule_id for t in triggers}
        existing = s3.get_bucket_notification_configuration(Bucket=bucket)
        theirs = [t for t in rules_of(existing, bucket) if t.rule_id not in ours]
        check_triggers([*theirs, *triggers])
    writes = [*declared.writes_to, *args.writes_to]
    looping = 0
    for trigger in triggers:
        problems = loop_risks([trigger], writes)
        for problem in problems:
            print(f"loop  {problem}", file=sys.stderr)
        if problems:
            looping += 1
        else:
            print(f"ok  {trigger}")
    return 1 if looping else 0


def _target(args: argparse.Namespace) -> str:
    if args.target is None:
        raise TriggerError(f"{args.action} needs --target ARN (the function, queue or topic)")
    return str(args.target)


def _as_flags(message: str) -> str:
    for argument, flag in _FLAGS.items():
        message = message.replace(argument, flag)
    return message


def run(args: argparse.Namespace) -> int:
    """Run one ``s3types trigger`` action; expected failures are one line on stderr, exit 1."""
    try:
        return _run(args)
    except (TriggerError, TypeError) as err:
        print(f"s3types trigger {args.action}: {_as_flags(str(err))}", file=sys.stderr)
        return 1
    except Exception as err:
        message = aws_error_message(err)
        if message is None:
            raise
        print(f"s3types trigger {args.action}: {message}", file=sys.stderr)
        return 1


def _export(declared: Declared, args: argparse.Namespace) -> int:
    from s3types.triggers._export import existing_bucket_notice

    notes: list[str] = []
    existing: list[str] = []
    if args.format in ("cloudformation", "sam"):
        buckets = sorted({t.bucket for t in declared.triggers if t.bucket is not None})
        if args.endpoint_url is not None or args.region is not None:
            from s3types.triggers._bucket import bucket_exists

            s3 = _client(args, "s3")
            existing = [bucket for bucket in buckets if bucket_exists(s3, bucket)]
            notes = [existing_bucket_notice(bucket) for bucket in existing]
        else:
            notes = [
                "not checked whether "
                + ", ".join(buckets)
                + " exist (pass --region or --endpoint-url to check): the template creates"
                " them, and CloudFormation cannot create a bucket that exists"
            ]
    text = export_triggers(
        declared.triggers,
        args.format,
        target_arn=None if args.format == "sam" and args.target is None else _target(args),
        functions=declared.functions,
        existing_buckets=existing,
        via=args.via,
    )
    for note in notes:
        print(f"s3types trigger export: {note}", file=sys.stderr)
    print(text, end="")
    return 0


def _run(args: argparse.Namespace) -> int:
    declared = declared_triggers(args)
    if args.action == "check":
        return _check(declared, args)
    if args.action == "export":
        return _export(declared, args)
    if args.action == "show" and (args.event or args.prefix or args.suffix):
        print(
            "s3types trigger show: prints the bucket's whole notification configuration;"
            " --event, --prefix and --suffix do not apply (drop them)",
            file=sys.stderr,
        )
        return 2
    s3 = _client(args, "s3")
    if args.action == "show":
        bucket = _bucket_of(declared, args)
        document = dict(s3.get_bucket_notification_configuration(Bucket=bucket))
        document.pop("ResponseMetadata", None)
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return 0
    dry_run = args.action == "plan" or args.dry_run
    if args.action == "apply" and not dry_run and not args.yes:
        print(
            "s3types trigger apply: this rewrites the bucket's notification configuration;"
            " run `s3types trigger plan` to see how, then pass --yes (or --dry-run)",
            file=sys.stderr,
        )
        return 2
    target = parse_target(_target(args))
    # A Lambda client only for a Lambda target: it needs a region an S3 client does not.
    lambda_client = _client(args, "lambda") if target.kind == "lambda" else None
    plan = apply_triggers(
        s3,
        declared.triggers,
        target.arn,
        lambda_client=lambda_client,
        create_bucket=args.create_bucket,
        dry_run=dry_run,
        via=args.via,
        events_client=_client(args, "events") if args.via == "eventbridge" else None,
        sqs_client=_client(args, "sqs") if args.via == "eventbridge" else None,
    )
    print(plan)
    return 0
