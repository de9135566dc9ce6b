"""``s3types invoke``: run a Lambda handler locally on an S3 event, like ``sam local invoke``."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import importlib.util
import json
import logging
import sys
import time
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from s3types._cli import event_jobs
from s3types._cli.event import SHORT_NAMES
from s3types._errors import S3EventError
from s3types._names import EventName, parse_event_name
from s3types._parse import parse_event
from s3types.testing import make_event, via_eventbridge, via_sns, via_sqs
from s3types.testing._context import LocalLambdaContext

__all__ = ["InvokeError", "add_parser", "load_handler", "run"]

_VIAS = ("sqs", "sns", "sqs-sns", "eventbridge")


class InvokeError(Exception):
    """Why a local invocation could not run or failed: printed without a traceback."""


def add_parser(subparsers: Any) -> None:
    """Register ``s3types invoke``."""
    parser = subparsers.add_parser(
        "invoke",
        help="run a Lambda handler locally on an S3 event (like `sam local invoke`, no Docker)",
        description=(
            "Import a handler, call it with an S3 event and a stand-in Lambda context, and"
            " print what it returns as JSON. The handler's own output goes to stderr. Exits 1"
            " with the reason if the handler cannot be imported, the event is not a valid S3"
            " event, or the handler raises."
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
        help=f"event type to make when no --event: {', '.join(SHORT_NAMES)}, or a full name",
    )
    parser.add_argument("--bucket", default="example-bucket", help="bucket of the made event")
    parser.add_argument("--key", default="test/key", help="object key of the made event")
    parser.add_argument("--size", type=int, help="object size of the made event")
    parser.add_argument("--region", default="us-east-1", help="AWS region (default us-east-1)")
    parser.add_argument("--function-name", help="context.function_name (default: the function)")
    parser.add_argument(
        "--timeout", type=float, default=3.0, help="seconds the context counts down (default 3)"
    )
    parser.add_argument("--memory", type=int, default=128, help="context memory in MB")
    parser.add_argument(
        "--log-level",
        default="INFO",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        help="show the handler's log records from this level on, on stderr (default INFO)",
    )
    parser.add_argument(
        "--traceback", action="store_true", help="print the traceback when something fails"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Invoke the handler; returns the exit code (0 ok, 1 failed)."""
    # Like Lambda's runtime, give the root logger a handler, so `logger.info` shows up.
    logging.basicConfig(level=args.log_level, format="%(levelname)s %(name)s: %(message)s")
    try:
        handler = load_handler(args.handler)
        event = _event(args)
        context = LocalLambdaContext(
            function_name=args.function_name or args.handler.rpartition(":")[2],
            timeout_seconds=args.timeout,
            memory_limit_in_mb=str(args.memory),
            region=args.region,
        )
        result = _call(handler, event, context, args.timeout)
        text = _to_json(result)
    except InvokeError as err:
        print(f"s3types invoke: {err}", file=sys.stderr)
        if args.traceback:
            traceback.print_exception(err.__cause__ or err, file=sys.stderr)
        elif err.__cause__ is not None:
            print("(run with --traceback to see where)", file=sys.stderr)
        return 1
    print(text)
    return 0


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
    if location.endswith(".py") or "/" in location or "\\" in location:
        module = _import_file(Path(location))
    else:
        _put_first_on_path(Path.cwd())
        try:
            module = importlib.import_module(location)
        except ImportError as err:
            raise InvokeError(f"cannot import module {location!r}: {err}") from err
        except Exception as err:
            raise InvokeError(f"importing {location!r} raised {_describe(err)}") from err
    handler = getattr(module, name, None)
    if handler is None:
        public = sorted(n for n, v in vars(module).items() if callable(v) and n[0] != "_")
        raise InvokeError(
            f"{location!r} has no attribute {name!r}; its functions: {', '.join(public) or 'none'}"
        )
    if not callable(handler):
        raise InvokeError(f"{target!r} is a {type(handler).__name__}, not a function")
    return handler  # type: ignore[no-any-return]


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


