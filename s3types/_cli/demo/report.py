"""The demo's report: aligned plain-text tables that keep non-ASCII keys in line."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from s3types._cli.demo.queue import Delivery

__all__ = ["deliveries_table", "display_width", "table"]


def display_width(text: str) -> int:
    """Columns a terminal gives ``text``: wide characters (emoji, CJK) take two, accents none.

    >>> display_width("café 🎉")
    7
    """
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def table(rows: Sequence[Sequence[str]], *, indent: str = "  ") -> str:
    """Rows as left-aligned columns two spaces apart (the first row is the heading).

    >>> print(table([("event", "key"), ("ObjectCreated:Put", "a b.txt")]))
      event              key
      ObjectCreated:Put  a b.txt
    """
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines: list[str] = []
    for row in rows:
        cells = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row)]
        lines.append((indent + "  ".join(cells)).rstrip())
    return "\n".join(lines)


def deliveries_table(deliveries: Sequence[Delivery]) -> str:
    """Each notification (its key decoded, and as S3 sent it) and what the function did."""
    rows: list[tuple[str, ...]] = [("message", "event", "key (decoded)", "size", "function")]
    for delivery in deliveries:
        size = "" if delivery.size is None else str(delivery.size)
        key = delivery.key or "-"
        rows.append((delivery.message_id[:8], delivery.event_name, key, size, delivery.outcome))
    lines = table(rows).split("\n")
    # The wire key under the decoded one, outside the table so it does not widen the column.
    key_column = 2 + sum(max(display_width(row[i]) for row in rows) + 2 for i in range(2))
    out = [lines[0]]
    for line, delivery in zip(lines[1:], deliveries, strict=True):
        out.append(line)
        if delivery.raw_key and delivery.raw_key != delivery.key:
            out.append(" " * key_column + f"sent as {delivery.raw_key}")
    return "\n".join(out)
