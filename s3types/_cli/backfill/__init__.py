"""``s3types backfill``: plan, submit, watch, report, retry and run a backfill.

One module per action, each with ``add_parser(actions)`` registering it
and setting ``func``; this package only gathers them, so actions are
added without touching each other.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["add_parser"]

# Each module defines add_parser(actions): imported only when the CLI runs.
_ACTIONS: tuple[str, ...] = (
    "s3types._cli.backfill.plan",
    "s3types._cli.backfill.submit",
    "s3types._cli.backfill.watch",
    "s3types._cli.backfill.report",
    "s3types._cli.backfill.retry",
    "s3types._cli.backfill.run",
)


def add_parser(subparsers: Any) -> None:
    """Register ``s3types backfill`` and its actions."""
    parser = subparsers.add_parser(
        "backfill",
        help="run a function over the objects a bucket already holds (S3 Batch Operations)",
        description=(
            "Backfill: a function's S3 triggers fire only for new objects. Plan an S3 Batch"
            " Operations job that invokes it over the existing ones, submit it, watch it,"
            " read its completion report and retry the failed tasks."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name in _ACTIONS:
        importlib.import_module(name).add_parser(actions)
