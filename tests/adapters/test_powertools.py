"""The Powertools adapter, with Powertools' real decorators, parser and data classes."""

from __future__ import annotations

import doctest
import importlib
import io
import json
import subprocess
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.batch import (
    BatchProcessor,
    EventType,
    process_partial_response,
)
from aws_lambda_powertools.utilities.data_classes import S3Event as S3EventDataClass
from aws_lambda_powertools.utilities.data_classes import SQSEvent, event_source
from aws_lambda_powertools.utilities.data_classes.s3_event import S3EventBridgeNotificationEvent
from aws_lambda_powertools.utilities.parser import envelopes, event_parser, parse
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import ValidationError

from s3types import S3Event, S3EventRecord, parse_event
from s3types.testing import make_event, test_event, via_eventbridge, via_sns, via_sqs
from s3types_lambda import s3_record_handler
from s3types_powertools import from_data_class, s3_event_source, to_data_class

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

HARD_KEY = "photos/red flower+1 100%/café.jpg"


class FakeContext(LambdaContext):
    """Powertools' own context type (its decorators are typed with it), filled in for tests."""

    _function_name = "thumbnails"
    _function_version = "$LATEST"
    _invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:thumbnails"
    _memory_limit_in_mb = 128
    _aws_request_id = "52fdfc07-2182-154f-163f-5f0f9a621d72"
    _log_group_name = "/aws/lambda/thumbnails"
    _log_stream_name = "2026/01/01/[$LATEST]0123456789abcdef"


@pytest.fixture
def lambda_context() -> LambdaContext:
    """Powertools' LambdaContext (which also satisfies s3types_lambda.LambdaContext)."""
    return FakeContext()


def dump(event: S3Event) -> dict[str, Any]:
    return event.model_dump(mode="json")


# --- data classes ------------------------------------------------------------


def test_from_data_class_inside_powertools_event_source(lambda_context: LambdaContext) -> None:
    @event_source(data_class=S3EventDataClass)
    def handler(event: S3EventDataClass, context: LambdaContext) -> list[str]:
        return [record.key for record in from_data_class(event).records]

    raw = make_event(bucket="photos", key=HARD_KEY)
    raw["Records"].append(make_event(bucket="photos", key="second one.jpg")["Records"][0])
    assert handler(dict(raw), lambda_context) == [HARD_KEY, "second one.jpg"]


def test_from_data_class_reads_eventbridge_notifications(lambda_context: LambdaContext) -> None:
    @event_source(data_class=S3EventBridgeNotificationEvent)
    def handler(event: S3EventBridgeNotificationEvent, context: LambdaContext) -> S3Event:
        return from_data_class(event)

    raw = via_eventbridge(make_event("ObjectCreated:Copy", bucket="photos", key=HARD_KEY))
    event = handler(dict(raw), lambda_context)
    (record,) = event.records
    assert (record.key, record.event_name, record.origin.service) == (
        HARD_KEY,
        "ObjectCreated:Copy",
        "eventbridge",
    )


def test_from_data_class_refuses_other_data_classes() -> None:
    sqs = SQSEvent(dict(via_sqs(make_event(bucket="b", key="k"))))
    with pytest.raises(TypeError, match=r"got SQSEvent; .*parse_event\(data_class\.raw_event\)"):
        from_data_class(sqs)  # type: ignore[arg-type]


def test_data_class_round_trip_on_every_real_event(real_event: dict[str, Any]) -> None:
    event = parse_event(real_event)
    data_class = to_data_class(event)
    assert isinstance(data_class, S3EventDataClass)
    records = list(data_class.records)
    # Keys go back on the wire encoded (Powertools' S3Object.key is the wire key);
    # Powertools' own decoding (object_key, first record only) agrees with ours.
    assert [r.s3.get_object.key for r in records] == [r.raw_key for r in event.records]
    if records:
        assert data_class.object_key == event.records[0].key
    assert [r.event_name for r in records] == [str(r.event_name) for r in event.records]
    assert dump(from_data_class(data_class)) == dump(event)


def test_data_class_of_the_wire_event_reads_like_the_wire_event(real_event: dict[str, Any]) -> None:
    event = parse_event(real_event)
    if real_event.get("source") == "aws.s3":
        assert dump(from_data_class(S3EventBridgeNotificationEvent(real_event))) == dump(event)
    elif all(record.origin.service == "s3" for record in event.records) and event.records:
        assert dump(from_data_class(S3EventDataClass(real_event))) == dump(event)
    else:
        # Deliveries Powertools has no S3 data class for (SQS, SNS, the test event).
        assert real_event.get("Records") is not None or event.is_test_event


