"""Why ``s3types invoke`` could not run a handler, or how the handler failed, in one line."""

from __future__ import annotations

from s3types._problems import clip, describe_exception

__all__ = ["HandlerExit", "InvokeError", "InvokeTimeout", "describe"]


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


def describe(err: BaseException) -> str:
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
