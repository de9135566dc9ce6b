"""Calling a handler as Lambda would: stopped at its timeout, with a stand-in context.

An Object Lambda handler runs with its original object and S3's
WriteGetObjectResponse served on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from s3types._cli._invoke_errors import HandlerExit, InvokeError, InvokeTimeout, describe
from s3types._cli._load import load_handler
from s3types._cli._marshal import to_lambda_json
from s3types._cli._object_lambda import local_object_lambda, response_json
from s3types.testing import LocalLambdaContext

__all__ = ["call_handler", "call_object_lambda", "handler_context"]


def handler_context(args: argparse.Namespace) -> LocalLambdaContext:
    """The stand-in Lambda context of ``s3types invoke``'s options (name, timeout, memory)."""
    return LocalLambdaContext(
        function_name=args.function_name or args.handler.rpartition(":")[2],
        timeout_seconds=args.timeout,
        memory_limit_in_mb=str(args.memory),
        region=args.region,
    )


def call_object_lambda(args: argparse.Namespace, event: Any) -> object:
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
            returned = call_handler(
                load_handler(args.handler), event, handler_context(args), args.timeout
            )
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


class _TimedOut(BaseException):
    """Raised in the handler by the alarm: a BaseException, so ``except Exception`` lets it by."""


def _raise_timed_out(signum: int, frame: object) -> None:
    raise _TimedOut


def call_handler(
    handler: Callable[..., Any], event: object, context: LocalLambdaContext, timeout: float
) -> object:
    """Call ``handler(event, context)`` and return its result, stopped at ``timeout`` seconds.

    Raises :class:`InvokeTimeout` past the timeout, :class:`HandlerExit` on
    ``SystemExit`` and :class:`InvokeError` (from the exception) when it raises.
    """
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
        raise InvokeError(f"the handler raised {describe(err)}") from err
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