def test_to_data_class_of_the_test_event_has_no_records() -> None:
    message = test_event("photos")
    data_class = to_data_class(parse_event(message))
    assert data_class.raw_event == {"Records": [], **message}
    assert list(data_class.records) == []
    # The round trip keeps it a test event (it used to come back as {"Records": []}).
    assert from_data_class(data_class).is_test_event


# --- the parser --------------------------------------------------------------


def test_s3_event_is_a_parser_model(lambda_context: LambdaContext) -> None:
    @event_parser(model=S3Event)
    def handler(event: S3Event, context: LambdaContext) -> list[str]:
        return [record.key for record in event.records]

    raw = make_event(bucket="photos", key=HARD_KEY)
    assert handler(dict(raw), lambda_context) == [HARD_KEY]
    assert handler(json.dumps(raw), lambda_context) == [HARD_KEY]


def test_s3_event_parses_through_the_sqs_envelope(lambda_context: LambdaContext) -> None:
    @event_parser(model=S3Event, envelope=envelopes.SqsEnvelope)
    def handler(events: list[S3Event], context: LambdaContext) -> list[list[str]]:
        return [[record.key for record in event.records] for event in events]

    batch = via_sqs(make_event(bucket="b", key=HARD_KEY), make_event(bucket="b", key="x y.png"))
    assert handler(dict(batch), lambda_context) == [[HARD_KEY], ["x y.png"]]


@pytest.mark.parametrize(
    ("envelope", "wrap"),
    [
        (envelopes.SqsEnvelope, via_sqs),
        (envelopes.SnsEnvelope, via_sns),
        (envelopes.SnsSqsEnvelope, lambda e: via_sqs(e, through_sns=True)),
    ],
    ids=["sqs", "sns", "sns-in-sqs"],
)
def test_parse_with_envelopes_gives_the_same_records(envelope: Any, wrap: Any) -> None:
    raw = make_event(bucket="photos", key=HARD_KEY, size=5)
    parsed = parse(event=dict(wrap(raw)), model=S3Event, envelope=envelope)
    assert isinstance(parsed, list)
    assert [dump(event) for event in parsed if isinstance(event, S3Event)] == [
        dump(parse_event(raw))
    ]


def test_parser_envelopes_cannot_read_what_parse_event_reads() -> None:
    # Powertools' EventBridge envelope hands over only the "detail", which is
    # no notification; parse_event (or @s3_event_source) reads the event.
    eventbridge = via_eventbridge(make_event(bucket="b", key="k"))
    with pytest.raises(ValidationError, match="Records"):
        parse(event=dict(eventbridge), model=S3Event, envelope=envelopes.EventBridgeEnvelope)
    assert parse_event(eventbridge).records[0].key == "k"


# --- @s3_event_source -------------------------------------------------------


@pytest.mark.parametrize(
    "delivery",
    [lambda e: e, via_sqs, via_sns, via_eventbridge],
    ids=["direct", "sqs", "sns", "eventbridge"],
)
def test_s3_event_source_hands_over_the_typed_event(
    delivery: Any, lambda_context: LambdaContext
) -> None:
    @s3_event_source
    def handler(event: S3Event, context: LambdaContext) -> list[str]:
        return [record.key for record in event.records]

    assert handler(dict(delivery(make_event(bucket="b", key=HARD_KEY))), lambda_context) == [
        HARD_KEY
    ]
    assert handler.__name__ == "handler"


def test_s3_event_source_with_parentheses(lambda_context: LambdaContext) -> None:
    @s3_event_source()
    def handler(event: S3Event, context: LambdaContext) -> bool:
        return event.is_test_event

    assert handler(dict(test_event("b")), lambda_context) is True


def test_s3_event_source_stacks_with_the_logger(
    lambda_context: LambdaContext,
) -> None:
    output = io.StringIO()
    logger = Logger(service="thumbnails-event-source", stream=output)

    @logger.inject_lambda_context
    @s3_event_source
    def handler(event: S3Event, context: LambdaContext) -> int:
        for record in event.records:
            logger.info("thumbnail planned", s3_key=record.key)
        return len(event.records)

    assert handler(dict(make_event(bucket="b", key=HARD_KEY)), lambda_context) == 1
    line = json.loads(output.getvalue().splitlines()[-1])
    assert line["message"] == "thumbnail planned"
    assert line["s3_key"] == HARD_KEY
    assert line["function_name"] == lambda_context.function_name
    assert line["function_request_id"] == lambda_context.aws_request_id


