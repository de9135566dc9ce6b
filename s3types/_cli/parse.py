"""``s3types parse``: validate an event and show its normalized records."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from s3types._cli import parse_jobs
from s3types._cli._read import EventTooLarge, add_max_bytes_option, read_event_bytes
from s3types._errors import S3EventError
from s3types._model import S3Event
from s3types._parse import parse_event

__all__ = ["add_parser", "format_table"]

_C1_CONTROLS = re.compile("[\x7f-\x9f]")

_COLUMNS = ("#", "delivery", "event", "bucket", "key", "size", "version id", "time (UTC)")


def add_parser(subparsers: Any) -> None:
    """Register ``s3types parse``."""
    parser = subparsers.add_parser(
        "parse",
        help="validate an event or invocation (file or stdin) and show what it holds",
        description=(
            "Parse an S3 event notification however it was delivered (direct, SQS,"
            " SNS, EventBridge, test event) and print its records, keys decoded; or an S3"
            " Batch Operations job or Object Lambda request (all `s3types event` prints),"
            " the kind named on the first line."
            " Exits 1 with what is wrong and where if the event is not valid, 2 if the file"
            " cannot be read or holds more than --max-bytes. Text from the event (bucket,"
            " key, version id) is shown escaped where it is not printable, so escape codes"
            " in an event never reach the terminal."
        ),
    )
    parser.add_argument("file", help="a JSON file, or - for standard input")
    parser.add_argument(
        "--json", action="store_true", help="print the normalized records as JSON instead"
    )
    add_max_bytes_option(parser)
    parser.set_defaults(func=run)


def format_table(event: S3Event) -> str:
    """The records of an event as an aligned text table.

    >>> from s3types import parse_event
    >>> from s3types.testing import make_event
    >>> print(format_table(parse_event(make_event(bucket="b", key="a b"))))  # doctest: +ELLIPSIS
    #  delivery  event              bucket  key  size  version id  time (UTC)
    ...
    """
    if event.is_test_event and event.test_event is not None:
        test = event.test_event
        return (
            f"s3:TestEvent for bucket {test.bucket!r} at {test.time:%Y-%m-%d %H:%M:%S} (no records)"
        )
    if not event.records:
        return "no records"
    rows: list[tuple[str, ...]] = [_COLUMNS]
    for index, record in enumerate(event.records):
        delivery: str = record.origin.service
        if record.origin.message_id:
            delivery = f"{delivery} {record.origin.message_id[:8]}"
        rows.append(
            (
                str(index),
                _shown(delivery),
                _shown(str(record.event_name)),
                _shown(record.bucket_name),
                _shown(record.key),
                "-" if record.size is None else str(record.size),
                _shown(record.version_id or "-"),
                f"{record.event_time:%Y-%m-%d %H:%M:%S}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def _shown(text: str) -> str:
    """Text from an event as a terminal may show it: escaped when not printable.

    >>> _shown("photos")
    'photos'
    >>> _shown("\\x1b[31mred")
    '\\\\x1b[31mred'
    """
    return text if text.isprintable() else repr(text)[1:-1]


def _records_json(event: S3Event) -> str:
    records = [
        {
            "delivery": record.origin.service,
            "message_id": record.origin.message_id,
            "event_name": str(record.event_name),
            "event_version": str(record.event_version),
            "event_time": record.event_time.isoformat(),
            "region": record.region,
            "bucket": record.bucket_name,
            "key": record.key,
            "raw_key": record.raw_key,
            "size": record.size,
            "etag": record.etag,
            "version_id": record.version_id,
            "sequencer": None if record.sequencer is None else str(record.sequencer),
        }
        for record in event.records
    ]
    kind = "test-event" if event.is_test_event else "notification"
    # json escapes C0 controls itself; C1 controls (U+007F-U+009F, e.g. CSI) it
    # leaves raw, and some terminals act on them: run() escapes them.
    return json.dumps(
        {"kind": kind, "is_test_event": event.is_test_event, "records": records},
        indent=2,
        ensure_ascii=False,
    )


def run(args: argparse.Namespace) -> int:
    """Parse and print; returns the exit code (1 for a bad event, 2 for a bad file)."""
    try:
        data = read_event_bytes(args.file, args.max_bytes)
    except EventTooLarge as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"error: cannot read {args.file}: {err.strerror or err}", file=sys.stderr)
        return 2
    source = "standard input" if args.file == "-" else args.file
    job = parse_jobs.job_kind(data)
    what = "a valid S3 event" if job is None else f"a valid {job[0].value} invocation"
    try:
        if job is not None:  # a Batch Operations job, an Object Lambda request
            shown = parse_jobs.show_job(*job, as_json=args.json, shown=_shown)
        else:
            event = parse_event(data)
            shown = _records_json(event) if args.json else f"{_kind(event)}\n{format_table(event)}"
    except S3EventError as err:
        print(f"error: {source} is not {what}", file=sys.stderr)
        print(str(err), file=sys.stderr)
        if err.path:
            print(f"where: {err.path}", file=sys.stderr)
        if err.looks_like:
            print(f"looks like: {err.looks_like}", file=sys.stderr)
        return 1
    print(_C1_CONTROLS.sub(lambda match: f"\\u{ord(match[0]):04x}", shown) if args.json else shown)
    return 0


def _kind(event: S3Event) -> str:
    if event.is_test_event:
        return "kind: s3:TestEvent (S3 checking a new notification configuration)"
    count = len(event.records)
    return f"kind: S3 event notification, {count} record{'s' if count != 1 else ''}"
