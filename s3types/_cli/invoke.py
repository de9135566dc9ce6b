"""``s3types invoke``: run a Lambda handler locally on an S3 event, like ``sam local invoke``."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from pathlib import Path
from typing import Any

from s3types._cli import event_jobs
from s3types._cli._call import call_handler, call_object_lambda, handler_context
from s3types._cli._events import EventProblem, invocation_event
from s3types._cli._invoke_errors import HandlerExit, InvokeError, InvokeTimeout
from s3types._cli._load import load_handler, load_module
from s3types._cli._marshal import MarshalError, to_lambda_json
from s3types._cli._names import SHORT_NAMES, TEST
from s3types._cli._object_lambda import LocalObjectLambdaError
from s3types._cli._read import add_max_bytes_option
from s3types._cli._streams import stdout_to_stderr

__all__ = [
    "HandlerExit",
    "InvokeError",
    "InvokeTimeout",
    "add_parser",
    "load_handler",
    "load_module",
    "run",
]

_VIAS = ("sqs", "sns", "sqs-sns", "eventbridge")


def add_parser(subparsers: Any) -> None:
    """Register ``s3types invoke``."""
    parser = subparsers.add_parser(
        "invoke",
        help="run a Lambda handler locally on an S3 event (like `sam local invoke`, no Docker)",
        description=(
            "Import a handler, call it with an S3 event and a stand-in Lambda context, and"
            " print what it returns as JSON, encoded as Lambda's Python runtime does (a Decimal"
            " is a number). Standard output holds the result alone: the handler's prints,"
            " logging and subprocesses go to stderr. Exits 1 with the reason if the handler"
            " cannot be imported, the event is not a valid S3 event (an SQS batch goes to the"
            " handler whole even with bad messages, as Lambda sends it), the handler raises or"
            " its result cannot be serialized; 124 when it runs past --timeout; the handler's"
            " status when it raises SystemExit. An Object Lambda request (`s3types event"
            " object-lambda`) runs with its original object (--original FILE, else generated"
            " text) and S3's WriteGetObjectResponse served on 127.0.0.1; for GetObject the"
            " output is the response the caller gets: status, headers and body."
        ),
    )
    parser.add_argument(
        "handler",
        metavar="MODULE:FUNCTION",
        help="the handler, as module:function (e.g. app:handler) or path/to/file.py:function",
    )
    parser.add_argument(
        "--event",
        metavar="FILE",
        help="the event: a JSON file, or - for standard input (default: make one, see --name)",
    )
    parser.add_argument(
        "--via",
        choices=_VIAS,
        help="wrap the event as Lambda receives it through this service",
    )
    parser.add_argument(
        "--name",
        default="put",
        help=(
            f"event type to make when no --event: {', '.join(SHORT_NAMES)}, {TEST}"
            " (the s3:TestEvent), or a full name"
        ),
    )
    parser.add_argument("--bucket", default="example-bucket", help="bucket of the made event")
    parser.add_argument("--key", default="test/key", help="object key of the made event")
    parser.add_argument("--size", type=int, help="object size of the made event")
    parser.add_argument("--region", default="us-east-1", help="AWS region (default us-east-1)")
    parser.add_argument("--function-name", help="context.function_name (default: the function)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=3.0,
        help="seconds before the handler is stopped, as Lambda would (exit 124; default 3)",
    )
    parser.add_argument("--memory", type=int, default=128, help="context memory in MB")
    parser.add_argument(
        "--original",
        metavar="FILE",
        type=Path,
        help=(
            "Object Lambda: serve this file as the original object (inputS3Url); default:"
            " generated text, or the event's own inputS3Url if it is on this machine"
        ),
    )
    parser.add_argument(
        "--log-level",
        default="INFO",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        help=(
            "show the handler's (and s3types') log records from this level on, on stderr"
            " (default INFO); installed libraries such as botocore show WARNING and above"
        ),
    )
    parser.add_argument(
        "--log-level-all",
        action="store_true",
        help="apply --log-level to installed libraries too (botocore's credential lookup, ...)",
    )
    parser.add_argument(
        "--traceback", action="store_true", help="print the traceback when something fails"
    )
    add_max_bytes_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Invoke the handler; returns the exit code (0 ok, 1 failed, 124 timed out)."""
    # Like Lambda's runtime, give the root logger a handler, so `logger.info` shows up.
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")
    root = logging.getLogger()
    level = root.level
    root.setLevel(args.log_level)
    quiet = _OtherLibrariesAtWarning()
    if not args.log_level_all:  # botocore's credential lookup is not the handler's story
        for shown in root.handlers:
            shown.addFilter(quiet)
    try:
        return _run(args)
    finally:
        root.setLevel(level)
        for shown in root.handlers:
            shown.removeFilter(quiet)


def _run(args: argparse.Namespace) -> int:
    try:
        # Standard output is for the result alone: the handler's module is imported
        # and run with stdout pointing at stderr (Powertools' Logger binds sys.stdout
        # when it is made, at import; subprocesses write to descriptor 1).
        with stdout_to_stderr():
            event = invocation_event(args)
            if event_jobs.invocation_kind(event) is event_jobs.JobKind.OBJECT_LAMBDA:
                result = call_object_lambda(args, event)
            elif args.original is not None:
                raise InvokeError(
                    "--original serves the original object of an Object Lambda request;"
                    " this event is not one (make one with `s3types event object-lambda`)"
                )
            else:
                result = call_handler(
                    load_handler(args.handler), event, handler_context(args), args.timeout
                )
        text = to_lambda_json(result)
    except HandlerExit as exit_:
        print(
            f"s3types invoke: the handler raised SystemExit({exit_.code!r}): Lambda would"
            f" report Runtime.ExitError (exit status {exit_.exit_status}) and no result",
            file=sys.stderr,
        )
        return exit_.exit_status
    except (EventProblem, MarshalError, LocalObjectLambdaError) as err:
        print(f"s3types invoke: {err}", file=sys.stderr)
        return 1
    except InvokeError as err:
        print(f"s3types invoke: {err}", file=sys.stderr)
        if isinstance(err, InvokeTimeout):
            return 124
        if args.traceback:
            traceback.print_exception(err.__cause__ or err, file=sys.stderr)
        elif err.__cause__ is not None:
            print("(run with --traceback to see where)", file=sys.stderr)
        return 1
    print(text)
    return 0


class _OtherLibrariesAtWarning(logging.Filter):
    """Pass the handler's records and s3types' at any level; installed libraries' from WARNING."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        top = record.name.split(".", 1)[0]
        if top == "root" or top.startswith("s3types"):
            return True
        location = str(getattr(sys.modules.get(top), "__file__", None) or "")
        return not any(folder in location for folder in ("site-packages", "dist-packages"))
