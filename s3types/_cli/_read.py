"""Reading an event from a file or standard input, never more than a bound."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["DEFAULT_MAX_BYTES", "EventTooLarge", "add_max_bytes_option", "read_event_bytes"]

#: Lambda's payload limit for a synchronous invocation: 6 MB (6,291,456 bytes).
DEFAULT_MAX_BYTES = 6 * 1024 * 1024


class EventTooLarge(ValueError):
    """The input holds more bytes than the bound allows."""


def add_max_bytes_option(parser: Any) -> None:
    """Add ``--max-bytes`` to a subcommand that reads an event."""
    parser.add_argument(
        "--max-bytes",
        type=_positive,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=(
            "read at most N bytes of event (default 6291456: Lambda's 6 MB payload limit);"
            " more is an error, so `/dev/zero` or `yes |` cannot exhaust memory"
        ),
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of bytes") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{value} must be a positive number of bytes")
    return value


def read_event_bytes(source: str, max_bytes: int) -> bytes:
    """The bytes of ``source`` (a path, or ``-`` for standard input), at most ``max_bytes``.

    Raises :class:`EventTooLarge` as soon as one byte more is available, and
    ``OSError`` when the file cannot be read.

    >>> read_event_bytes("/dev/zero", 10)
    Traceback (most recent call last):
    ...
    s3types._cli._read.EventTooLarge: /dev/zero holds more than 10 bytes ...
    """
    where = "standard input" if source == "-" else source
    if source == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        with open(source, "rb") as handle:
            data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise EventTooLarge(
            f"{where} holds more than {max_bytes} bytes (the --max-bytes bound; Lambda refuses"
            " payloads over 6 MB): pass --max-bytes N to read more"
        )
    return data
