"""The readers compared: each parses one input and reads bucket, key, size, version id.

Every reader hands back ``(bucket, key, size, version_id)`` per record and is
checked against the expected values before it is timed, so all do the same
job. Readers that get the key as S3 sent it decode it with ``unquote_plus``
(the key *is* the decoded one); the bare model is the exception on purpose,
it is the floor that normalizes nothing (the Powertools parser is also shown
as it comes, key not decoded, for reference).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, cast
from urllib.parse import unquote_plus

import chalice.app
from aws_lambda_powertools.utilities.data_classes import S3Event as PowertoolsS3Event
from aws_lambda_powertools.utilities.data_classes import SQSEvent as PowertoolsSQSEvent
from aws_lambda_powertools.utilities.parser import envelopes, parse
from aws_lambda_powertools.utilities.parser.models import S3Model

from benchmarks.bench_bare import BareEvent
from benchmarks.bench_events import Scenario
from s3types import S3Event, parse_event

__all__ = ["Case", "Reads", "check", "direct_cases", "sqs_cases"]

Reads = list[tuple[str, str, float | None, str | None]]
Role = Literal["s3types", "peer", "floor"]

# Row labels, used by the report and the targets.
BY_HAND = "dict by hand + unquote_plus"
BARE = "bare nested pydantic model"
PT_DATA_CLASS = "Powertools data class + unquote_plus"
PT_PARSER = "Powertools parser S3Model + unquote_plus"
PT_PARSER_RAW = "Powertools parser S3Model (key not decoded)"
CHALICE = "Chalice S3Event (first record only)"
S3T_MODEL = "s3types S3Event.model_validate[_json]"
S3T_PARSE = "s3types parse_event"
PT_SQS = "Powertools parser S3Model + SqsEnvelope + unquote_plus"
PT_SQS_DATA_CLASS = "Powertools SQSEvent.decoded_nested_s3_event + unquote_plus"
S3T_PT_SQS = "s3types S3Event as Powertools model + SqsEnvelope"


@dataclass(frozen=True)
class Case:
    """One reader on one kind of input (a dict, or JSON text)."""

    reader: str
    source: Literal["dict", "JSON"]
    role: Role
    #: Parse the input; what memory is measured on.
    parse: Callable[[], object]
    #: Parse and read every record; what time is measured on.
    run: Callable[[], Reads]
    decodes_key: bool = True


def _by_hand(event: Any) -> Reads:
    return [
        (
            r["s3"]["bucket"]["name"],
            unquote_plus(r["s3"]["object"]["key"]),
            r["s3"]["object"].get("size"),
            r["s3"]["object"].get("versionId"),
        )
        for r in event["Records"]
    ]


def _bare(event: BareEvent) -> Reads:
    return [
        (r.s3.bucket.name, r.s3.object.key, r.s3.object.size, r.s3.object.versionId)
        for r in event.Records
    ]


def _powertools_model(event: S3Model) -> Reads:
    return [
        (
            r.s3.bucket.name,
            unquote_plus(r.s3.object.key),
            r.s3.object.size,
            r.s3.object.versionId,
        )
        for r in event.Records
        if r.s3.object is not None
    ]


def _powertools_model_raw(event: S3Model) -> Reads:
    return [
        (r.s3.bucket.name, r.s3.object.key, r.s3.object.size, r.s3.object.versionId)
        for r in event.Records
        if r.s3.object is not None
    ]


def _powertools_data_class(event: PowertoolsS3Event) -> Reads:
    reads: Reads = []
    for r in event.records:
        obj = r.s3.get_object
        reads.append((r.s3.bucket.name, unquote_plus(obj.key), obj.size, obj.version_id))
    return reads


def _chalice(event: chalice.app.S3Event) -> Reads:
    obj = event.to_dict()["Records"][0]["s3"]["object"]
    return [(event.bucket, event.key, obj.get("size"), obj.get("versionId"))]


def _s3types(event: S3Event) -> Reads:
    return [(r.bucket_name, r.key, r.size, r.version_id) for r in event.records]


def direct_cases(scenario: Scenario) -> list[Case]:
    """Every reader of a direct notification, on dict and on JSON input."""
    event, text = scenario.event, scenario.text
    cases = [
        Case(BY_HAND, "dict", "floor", lambda: event, lambda: _by_hand(event)),
        Case(
            BY_HAND, "JSON", "floor", lambda: json.loads(text), lambda: _by_hand(json.loads(text))
        ),
        Case(
            BARE,
            "dict",
            "floor",
            lambda: BareEvent.model_validate(event),
            lambda: _bare(BareEvent.model_validate(event)),
            decodes_key=False,
        ),
        Case(
            BARE,
            "JSON",
            "floor",
            lambda: BareEvent.model_validate_json(text),
            lambda: _bare(BareEvent.model_validate_json(text)),
            decodes_key=False,
        ),
        Case(
            PT_DATA_CLASS,
            "dict",
            "peer",
            lambda: PowertoolsS3Event(event),
            lambda: _powertools_data_class(PowertoolsS3Event(event)),
        ),
        Case(
            PT_PARSER,
            "dict",
            "peer",
            lambda: S3Model.model_validate(event),
            lambda: _powertools_model(S3Model.model_validate(event)),
        ),
        Case(
            PT_PARSER,
            "JSON",
            "peer",
            lambda: S3Model.model_validate_json(text),
            lambda: _powertools_model(S3Model.model_validate_json(text)),
        ),
        Case(
            PT_PARSER_RAW,
            "dict",
            "peer",
            lambda: S3Model.model_validate(event),
            lambda: _powertools_model_raw(S3Model.model_validate(event)),
            decodes_key=False,
        ),
        Case(
            PT_PARSER_RAW,
            "JSON",
            "peer",
            lambda: S3Model.model_validate_json(text),
            lambda: _powertools_model_raw(S3Model.model_validate_json(text)),
            decodes_key=False,
        ),
        Case(
            S3T_MODEL,
            "dict",
            "s3types",
            lambda: S3Event.model_validate(event),
            lambda: _s3types(S3Event.model_validate(event)),
        ),
        Case(
            S3T_MODEL,
            "JSON",
            "s3types",
            lambda: S3Event.model_validate_json(text),
            lambda: _s3types(S3Event.model_validate_json(text)),
        ),
        Case(
            S3T_PARSE,
            "dict",
            "s3types",
            lambda: parse_event(event),
            lambda: _s3types(parse_event(event)),
        ),
        Case(
            S3T_PARSE,
            "JSON",
            "s3types",
            lambda: parse_event(text),
            lambda: _s3types(parse_event(text)),
        ),
    ]
    if scenario.records == 1:
        # Chalice's S3Event carries the first record only: no 100-record row.
        cases.append(
            Case(
                CHALICE,
                "dict",
                "peer",
                lambda: chalice.app.S3Event(event, None),
                lambda: _chalice(chalice.app.S3Event(event, None)),
            )
        )
    return cases


def _sqs_by_hand(batch: Any) -> Reads:
    reads: Reads = []
    for message in batch["Records"]:
        reads.extend(_by_hand(json.loads(message["body"])))
    return reads


def _powertools_sqs(models: list[S3Model]) -> Reads:
    reads: Reads = []
    for model in models:
        reads.extend(_powertools_model(model))
    return reads


def _powertools_sqs_data_class(batch: PowertoolsSQSEvent) -> Reads:
    reads: Reads = []
    for message in batch.records:
        reads.extend(_powertools_data_class(message.decoded_nested_s3_event))
    return reads


def _s3types_events(events: list[S3Event]) -> Reads:
    reads: Reads = []
    for event in events:
        reads.extend(_s3types(event))
    return reads


# Powertools' parse() is typed as returning a union; with SqsEnvelope it is a list.
def _sqs_parser(batch: dict[str, Any]) -> list[S3Model]:
    return cast("list[S3Model]", parse(event=batch, model=S3Model, envelope=envelopes.SqsEnvelope))


def _sqs_s3types_model(batch: dict[str, Any]) -> list[S3Event]:
    return cast("list[S3Event]", parse(event=batch, model=S3Event, envelope=envelopes.SqsEnvelope))


def sqs_cases(scenario: Scenario) -> list[Case]:
    """Readers of an SQS batch whose bodies are S3 notifications (Lambda hands a dict)."""
    batch = scenario.event
    return [
        Case(BY_HAND, "dict", "floor", lambda: batch, lambda: _sqs_by_hand(batch)),
        Case(
            PT_SQS_DATA_CLASS,
            "dict",
            "peer",
            lambda: PowertoolsSQSEvent(batch),
            lambda: _powertools_sqs_data_class(PowertoolsSQSEvent(batch)),
        ),
        Case(
            PT_SQS,
            "dict",
            "peer",
            lambda: _sqs_parser(batch),
            lambda: _powertools_sqs(_sqs_parser(batch)),
        ),
        Case(
            S3T_PT_SQS,
            "dict",
            "s3types",
            lambda: _sqs_s3types_model(batch),
            lambda: _s3types_events(_sqs_s3types_model(batch)),
        ),
        Case(
            S3T_PARSE,
            "dict",
            "s3types",
            lambda: parse_event(batch),
            lambda: _s3types(parse_event(batch)),
        ),
    ]


def check(case: Case, scenario: Scenario) -> None:
    """Fail loudly if a reader does not return what the event holds."""
    expected = scenario.expected
    if not case.decodes_key:
        raw = json.loads(scenario.text)
        if "body" in raw["Records"][0]:
            raw = {"Records": [json.loads(m["body"])["Records"][0] for m in raw["Records"]]}
        wire_keys = [record["s3"]["object"]["key"] for record in raw["Records"]]
        expected = [(b, wire, s, v) for (b, _, s, v), wire in zip(expected, wire_keys, strict=True)]
    if case.reader == CHALICE:
        expected = expected[:1]
    got = [(b, k, None if s is None else int(s), v) for b, k, s, v in case.run()]
    if got != expected:
        raise AssertionError(
            f"{case.reader} ({case.source}) on {scenario.label} read {got[:2]}...,"
            f" expected {expected[:2]}..."
        )
