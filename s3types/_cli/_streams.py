"""Keeping standard output for results: handler output to stderr, a closed pipe no traceback."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Generator
from typing import TextIO

__all__ = ["quiet_broken_pipe", "stdout_to_stderr"]


@contextlib.contextmanager
def stdout_to_stderr() -> Generator[None, None, None]:
    """Send everything written to standard output to standard error while the block runs.

    Both levels move: ``sys.stdout`` (``print``, and loggers made in the block,
    such as a Powertools ``Logger`` created at import, which binds
    ``sys.stdout`` then) and file descriptor 1 (subprocesses, C extensions,
    streams bound before the block). Afterwards both are as they were.
    """
    saved_stream: TextIO = sys.stdout
    saved_fd: int | None = None
    stdout_fd = -1
    real_out, real_err = sys.__stdout__, sys.__stderr__
    if real_out is not None and real_err is not None:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            sys.stdout.flush()
            real_out.flush()
            stdout_fd = real_out.fileno()
            saved_fd = os.dup(stdout_fd)
            os.dup2(real_err.fileno(), stdout_fd)
    sys.stdout = sys.stderr
    try:
        yield
    finally:
        with contextlib.suppress(AttributeError, OSError, ValueError):
            sys.stderr.flush()
        sys.stdout = saved_stream
        if saved_fd is not None:
            os.dup2(saved_fd, stdout_fd)
            os.close(saved_fd)


def quiet_broken_pipe() -> None:
    """After standard output's reader went away (``| head``): no flush error at exit.

    Python's advice (signal docs, "Note on SIGPIPE"): point descriptor 1 at
    /dev/null so the interpreter's final flush has somewhere to go.
    """
    with contextlib.suppress(AttributeError, OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
