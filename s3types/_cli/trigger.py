"""``s3types trigger``: check, plan, apply, show and export a function's S3 triggers."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from typing import Any, cast

from s3types.triggers import (
    EXPORT_FORMATS,
    VIAS,
    Trigger,
    TriggerError,
    apply_triggers,
    check_triggers,
    export_triggers,
    loop_risks,
    rules_of,
    sam_template,
)

__all__ = ["Declared", "add_parser", "declared_triggers", "run"]


@dataclass
class Declared:
    """The triggers a command works on, per Lambda handler string, and what the functions write."""

    functions: dict[str, tuple[Trigger, ...]] = field(default_factory=lambda: {})
    writes_to: list[str] = field(default_factory=lambda: [])

    @property
    def triggers(self) -> tuple[Trigger, ...]:
        """Every trigger, in order."""
        return tuple(t for triggers in self.functions.values() for t in triggers)


def add_parser(subparsers: Any) -> None:
    """Register ``s3types trigger`` and its five actions."""
    parser = subparsers.add_parser(
        "trigger",
        help="check, plan, apply, show or export the S3 triggers a function declares",
        description=(
            "Work on S3 notification triggers declared in code: a handler made by"
            " @s3_record_handler (module:handler), a Chalice app (module:app), or one trigger"
            " given by --bucket/--event/--prefix/--suffix."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, text in (
        ("check", "check the triggers (and the bucket's rules, with --endpoint-url or AWS)"),
        ("plan", "show what apply would change in the bucket's notification configuration"),
        ("apply", "merge the triggers into the bucket's notification configuration"),
        ("show", "print the bucket's notification configuration"),
        ("export", "print the triggers as JSON, CloudFormation, SAM or Terraform"),
    ):
        sub = actions.add_parser(action, help=text, description=text)
        _add_source_arguments(sub)
        if action in ("check", "plan", "apply", "show"):
            sub.add_argument("--endpoint-url", help="an S3-compatible endpoint (e.g. moto, MinIO)")
            sub.add_argument("--region", help="the AWS region (default: your configuration's)")
        if action in ("plan", "apply", "export", "check"):
            sub.add_argument(
                "--target",
                metavar="ARN",
                help="the Lambda function, SQS queue or SNS topic S3 notifies",
            )
        if action == "apply":
            sub.add_argument("--yes", action="store_true", help="write without asking")
            sub.add_argument("--dry-run", action="store_true", help="print the plan only")
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
            sub.add_argument("--format", choices=EXPORT_FORMATS, default="json")
        if action in ("check", "plan", "apply", "export"):
            sub.add_argument(
                "--via",
                choices=VIAS,
                default="notification",
                help="deliver through the bucket's notification configuration (default) or"
                " through EventBridge rules (no overlap limit, many consumers)",
            )
        sub.set_defaults(func=run)


def _add_source_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source",
        nargs="?",
        metavar="MODULE:NAME",
        help="a handler with s3_triggers (app:handler) or a Chalice app (app:app)",
    )
    parser.add_argument(
        "--bucket", help="the bucket (instead of the one the code names, e.g. a staging bucket)"
    )
    parser.add_argument(
        "--event",
        action="append",
        metavar="TYPE",
        help="an event type, e.g. s3:ObjectCreated:* (repeatable; without a source)",
    )
    parser.add_argument("--prefix", help="the key prefix (without a source)")
    parser.add_argument("--suffix", help="the key suffix (without a source)")


def declared_triggers(args: argparse.Namespace) -> Declared:
    """The triggers named on the command line: from a handler, a Chalice app, or the options."""
    declared = Declared()
    if args.source is None:
        if args.action != "show" and args.bucket is None:
            raise TriggerError("give a source (module:handler or module:app) or --bucket")
        if args.bucket is not None:
            events = args.event or ("s3:ObjectCreated:*",)
            trigger = Trigger(args.bucket, events, prefix=args.prefix, suffix=args.suffix)
            declared.functions["handler"] = (trigger,)
        return declared
    if args.event or args.prefix or args.suffix:
        raise TriggerError(
            "--event, --prefix and --suffix go without a source: it declares its own"
        )
    from s3types._cli.invoke import InvokeError, load_handler

    try:
        loaded: Any = load_handler(args.source)
    except InvokeError as err:
        raise TriggerError(str(err)) from None
    module_name = args.source.rpartition(":")[0].removesuffix(".py").replace("/", ".")
    sources: Any = getattr(loaded, "event_sources", None)
    if isinstance(sources, list):  # a Chalice app: its S3 event sources
        module = sys.modules.get(type(loaded).__module__)
        source: Any
        registered: list[Any] = sources  # pyright: ignore[reportUnknownVariableType]
        for source in registered:
            if not hasattr(source, "bucket") or not hasattr(source, "suffix"):
                continue
            trigger = Trigger(
                source.bucket, source.events, prefix=source.prefix, suffix=source.suffix
            )
            declared.functions[source.handler_string] = (trigger,)
            handler = _chalice_handler(source.handler_string, module)
            declared.writes_to += list(getattr(handler, "s3_writes_to", ()))
        if not declared.functions:
            raise TriggerError(f"{args.source}: the Chalice app has no S3 event handlers")
    else:
        triggers = getattr(loaded, "s3_triggers", None)
        if not isinstance(triggers, tuple):
            raise TriggerError(
                f"{args.source} declares no triggers: decorate it with @s3_record_handler or"
                " @on_s3_change, or pass --bucket/--event/--prefix/--suffix without a source"
            )
        name = args.source.rpartition(":")[2]
        declared.functions[f"{module_name.rpartition('.')[2]}.{name}"] = triggers
        declared.writes_to += list(getattr(loaded, "s3_writes_to", ()))
    if args.bucket is not None:
        declared.functions = {
            handler: tuple(t.replace(bucket=args.bucket) for t in triggers)
            for handler, triggers in declared.functions.items()
        }
    return declared


def _chalice_handler(handler_string: str, module: Any) -> Any:
    name = handler_string.rpartition(".")[2]
    return getattr(module, name, None) if module is not None else None


def _clients(args: argparse.Namespace) -> tuple[Any, Any]:
    try:
        import boto3
    except ImportError as err:  # pragma: no cover - the boto3 extra
        raise TriggerError(f"this needs boto3: pip install 's3types[boto3]' ({err})") from err
    options = {"endpoint_url": args.endpoint_url, "region_name": args.region}
    make: Any = getattr(boto3, "client")  # noqa: B009 - the service is a runtime string
    return make("s3", **options), make("lambda", **options)


def _client(args: argparse.Namespace, service: str) -> Any:
    import boto3  # _clients imported it, or said which extra is missing

    make: Any = getattr(boto3, "client")  # noqa: B009 - the service is a runtime string
    return make(service, endpoint_url=args.endpoint_url, region_name=args.region)


def _sam(declared: Declared, via: str) -> dict[str, Any]:
    if via == "eventbridge":
        from s3types.triggers._eventbridge_export import eventbridge_sam_template

        return eventbridge_sam_template(declared.functions)
    return sam_template(declared.functions)


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
    problems = loop_risks(triggers, [*declared.writes_to, *args.writes_to])
    if args.via == "notification" and (args.endpoint_url is not None or args.region is not None):
        s3, _ = _clients(args)
        bucket = _bucket_of(declared, args)
        ours = {t.rule_id for t in triggers}
        existing = s3.get_bucket_notification_configuration(Bucket=bucket)
        theirs = [t for t in rules_of(existing, bucket) if t.rule_id not in ours]
        check_triggers([*theirs, *triggers])
    for trigger in triggers:
        print(f"ok  {trigger}")
    for problem in problems:
        print(f"loop  {problem}", file=sys.stderr)
    return 1 if problems else 0


def _target(args: argparse.Namespace) -> str:
    if args.target is None:
        raise TriggerError(f"{args.action} needs --target ARN (the function, queue or topic)")
    return str(args.target)


def run(args: argparse.Namespace) -> int:
    """Run one ``s3types trigger`` action; TriggerError and S3 errors are printed, exit 1."""
    try:
        return _run(args)
    except (TriggerError, TypeError) as err:
        print(f"s3types trigger {args.action}: {err}", file=sys.stderr)
        return 1
    except Exception as err:
        response: object = getattr(err, "response", None)
        if not isinstance(response, dict):
            raise
        error: Any = cast("dict[str, Any]", response).get("Error") or {}
        print(
            f"s3types trigger {args.action}: {error.get('Code')}: {error.get('Message')}",
            file=sys.stderr,
        )
        return 1


def _run(args: argparse.Namespace) -> int:
    declared = declared_triggers(args)
    if args.action == "check":
        return _check(declared, args)
    if args.action == "export":
        if args.format == "sam":
            print(json.dumps(_sam(declared, args.via), indent=2))
        else:
            text = export_triggers(
                declared.triggers, args.format, target_arn=_target(args), via=args.via
            )
            print(text, end="")
        return 0
    s3, lambda_client = _clients(args)
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
    eventbridge = args.via == "eventbridge"
    plan = apply_triggers(
        s3,
        declared.triggers,
        _target(args),
        lambda_client=lambda_client,
        create_bucket=getattr(args, "create_bucket", False),
        dry_run=dry_run,
        via=args.via,
        events_client=_client(args, "events") if eventbridge else None,
        sqs_client=_client(args, "sqs") if eventbridge else None,
    )
    print(plan)
    return 0