def _event(args: argparse.Namespace) -> object:
    if args.event is None:
        event: object = _made_event(args)
    else:
        event = _read_event(args.event)
    if args.via is not None:
        event = _wrap(event, args.via, args.event)
    kind = event_jobs.invocation_kind(event)  # a Batch Operations job, an Object Lambda request
    if kind is not None:
        try:
            event_jobs.check_invocation(event, kind)  # type: ignore[arg-type]
        except S3EventError as err:
            raise InvokeError(f"the event is not a valid {kind.value} invocation: {err}") from None
        return event
    try:
        parse_event(event)  # type: ignore[arg-type]
    except S3EventError as err:
        raise InvokeError(f"the event is not a valid S3 event: {err}") from None
    return event


def _made_event(args: argparse.Namespace) -> object:
    if args.name.lower() == event_jobs.JobKind.BATCH.value:  # a one-task job; see event_jobs.py
        return event_jobs.one_task_job(args.bucket, args.key)
    name: EventName | None = SHORT_NAMES.get(args.name.lower())
    if name is None:
        try:
            name = parse_event_name(args.name)
        except ValueError:
            raise InvokeError(
                f"--name {args.name!r} is not an S3 event name: use one of"
                f" {', '.join(SHORT_NAMES)} or a full name such as ObjectCreated:Put"
            ) from None
    if args.size is not None and args.size < 0:
        raise InvokeError(f"--size {args.size} is negative: give the object size in bytes")
    removal = name.category in ("ObjectRemoved", "LifecycleExpiration")
    size = args.size if args.size is not None or removal else 1024
    return make_event(name, bucket=args.bucket, key=args.key, size=size, region=args.region)


def _read_event(source: str) -> object:
    where = "standard input" if source == "-" else source
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as err:
        raise InvokeError(f"cannot read the event from {where}: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise InvokeError(f"the event in {where} is not UTF-8 text: {err}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InvokeError(f"the event in {where} is not valid JSON: {err}") from None


def _wrap(event: object, via: str, source: str | None) -> object:
    where = "standard input" if source == "-" else (source or "the made event")
    if not isinstance(event, Mapping) or not (
        isinstance(event.get("Records"), list) or event.get("Event") == "s3:TestEvent"
    ):
        raise InvokeError(
            f"--via {via} wraps a direct S3 notification ({{'Records': [...]}}),"
            f" but {where} holds something else: pass the notification itself"
        )
    if any(
        isinstance(r, Mapping) and r.get("eventSource") in ("aws:sqs", "aws:sns")
        for r in event.get("Records", ())
    ):
        raise InvokeError(f"{where} is already an SQS or SNS delivery: drop --via {via}")
    notification: Any = event
    try:
        if via == "sqs":
            return via_sqs(notification)
        if via == "sqs-sns":
            return via_sqs(notification, through_sns=True)
        if via == "sns":
            return via_sns(notification)
        return via_eventbridge(notification)
    except (ValueError, KeyError, TypeError) as err:
        raise InvokeError(f"cannot wrap {where} for --via {via}: {err}") from None


def _call(
    handler: Callable[..., Any], event: object, context: LocalLambdaContext, timeout: float
) -> object:
    started = time.monotonic()
    try:
        # The result goes to stdout; the handler's prints go where Lambda's logs would.
        with contextlib.redirect_stdout(sys.stderr):
            result = handler(event, context)
    except Exception as err:
        if err.__traceback__ is not None:  # start the traceback in the handler, not here
            err.__traceback__ = err.__traceback__.tb_next
        raise InvokeError(f"the handler raised {_describe(err)}") from err
    elapsed = time.monotonic() - started
    if elapsed > timeout:
        print(
            f"s3types invoke: warning: the handler ran {elapsed:.1f} s, longer than the"
            f" {timeout:g} s timeout: Lambda would have stopped it (--timeout to change)",
            file=sys.stderr,
        )
    return result


def _to_json(result: object) -> str:
    try:
        return json.dumps(result, indent=2, ensure_ascii=False)
    except (TypeError, ValueError) as err:
        raise InvokeError(
            f"the handler returned a {type(result).__name__} that is not JSON-serializable"
            f" ({err}); Lambda would fail with Runtime.MarshalError: return dicts, lists,"
            " str, numbers, bool or None"
        ) from None


def _describe(err: BaseException) -> str:
    text = str(err)
    return f"{type(err).__name__}: {text}" if text else type(err).__name__
