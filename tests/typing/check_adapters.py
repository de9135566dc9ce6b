"""Type checks of the adapters (mypy --strict only; never run by pytest).

Each ``# type: ignore[code]`` marks misuse mypy must reject; with
``warn_unused_ignores`` a check that stops failing fails the type check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.data_classes import S3Event as S3EventDataClass
from aws_lambda_powertools.utilities.data_classes import SQSEvent
from aws_lambda_powertools.utilities.data_classes.s3_event import S3EventBridgeNotificationEvent
from aws_lambda_powertools.utilities.parser import event_parser
from aws_lambda_powertools.utilities.typing import LambdaContext as PowertoolsContext
from chalice.app import Blueprint, Chalice
from chalice.local import LambdaContext as ChaliceLocalContext
from typing_extensions import assert_type

from s3types import S3Event, S3EventRecord, parse_event
from s3types.testing import LocalLambdaContext, make_event, via_sqs
from s3types.triggers import Trigger
from s3types_chalice import ChaliceS3Handler, on_s3_change
from s3types_lambda import (
    BatchItemFailureDict,
    LambdaContext,
    S3RecordHandler,
    SqsBatchResponseDict,
    s3_handler,
    s3_record_handler,
)
from s3types_powertools import from_data_class, s3_event_source, to_data_class

# --- LambdaContext: every implementation satisfies the Protocol ---------------


@dataclass
class FakeContext:
    function_name: str = "f"
    function_version: str = "$LATEST"
    invoked_function_arn: str = "arn:aws:lambda:us-east-1:123456789012:function:f"
    memory_limit_in_mb: int = 128
    aws_request_id: str = "id"
    log_group_name: str = "/aws/lambda/f"
    log_stream_name: str = "stream"

    def get_remaining_time_in_millis(self) -> int:
        return 1000


@dataclass
class NotAContext:
    function_name: str = "f"


fake: LambdaContext = FakeContext()
powertools_context: LambdaContext = PowertoolsContext()
local_context: LambdaContext = LocalLambdaContext()
chalice_context: LambdaContext = ChaliceLocalContext("f", memory_size=128)
not_a_context: LambdaContext = NotAContext()  # type: ignore[assignment]


def _protocol_member_types(context: LambdaContext) -> None:
    # Through a parameter: pyright narrows a variable to the class assigned to it.
    assert_type(context.get_remaining_time_in_millis(), float)
    assert_type(context.memory_limit_in_mb, int | str)


_protocol_member_types(fake)

wire = make_event(bucket="b", key="k")

# --- s3_handler ----------------------------------------------------------------


@s3_handler
def keys(event: S3Event, context: LambdaContext) -> list[str]:
    return [record.key for record in event.records]


assert_type(keys, Callable[[Mapping[str, Any], LambdaContext], list[str]])
assert_type(keys(wire, fake), list[str])
keys("not an event", fake)  # type: ignore[arg-type]
keys(wire)  # type: ignore[call-arg]


@s3_handler
def with_powertools_context(event: S3Event, context: PowertoolsContext) -> int:
    return len(event.records)


# The handler keeps the context type its function declares.
assert_type(with_powertools_context, Callable[[Mapping[str, Any], PowertoolsContext], int])
with_powertools_context(wire, fake)  # type: ignore[arg-type]


def raw_dict_handler(event: dict[str, Any], context: LambdaContext) -> None:
    pass


def record_taking_handler(event: S3EventRecord, context: LambdaContext) -> None:
    pass


def int_context_handler(event: S3Event, context: int) -> None:
    pass


def no_context_handler(event: S3Event) -> None:
    pass


s3_handler(raw_dict_handler)  # type: ignore[arg-type]
s3_handler(record_taking_handler)  # type: ignore[arg-type]
s3_handler(int_context_handler)  # type: ignore[type-var]
s3_handler(no_context_handler)  # type: ignore[arg-type]

# --- s3_record_handler ---------------------------------------------------------


@s3_record_handler(events=["s3:ObjectCreated:*"], prefix="photos/", suffix=".jpg")
def thumbnail(record: S3EventRecord, context: LambdaContext) -> None:
    pass


assert_type(thumbnail, S3RecordHandler[LambdaContext])
as_plain_handler: Callable[[Mapping[str, Any], LambdaContext], SqsBatchResponseDict | None] = (
    thumbnail
)
assert_type(thumbnail.s3_triggers, tuple[Trigger, ...])
assert_type(thumbnail.s3_writes_to, tuple[str, ...])
response = thumbnail(via_sqs(wire), fake)
assert_type(response, SqsBatchResponseDict | None)  # None for deliveries other than SQS
assert response is not None
assert_type(response["batchItemFailures"], list[BatchItemFailureDict])
assert_type(response["batchItemFailures"][0]["itemIdentifier"], str)


def event_taking_record_handler(record: S3Event, context: LambdaContext) -> None:
    pass


def returning_record_handler(record: S3EventRecord, context: LambdaContext) -> int:
    return 1


def int_context_record_handler(record: S3EventRecord, context: int) -> None:
    pass


s3_record_handler()(event_taking_record_handler)  # type: ignore[arg-type]
s3_record_handler()(returning_record_handler)  # type: ignore[arg-type]
s3_record_handler()(int_context_record_handler)  # type: ignore[type-var]
s3_record_handler(prefix=1)  # type: ignore[call-overload]
s3_record_handler(bucket=1)  # type: ignore[call-overload]
s3_record_handler(events=[1])  # type: ignore[list-item]

# --- s3types_chalice ------------------------------------------------------------

app = Chalice(app_name="photos")
blueprint = Blueprint(__name__)


@on_s3_change(app, "photos", events=["s3:ObjectCreated:*"], suffix=".jpg")
def index(event: S3Event) -> list[str]:
    return [record.key for record in event.records]


@on_s3_change(blueprint, "photos")
def count(event: S3Event) -> int:
    return len(event.records)


assert_type(index, ChaliceS3Handler[list[str]])
assert_type(index(wire, chalice_context), list[str])
assert_type(count, ChaliceS3Handler[int])
assert_type(index.s3_triggers, tuple[Trigger, ...])
on_s3_change(app, "photos")(raw_dict_handler)  # type: ignore[arg-type]
on_s3_change(app, "photos")(keys)  # type: ignore[arg-type]
on_s3_change("photos", "photos")  # type: ignore[call-overload]
on_s3_change(app, "photos", "s3:ObjectCreated:*")  # type: ignore[call-overload]

# --- s3types_powertools ---------------------------------------------------------

assert_type(from_data_class(S3EventDataClass(dict(wire))), S3Event)
assert_type(from_data_class(S3EventBridgeNotificationEvent({})), S3Event)
assert_type(to_data_class(parse_event(wire)), S3EventDataClass)
from_data_class(SQSEvent({}))  # type: ignore[arg-type]
from_data_class(dict(wire))  # type: ignore[arg-type]


@s3_event_source
def sourced(event: S3Event, context: PowertoolsContext) -> list[str]:
    return [record.key for record in event.records]


@s3_event_source()
def sourced_with_parentheses(event: S3Event, context: LambdaContext) -> int:
    return len(event.records)


assert_type(sourced, Callable[[Mapping[str, Any], PowertoolsContext], list[str]])
assert_type(sourced_with_parentheses, Callable[[Mapping[str, Any], LambdaContext], int])
s3_event_source(raw_dict_handler)  # type: ignore[arg-type]
s3_event_source(record_taking_handler)  # type: ignore[arg-type]

# Stacked under Powertools' Logger, the types survive.
logger = Logger(service="photos")


@logger.inject_lambda_context
@s3_event_source
def logged(event: S3Event, context: PowertoolsContext) -> int:
    return len(event.records)


assert_type(logged, Callable[[Mapping[str, Any], PowertoolsContext], int])


# S3Event is a typed Powertools Parser model.
@event_parser(model=S3Event)
def parsed(event: S3Event, context: PowertoolsContext) -> int:
    return len(event.records)


assert_type(parsed(dict(wire), PowertoolsContext()), int)


@event_parser(model=S3Event)  # type: ignore[arg-type]
def parsed_as_record(event: S3EventRecord, context: PowertoolsContext) -> None:
    pass
