"""``@idempotent_record``: Powertools' real DynamoDB persistence layer on moto's DynamoDB."""

from __future__ import annotations

import doctest
import uuid
from typing import TYPE_CHECKING, Any, cast

import boto3
import pytest
from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
)

import s3types_powertools
import s3types_powertools._idempotency
from s3types import S3EventRecord, parse_event
from s3types.testing import make_event, via_eventbridge, via_sqs
from s3types_lambda import s3_record_handler
from s3types_powertools import idempotent_record

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_dynamodb.type_defs import AttributeValueTypeDef

    from s3types import S3EventDict
    from s3types.testing import LocalLambdaContext
    from s3types.testing._server import LocalS3Server


class Boom(Exception):
    """What a function raises in these tests."""


@pytest.fixture
def dynamodb(s3_server: LocalS3Server) -> DynamoDBClient:
    """A DynamoDB client on the local server (the one moto server serves every service)."""
    # boto3-stubs names every service; those not installed leave the overloads Unknown.
    client: DynamoDBClient = boto3.client(  # pyright: ignore[reportUnknownMemberType]
        "dynamodb",
        endpoint_url=s3_server.endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    return client


@pytest.fixture
def persistence(dynamodb: DynamoDBClient) -> DynamoDBPersistenceLayer:
    """Powertools' DynamoDB layer on a new table, made the way Powertools' docs say."""
    table = f"idempotency-{uuid.uuid4().hex[:12]}"
    dynamodb.create_table(
        TableName=table,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    return DynamoDBPersistenceLayer(table_name=table, boto3_client=dynamodb)


def upload(key: str = "photos/red flower.jpg", sequencer: str = "0055AED6DC") -> S3EventDict:
    return make_event(bucket="photos", key=key, size=3, sequencer=sequencer)


def record_of(event: Any) -> S3EventRecord:
    return parse_event(event).records[0]


def stored_items(
    dynamodb: DynamoDBClient, persistence: DynamoDBPersistenceLayer
) -> list[dict[str, AttributeValueTypeDef]]:
    return dynamodb.scan(TableName=persistence.table_name).get("Items", [])


def test_a_record_delivered_twice_runs_once(
    persistence: DynamoDBPersistenceLayer, lambda_context: LocalLambdaContext
) -> None:
    runs: list[str] = []

    @s3_record_handler()
    @idempotent_record(persistence_store=persistence)
    def handle(record: S3EventRecord, context: LocalLambdaContext) -> None:
        runs.append(record.key)

    event = upload()
    # Twice in one batch, again in a later batch, and once through EventBridge.
    assert handle(via_sqs(event, event), lambda_context) == {"batchItemFailures": []}
    assert handle(via_sqs(event), lambda_context) == {"batchItemFailures": []}
    assert handle(via_sqs(via_eventbridge(event)), lambda_context) == {"batchItemFailures": []}

    assert runs == ["photos/red flower.jpg"]


def test_a_repeat_returns_the_first_runs_saved_result(
    persistence: DynamoDBPersistenceLayer,
    dynamodb: DynamoDBClient,
    lambda_context: LocalLambdaContext,
) -> None:
    runs: list[str] = []

    @idempotent_record(persistence_store=persistence)
    def thumbnail(record: S3EventRecord, context: LocalLambdaContext) -> dict[str, str]:
        runs.append(record.key)
        return {"thumbnail": f"thumbnails/{record.key}", "run": str(len(runs))}

    first = thumbnail(record_of(upload()), lambda_context)
    again = thumbnail(record_of(via_sqs(upload())), lambda_context)

    assert first == again == {"thumbnail": "thumbnails/photos/red flower.jpg", "run": "1"}
    assert runs == ["photos/red flower.jpg"]
    [item] = stored_items(dynamodb, persistence)
    assert item["status"] == {"S": "COMPLETED"}
    # Powertools' key: function name, module and qualified name of ours, then the hash.
    function, digest = item["id"].get("S", "").rsplit("#", 1)
    assert function.endswith(
        ".test_a_repeat_returns_the_first_runs_saved_result.<locals>.thumbnail"
    )
    assert len(digest) == 32


def test_another_notification_for_the_same_key_runs_again(
    persistence: DynamoDBPersistenceLayer, lambda_context: LocalLambdaContext
) -> None:
    runs: list[str] = []

    @idempotent_record(persistence_store=persistence)
    def handle(record: S3EventRecord, context: LocalLambdaContext) -> None:
        runs.append(str(record.sequencer))

    handle(record_of(upload(sequencer="0055AED6DC")), lambda_context)
    handle(record_of(upload(sequencer="0055AED6DD")), lambda_context)
    handle(record_of(upload(sequencer="0055aed6dc00")), lambda_context)  # the first, again

    assert runs == ["0055AED6DC", "0055AED6DD"]


def test_a_run_that_raised_is_not_remembered(
    persistence: DynamoDBPersistenceLayer, lambda_context: LocalLambdaContext
) -> None:
    runs: list[str] = []

    @s3_record_handler()
    @idempotent_record(persistence_store=persistence)
    def handle(record: S3EventRecord, context: LocalLambdaContext) -> None:
        runs.append(record.key)
        if len(runs) == 1:
            raise Boom(record.key)

    ok = upload(key="photos/other.jpg")
    batch = via_sqs(upload(), ok)
    response = handle(batch, lambda_context)
    assert response == {"batchItemFailures": [{"itemIdentifier": batch["Records"][0]["messageId"]}]}

    # SQS delivers the failed message again: it runs; the other is done already.
    assert handle(via_sqs(upload(), ok), lambda_context) == {"batchItemFailures": []}
    assert runs == ["photos/red flower.jpg", "photos/other.jpg", "photos/red flower.jpg"]


def test_two_functions_keep_their_own_keys(
    persistence: DynamoDBPersistenceLayer, lambda_context: LocalLambdaContext
) -> None:
    runs: list[str] = []

    @idempotent_record(persistence_store=persistence)
    def thumbnail(record: S3EventRecord, context: LocalLambdaContext) -> None:
        runs.append("thumbnail")

    @idempotent_record(persistence_store=persistence)
    def index(record: S3EventRecord, context: LocalLambdaContext) -> None:
        runs.append("index")

    record = record_of(upload())
    for function in (thumbnail, index, thumbnail, index):
        function(record, lambda_context)

    assert runs == ["thumbnail", "index"]


def test_the_lambda_context_is_registered_with_the_config(
    persistence: DynamoDBPersistenceLayer, lambda_context: LocalLambdaContext
) -> None:
    config = IdempotencyConfig(expires_after_seconds=60)

    @idempotent_record(persistence_store=persistence, config=config)
    def handle(record: S3EventRecord, context: LocalLambdaContext) -> None:
        assert config.lambda_context is cast("object", context)

    handle(record_of(upload()), lambda_context)
    assert config.lambda_context is cast("object", lambda_context)


def test_a_function_without_a_context_works_too(persistence: DynamoDBPersistenceLayer) -> None:
    runs: list[str] = []

    @idempotent_record(persistence_store=persistence)
    def handle(record: S3EventRecord) -> int:
        runs.append(record.key)
        return len(runs)

    # Powertools warns that without a context a run cut short blocks retries until it expires.
    with pytest.warns(UserWarning, match="register_lambda_context"):
        assert [handle(record_of(upload())) for _ in range(3)] == [1, 1, 1]


def test_it_is_exported() -> None:
    assert s3types_powertools.idempotent_record is idempotent_record
    assert "idempotent_record" in s3types_powertools.__all__


def test_docstring_example_parses() -> None:
    result = doctest.testmod(s3types_powertools._idempotency)
    assert result.attempted > 0
    assert result.failed == 0
