"""Typing of what users copy: TypedDict events into the decorators, contexts, Chalice, boto3.

Checked by mypy --strict and pyright strict (never collected by pytest).
"""

from __future__ import annotations

from typing import Any

import boto3
from aws_lambda_powertools.utilities.typing import LambdaContext as PowertoolsContext
from chalice import Blueprint, Chalice
from mypy_boto3_s3 import S3Client
from typing_extensions import assert_type

from s3types import S3Event, S3EventRecord
from s3types.testing import LocalLambdaContext, S3EventFactory, make_event, via_sqs
from s3types_chalice import generate_s3_event, on_s3_change
from s3types_lambda import LambdaContext, SqsBatchResponseDict, s3_handler, s3_record_handler
from s3types_powertools import powertools_context, s3_event_source


@s3_event_source
def whole(event: S3Event, context: LambdaContext) -> int:
    return len(event.records)


@s3_handler
def plain(event: S3Event, context: LambdaContext) -> int:
    return len(event.records)


@s3_record_handler()
def each(record: S3EventRecord, context: LambdaContext) -> None:
    return None


def typed_dict_events_are_accepted_by_every_decorator(context: LocalLambdaContext) -> None:
    event = make_event(bucket="b", key="k")  # an S3EventDict, not a dict[str, Any]
    assert_type(whole(event, context), int)
    assert_type(plain(event, context), int)
    assert_type(each(via_sqs(event), context), SqsBatchResponseDict | None)


def powertools_typed_handler(event: dict[str, Any], context: PowertoolsContext) -> str:
    return context.function_name


def a_local_context_where_powertools_context_is_expected() -> None:
    local = LocalLambdaContext(function_name="f")
    assert_type(powertools_typed_handler({}, powertools_context(local)), str)
    # Powertools' LambdaContext is a class, not a Protocol: the local one itself is refused.
    powertools_typed_handler({}, local)  # type: ignore[arg-type]


app = Chalice(app_name="typed")
blueprint = Blueprint(__name__)


@on_s3_change(app, "photos")
def on_photo(event: S3Event) -> list[str]:
    return [record.key for record in event.records]


def chalice_events_are_typed() -> None:
    assert_type(generate_s3_event("photos", "a+b.jpg"), dict[str, Any])


def the_fixture_type_is_public(s3_event: S3EventFactory) -> None:
    assert_type(s3_event(key="k", via="sqs"), dict[str, Any])


def boto3_client_typed_by_the_stubs() -> S3Client:
    # boto3-stubs overloads boto3.client for every AWS service; the overloads of
    # services whose mypy_boto3_* package is not installed return Unknown, so
    # pyright strict calls the member "partially unknown" (mypy does not). The
    # exact pattern for pyright strict: annotate, and ignore that one rule.
    client: S3Client = boto3.client("s3")  # pyright: ignore[reportUnknownMemberType]
    return client
