"""``s3types invoke``: run a Lambda handler locally on an S3 event, like ``sam local invoke``."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from s3types._cli import event_jobs
from s3types._cli._events import EventProblem, invocation_event
from s3types._cli._marshal import MarshalError, to_lambda_json
from s3types._cli._names import SHORT_NAMES, TEST
from s3types._cli._object_lambda import (
    LocalObjectLambdaError,
    local_object_lambda,
    response_json,
)
from s3types._cli._read import add_max_bytes_option
from s3types._cli._streams import stdout_to_stderr
from s3types._problems import clip, describe_exception
from s3types.testing import LocalLambdaContext

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


class InvokeError(Exception):
    """Why a local invocation could not run or failed: printed without a traceback."""


class InvokeTimeout(InvokeError):
    """The handler ran past ``--timeout``: Lambda would have stopped it."""


class HandlerExit(Exception):
    """The handler raised ``SystemExit``: Lambda reports ``Runtime.ExitError``."""

    def __init__(self, code: object) -> None:
        super().__init__(code)
        self.code = code

    @property
    def exit_status(self) -> int:
        """The status the process exits with: the int given, 0 for None, else 1 (as Python)."""
        if self.code is None:
            return 0
        if isinstance(self.code, int):
            return self.code
        return 1


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
                result = _call_object_lambda(args, event)
            elif args.original is not None:
                raise InvokeError(
                    "--original serves the original object of an Object Lambda request;"
                    " this event is not one (make one with `s3types event object-lambda`)"
                )
            else:
                result = _call(load_handler(args.handler), event, _context(args), args.timeout)
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


def _context(args: argparse.Namespace) -> LocalLambdaContext:
    return LocalLambdaContext(
        function_name=args.function_name or args.handler.rpartition(":")[2],
        timeout_seconds=args.timeout,
        memory_limit_in_mb=str(args.memory),
        region=args.region,
    )


def _call_object_lambda(args: argparse.Namespace, event: Any) -> object:
    """Run an Object Lambda handler with its original and its answer served locally.

    The handler is imported inside, so a client its module makes at import
    time talks to the local endpoint too. For GetObject the result shown is
    the response the caller gets (what the handler sent with
    WriteGetObjectResponse); for the other operations, what it returned.
    """
    operation = "GetObject" if "getObjectContext" in event else None
    with local_object_lambda(event, original=args.original, region=args.region) as (
        endpoints,
        served,
    ):
        print(f"s3types invoke: Object Lambda, run locally: {served}", file=sys.stderr)
        try:
            returned = _call(load_handler(args.handler), event, _context(args), args.timeout)
        except InvokeError as err:
            if endpoints.answers:
                answer = endpoints.answers[-1]
                got = f"HTTP {answer.status_code} {answer.error_code or ''}".rstrip()
                raise type(err)(f"{err}; the caller gets {got}") from err.__cause__
            raise
        if operation is None:
            return returned
        if not endpoints.answers:
            raise InvokeError(
                "the handler returned without calling WriteGetObjectResponse, so the caller"
                " would wait and time out: answer with s3types.ops.write_get_object_response"
                " (or @s3_object_lambda_handler), on an S3 client made with no endpoint_url"
            )
        print(
            f"s3types invoke: the handler answered WriteGetObjectResponse (route"
            f" {endpoints.answers[-1].request_route}) and returned"
            f" {to_lambda_json(returned, indent=None)}; standard output shows the response"
            " the caller gets",
            file=sys.stderr,
        )
        return response_json(endpoints.answers[-1])


def load_handler(target: str) -> Callable[..., Any]:
    """Import ``module:function`` or ``path/to/file.py:function`` and return the function.

    A file is imported under its stem, with its folder first on ``sys.path``
    (as Lambda does with the task root); a module is looked up from the
    current folder first, like ``python -m``.

    >>> load_handler("examples/lambda_handler.py:handler")  # doctest: +SKIP
    <function handler at 0x...>
    """
    location, colon, name = target.rpartition(":")
    if not colon or not location or not name:
        raise InvokeError(
            f"{target!r} does not name a handler: write module:function"
            " (e.g. app:handler) or path/to/file.py:function"
        )
    module = load_module(location)
    handler = getattr(module, name, None)
    if handler is None:
        public = sorted(n for n, v in vars(module).items() if callable(v) and n[0] != "_")
        raise InvokeError(
            f"{location!r} has no attribute {name!r}; its functions: {', '.join(public) or 'none'}"
        )
    if not callable(handler):
        raise InvokeError(f"{target!r} is a {type(handler).__name__}, not a function")
    found: Callable[..., Any] = handler
    return found


def load_module(location: str) -> ModuleType:
    """Import a module by name or a file by path, as :func:`load_handler` does."""
    if location.endswith(".py") or "/" in location or "\\" in location:
        imported: ModuleType = _import_file(Path(location))
        return imported
    _put_first_on_path(Path.cwd())
    try:
        return importlib.import_module(location)
    except ImportError as err:
        raise InvokeError(f"cannot import module {location!r}: {err}") from err
    except Exception as err:
        raise InvokeError(f"importing {location!r} raised {_describe(err)}") from err


def _import_file(path: Path) -> Any:
    if not path.is_file():
        raise InvokeError(f"no such file: {path}")
    _put_first_on_path(path.resolve().parent)
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise InvokeError(f"cannot import {path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    try:
        spec.loader.exec_module(module)
    except Exception as err:
        del sys.modules[path.stem]
        raise InvokeError(f"importing {path} raised {_describe(err)}") from err
    return module


def _put_first_on_path(folder: Path) -> None:
    entry = str(folder)
    if entry not in sys.path:
        sys.path.insert(0, entry)


class _TimedOut(BaseException):
    """Raised in the handler by the alarm: a BaseException, so ``except Exception`` lets it by."""


def _raise_timed_out(signum: int, frame: object) -> None:
    raise _TimedOut


def _call(
    handler: Callable[..., Any], event: object, context: LocalLambdaContext, timeout: float
) -> object:
    # Lambda stops a function at its timeout: an alarm does the same here where
    # the platform has one (Unix, main thread); elsewhere the run is timed after.
    alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous: Any = None
    if alarm:
        previous = signal.signal(signal.SIGALRM, _raise_timed_out)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    started = time.monotonic()
    try:
        result = handler(event, context)
    except _TimedOut:
        raise InvokeTimeout(_timed_out(timeout)) from None
    except SystemExit as exit_:
        raise HandlerExit(exit_.code) from None
    except Exception as err:
        if err.__traceback__ is not None:  # start the traceback in the handler, not here
            err.__traceback__ = err.__traceback__.tb_next
        raise InvokeError(f"the handler raised {_describe(err)}") from err
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    if time.monotonic() - started > timeout:
        raise InvokeTimeout(_timed_out(timeout))
    return result


def _timed_out(timeout: float) -> str:
    return (
        f"Task timed out after {timeout:.2f} seconds: Lambda stops the function there and"
        " returns no result (--timeout to change)"
    )


def _describe(err: BaseException) -> str:
    """``Type: message``, and the first exception of its chain, where the real cause usually is."""
    first, seen = err, {id(err)}
    while True:
        earlier = first.__cause__ or (None if first.__suppress_context__ else first.__context__)
        if earlier is None or id(earlier) in seen:
            break
        first = earlier
        seen.add(id(first))
    described = _one_line(err)
    return described if first is err else f"{described} (caused by {_one_line(first)})"


def _one_line(err: BaseException) -> str:
    return clip(" ".join(describe_exception(err).split()), 300)


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