def test_record_handler_stacks_with_the_logger(
    lambda_context: LambdaContext,
) -> None:
    output = io.StringIO()
    logger = Logger(service="thumbnails-record-handler", stream=output)

    @logger.inject_lambda_context(log_event=False)
    @s3_record_handler(suffix=".jpg")
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        logger.info("one record", s3_key=record.key)

    batch = via_sqs(make_event(bucket="b", key="a.jpg"), make_event(bucket="b", key="b.png"))
    assert handler(dict(batch), lambda_context) == {"batchItemFailures": []}
    lines = [json.loads(line) for line in output.getvalue().splitlines()]
    assert [(line["s3_key"], line["function_name"]) for line in lines] == [
        ("a.jpg", lambda_context.function_name)
    ]


def test_partial_batch_response_matches_powertools_batch_processor(
    lambda_context: LambdaContext,
) -> None:
    batch = via_sqs(
        make_event(bucket="b", key="ok.jpg"),
        make_event(bucket="b", key="bad.jpg"),
        make_event(bucket="b", key="also ok.jpg"),
    )

    def powertools_record_handler(record: SQSRecord) -> None:
        if parse_event({"Records": [record.raw_event]}).records[0].key == "bad.jpg":
            raise ValueError("bad.jpg")

    @s3_record_handler()
    def ours(record: S3EventRecord, context: LambdaContext) -> None:
        if record.key == "bad.jpg":
            raise ValueError("bad.jpg")

    expected = process_partial_response(
        event=dict(batch),
        record_handler=powertools_record_handler,
        processor=BatchProcessor(event_type=EventType.SQS),
        context=lambda_context,
    )
    assert ours(batch, lambda_context) == expected
    assert expected == {"batchItemFailures": [{"itemIdentifier": batch["Records"][1]["messageId"]}]}


def test_import_without_powertools_names_the_extra() -> None:
    blocked = "import sys; sys.modules['aws_lambda_powertools'] = None; import s3types_powertools"
    result = subprocess.run(
        [sys.executable, "-c", blocked], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("ImportError: s3types_powertools needs Powertools for AWS Lambda")
    assert last_line.endswith("pip install 's3types[powertools]'")
    assert "The above exception was the direct cause" in result.stderr


@pytest.mark.parametrize("name", ["s3types_powertools", "s3types_powertools._data_classes"])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0


def test_s3_event_source_docstring_example() -> None:
    # Powertools' decorator factory wraps the function, so doctest.testmod
    # does not find its examples: run them directly.
    module = importlib.import_module("s3types_powertools._event_source")
    (test,) = doctest.DocTestFinder().find(s3_event_source, "s3_event_source", globs=vars(module))
    result = doctest.DocTestRunner().run(test)
    assert result.attempted > 0
    assert result.failed == 0


def test_event_parser_with_the_sqs_envelope_reads_the_s3_test_event(
    lambda_context: LambdaContext,
) -> None:
    """The README's Parser example on the first message S3 sends to a new queue."""

    @event_parser(model=S3Event, envelope=envelopes.SqsEnvelope)
    def handler(events: list[S3Event], context: LambdaContext) -> list[tuple[bool, int]]:
        return [(event.is_test_event, len(event.records)) for event in events]

    batch = via_sqs(test_event("photos"), make_event(bucket="photos", key="a b"))
    assert handler(dict(batch), lambda_context) == [(True, 0), (False, 1)]


def test_the_adapter_imports_where_boto3_is_not_installed() -> None:
    # Powertools' idempotency package imports boto3; the adapter must not need it
    # to import (Powertools without its aws-sdk extra, a function's local tests).
    program = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'boto3' or name.startswith('boto3.'):\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import s3types_powertools\n"
        "assert 'boto3' not in sys.modules\n"
        "print(s3types_powertools.idempotent_record.__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "idempotent_record"


def test_importing_the_adapter_loads_no_deployment_tools(
    modules_loaded_by: Callable[[str], set[str]], deployment_only: frozenset[str]
) -> None:
    # Cold start: the Object Lambda conversions must not bring urllib.request.
    loaded = modules_loaded_by("import s3types_powertools")
    assert loaded & deployment_only == set()


def test_the_batch_and_object_lambda_conversions_load_on_first_use(
    modules_loaded_by: Callable[[str], set[str]],
) -> None:
    later = {"s3types.batch", "s3types.object_lambda", "s3types_powertools._invocations"}
    assert modules_loaded_by("import s3types_powertools") & later == set()
    used = modules_loaded_by(
        "from s3types_powertools import batch_job_from_data_class, to_data_class"
    )
    assert later <= used
    import s3types_powertools

    convert = s3types_powertools.batch_job_to_data_class
    assert convert.__module__ == "s3types_powertools._invocations"
    with pytest.raises(AttributeError, match="batch_job_to_dataclass"):
        getattr(s3types_powertools, "batch_job_to_dataclass")  # noqa: B009
