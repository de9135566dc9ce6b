"""The ``s3types`` command line: one module per subcommand, each with ``add_parser``."""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import sys
from collections.abc import Sequence

from s3types._cli._streams import quiet_broken_pipe

__all__ = ["main", "run"]

# Each module defines add_parser(subparsers) that registers its command and
# sets ``func`` (args -> exit code). Imported only when the CLI runs.
_COMMANDS = (
    "s3types._cli.event",
    "s3types._cli.parse",
    "s3types._cli.invoke",
    "s3types._cli.demo",
    "s3types._cli.trigger",
    "s3types._cli.backfill",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="s3types",
        description="Make, check and run S3 event notifications for AWS Lambda.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _COMMANDS:
        importlib.import_module(name).add_parser(subparsers)
    return parser


def _version() -> str:
    try:
        return importlib.metadata.version("s3types")
    except importlib.metadata.PackageNotFoundError:
        return "unknown (not installed: run from a source tree)"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    >>> main(["event", "put", "--bucket", "b", "--key", "k"])  # doctest: +SKIP
    0
    """
    # Keys are any Unicode: a terminal or pipe that cannot show a character
    # gets an escape for it, never a UnicodeEncodeError traceback.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`s3types event | head -1`): what it read is all it
        # wanted. Exit quietly, as `cat` does, with status 1 (Python's own advice).
        quiet_broken_pipe()
        return 1
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def run() -> None:
    """Console-script entry point: exit with :func:`main`'s code."""
    sys.exit(main())
