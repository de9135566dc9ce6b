"""``s3types demo``: the main job end to end, on an embedded S3 server or a real store."""

from __future__ import annotations

import argparse
import importlib.util
import sys
import uuid
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient

__all__ = ["add_parser", "run_command"]

_INSTALL = "pip install 's3types[server]'"


def add_parser(subparsers: Any) -> None:
    """Register ``s3types demo``."""
    parser = subparsers.add_parser(
        "demo",
        help="run the main job end to end on a local S3 server (or a store you name)",
        description=(
            "Start moto's S3 server on 127.0.0.1, make a bucket that notifies an SQS queue,"
            " upload, copy and delete objects with hard keys, receive the notifications the"
            " server sent, hand them to the demo function (examples/demo_function.py)"
            " through the s3types_lambda adapter, and check what the function did."
            " Exits 0 only if every notification was received and handled as expected."
            " With --endpoint-url it runs against that store instead, with your AWS"
            " credentials, and removes what it made."
        ),
    )
    parser.add_argument(
        "--endpoint-url",
        metavar="URL",
        help="an S3-compatible endpoint to use instead of the embedded server",
    )
    parser.add_argument(
        "--sqs-endpoint-url",
        metavar="URL",
        help="the SQS endpoint, when not the same as --endpoint-url",
    )
    parser.add_argument(
        "--bucket",
        help="bucket to use, made if missing (default: a new s3types-demo-<random> bucket)",
    )
    parser.add_argument(
        "--region",
        help="region of the bucket and queue (default: your AWS configuration, or us-east-1)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=20.0,
        help="seconds to wait for each round of notifications (default 20)",
    )
    parser.set_defaults(func=run_command)


def run_command(args: argparse.Namespace) -> int:
    """Run the demo; returns the exit code (0 ok, 1 not as expected, 2 could not run)."""
    missing = [m for m in ("boto3", "moto") if importlib.util.find_spec(m) is None]
    if args.endpoint_url:
        missing = [m for m in missing if m != "moto"]
    if missing:
        print(
            f"s3types demo needs {' and '.join(missing)}, which are not installed: {_INSTALL}",
            file=sys.stderr,
        )
        return 2
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        # Keys like "café/ünïcødé 🎉.txt" must not crash a report sent to a non-UTF-8 pipe.
        reconfigure(errors="backslashreplace")
    from botocore.exceptions import BotoCoreError, ClientError

    from s3types._cli.demo.setup import DemoSetupError

    bucket = args.bucket or f"s3types-demo-{uuid.uuid4().hex[:12]}"
    try:
        if args.endpoint_url:
            return _on_store(args, bucket)
        return _on_embedded_server(args, bucket)
    except DemoSetupError as err:
        print(f"s3types demo: {err}", file=sys.stderr)
    except (BotoCoreError, ClientError) as err:
        print(f"s3types demo: S3 or SQS refused or failed: {err}", file=sys.stderr)
    return 2


def _on_embedded_server(args: argparse.Namespace, bucket: str) -> int:
    from s3types._cli.demo.run import run_demo
    from s3types.testing._server import LocalS3Server

    region = args.region or "us-east-1"
    print(f"s3types demo: starting moto's S3 server on 127.0.0.1 (region {region})", flush=True)
    with LocalS3Server(region=region) as server:
        print(f"  listening at {server.endpoint_url}", flush=True)
        return run_demo(
            server.s3_client(),
            server.sqs_client(),
            bucket=bucket,
            region=region,
            timeout=args.timeout,
            embedded=True,
        )


def _on_store(args: argparse.Namespace, bucket: str) -> int:
    import boto3

    from s3types._cli.demo.run import run_demo

    session = boto3.session.Session()
    region = args.region or session.region_name or "us-east-1"
    # pyright strict: boto3-stubs' overloads for uninstalled services are unknown.
    s3: S3Client = session.client(  # pyright: ignore[reportUnknownMemberType]
        "s3", endpoint_url=args.endpoint_url, region_name=region
    )
    sqs: SQSClient = session.client(  # pyright: ignore[reportUnknownMemberType]
        "sqs", endpoint_url=args.sqs_endpoint_url or args.endpoint_url, region_name=region
    )
    print(f"s3types demo: using {args.endpoint_url} (region {region})", flush=True)
    try:
        return run_demo(s3, sqs, bucket=bucket, region=region, timeout=args.timeout, embedded=False)
    finally:
        s3.close()
        sqs.close()
