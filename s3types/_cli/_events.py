"""The event ``s3types invoke`` hands to a handler: made from options, or read and wrapped."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from typing import Any, cast

from s3types._cli import event_jobs
from s3types._cli._names import UnknownEventName, choose_event_name
from s3types._cli._read import EventTooLarge, read_event_bytes
from s3types._errors import S3EventError
from s3types._parse import parse_event, parse_sqs_message
from s3types._problems import clip
from s3types.testing import make_event, test_event, via_eventbridge, via_sns, via_sqs

__all__ = ["EventProblem", "invocation_event"]


class EventProblem(Exception):
    """Why no event can be handed to the handler: printed without a traceback."""


def invocation_event(args: argparse.Namespace) -> object:
    """The event for the handler, as Lambda would pass it.

    A made or read event must be an S3 event, with one exception Lambda
    itself makes: an SQS batch goes to the handler whole even when some of
    its messages are not S3 notifications (that is how a partial batch
    failure can be tried); the bad messages are named on stderr.
    """
    event = _made_event(args) if args.event is None else _read_event(args.event, args.max_bytes)
    if args.via is not None:
        event = _wrap(event, args.via, args.event)
    kind = event_jobs.invocation_kind(event)  # a Batch Operations job, an Object Lambda request
    if kind is not None:
        try:
            event_jobs.check_invocation(event, kind)  # type: ignore[arg-type]
        except S3EventError as err:
            raise EventProblem(f"the event is not a valid {kind.value} invocation: {err}") from None
        return event
    try:
        parse_event(event)  # type: ignore[arg-type]
    except S3EventError as err:
        bad = _bad_sqs_messages(event)
        if bad is None:
            raise EventProblem(f"the event is not a valid S3 event: {err}") from None
        for index, message_id, problem in bad:
            print(
                f"s3types invoke: note: Records[{index}] (message {message_id}) is not an S3"
                f" notification ({problem}); the batch goes to the handler whole, as Lambda"
                " sends it",
                file=sys.stderr,
            )
    return event


def _mapping(value: object) -> Mapping[str, object] | None:
    return cast("Mapping[str, object]", value) if isinstance(value, Mapping) else None


def _records(event: object) -> list[object] | None:
    mapping = _mapping(event)
    records = None if mapping is None else mapping.get("Records")
    return cast("list[object]", records) if isinstance(records, list) else None


def _bad_sqs_messages(event: object) -> list[tuple[int, str, str]] | None:
    """The messages of an SQS batch that fail to parse; None if this is no SQS batch."""
    messages = [_mapping(record) for record in _records(event) or ()]
    if not messages or not all(
        m is not None and m.get("eventSource") == "aws:sqs" for m in messages
    ):
        return None
    bad: list[tuple[int, str, str]] = []
    for index, message in enumerate(messages):
        try:
            parse_sqs_message(message, index)  # its errors name Records[index], not Records[0]
        except S3EventError as err:
            lines = str(err).splitlines() or [type(err).__name__]
            # "not a valid ... (2 problems):" says little alone: add the first problem.
            problem = " ".join(line.strip() for line in lines[:2])
            message_id = (message or {}).get("messageId", "?")
            bad.append((index, str(message_id), clip(problem, 200)))
    return bad


def _made_event(args: argparse.Namespace) -> object:
    if args.name.lower() == event_jobs.JobKind.BATCH.value:  # a one-task job; see event_jobs.py
        return event_jobs.one_task_job(args.bucket, args.key)
    try:
        name = choose_event_name(args.name)
    except UnknownEventName as err:
        raise EventProblem(f"--name: {err}") from None
    if name is None:
        return test_event(args.bucket)
    if args.size is not None and args.size < 0:
        raise EventProblem(f"--size {args.size} is negative: give the object size in bytes")
    removal = name.category in ("ObjectRemoved", "LifecycleExpiration")
    size = args.size if args.size is not None or removal else 1024
    return make_event(name, bucket=args.bucket, key=args.key, size=size, region=args.region)


def _read_event(source: str, max_bytes: int) -> object:
    where = "standard input" if source == "-" else source
    try:
        data = read_event_bytes(source, max_bytes)
    except EventTooLarge as err:
        raise EventProblem(str(err)) from None
    except OSError as err:
        raise EventProblem(f"cannot read the event from {where}: {err.strerror or err}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise EventProblem(f"the event in {where} is not UTF-8 text: {err}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise EventProblem(f"the event in {where} is not valid JSON: {err}") from None
    except RecursionError:
        raise EventProblem(f"the event in {where} is nested too deep to read") from None


def _wrap(event: object, via: str, source: str | None) -> object:
    where = "standard input" if source == "-" else (source or "the made event")
    mapping = _mapping(event)
    records = _records(event)
    if mapping is None or (records is None and mapping.get("Event") != "s3:TestEvent"):
        raise EventProblem(
            f"--via {via} wraps a direct S3 notification ({{'Records': [...]}}),"
            f" but {where} holds something else: pass the notification itself"
        )
    sources = [(_mapping(r) or {}).get("eventSource") for r in records or ()]
    if any(source in ("aws:sqs", "aws:sns") for source in sources):
        raise EventProblem(f"{where} is already an SQS or SNS delivery: drop --via {via}")
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
        raise EventProblem(f"cannot wrap {where} for --via {via}: {err}") from None
