"""What the ``s3types backfill`` actions share: clients, the source's triggers, error lines."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from s3types._cli._aws_errors import aws_error_message
from s3types.backfill import BackfillError, ReportError
from s3types.triggers import Trigger, TriggerError

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3control import S3ControlClient

__all__ = [
    "add_client_arguments",
    "account_id",
    "control_client",
    "run_action",
    "s3_client",
    "source_triggers",
]


def add_client_arguments(parser: argparse.ArgumentParser, *, control: bool, s3: bool) -> None:
    """``--region``, and the endpoints of the services the action calls."""
    parser.add_argument("--region", help="the AWS region (default: your configuration's)")
    if s3:
        parser.add_argument(
            "--endpoint-url", metavar="URL", help="an S3-compatible endpoint (e.g. moto, MinIO)"
        )
    if control:
        parser.add_argument(
            "--control-endpoint-url",
            metavar="URL",
            help="the S3 Control endpoint (default: AWS's for the region)",
        )


def _client(service: str, endpoint_url: str | None, region: str | None) -> Any:
    try:
        import boto3
    except ImportError as err:  # pragma: no cover - the boto3 extra
        raise BackfillError(f"this needs boto3: pip install 's3types[boto3]' ({err})") from err
    make: Any = getattr(boto3, "client")  # noqa: B009 - the service is a runtime string
    return make(service, endpoint_url=endpoint_url, region_name=region)


def s3_client(args: argparse.Namespace) -> S3Client:
    """An S3 client from ``--endpoint-url`` and ``--region``."""
    return cast("S3Client", _client("s3", getattr(args, "endpoint_url", None), args.region))


def control_client(args: argparse.Namespace) -> S3ControlClient:
    """An S3 Control client from ``--control-endpoint-url`` and ``--region``."""
    return cast(
        "S3ControlClient",
        _client("s3control", getattr(args, "control_endpoint_url", None), args.region),
    )


def account_id(args: argparse.Namespace) -> str:
    """``--account-id``, else the caller's account (STS GetCallerIdentity)."""
    if args.account_id is not None:
        return str(args.account_id)
    sts: Any = _client("sts", None, args.region)
    return str(sts.get_caller_identity()["Account"])


def source_triggers(args: argparse.Namespace) -> list[Trigger]:
    """The triggers of ``SOURCE`` (module:handler), or the one --bucket/--prefix/--suffix make."""
    if args.source is None:
        if args.bucket is None:
            raise BackfillError("give a source (module:handler) or --bucket")
        events = args.event or ("s3:ObjectCreated:*",)
        return [Trigger(args.bucket, events, prefix=args.prefix, suffix=args.suffix)]
    if args.event or args.prefix or args.suffix:
        raise BackfillError(
            "--event, --prefix and --suffix go without a source: it declares its own"
        )
    from s3types._cli.invoke import InvokeError, load_handler

    try:
        loaded: Any = load_handler(args.source)
    except InvokeError as err:
        raise BackfillError(str(err)) from None
    triggers = getattr(loaded, "s3_triggers", None)
    if not isinstance(triggers, tuple):
        raise BackfillError(
            f"{args.source} declares no triggers: decorate it with @s3_record_handler or"
            " @on_s3_change, or pass --bucket/--prefix/--suffix without a source"
        )
    return list(cast("tuple[Trigger, ...]", triggers))


def run_action(action: str, body: Callable[[argparse.Namespace], int]) -> Callable[..., int]:
    """``body`` as an action's ``func``: an expected failure is one line on stderr and exit 1."""

    def func(args: argparse.Namespace) -> int:
        try:
            return body(args)
        except (BackfillError, ReportError, TriggerError) as err:
            message = str(err)
        except OSError as err:
            message = f"{err.strerror or err}: {err.filename}" if err.filename else str(err)
        except Exception as err:
            aws = aws_error_message(err)
            if aws is None:
                raise
            message = aws
        print(f"s3types backfill {action}: {message}", file=sys.stderr)
        return 1

    return func
