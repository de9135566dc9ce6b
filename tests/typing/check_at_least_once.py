"""mypy-only checks of the at-least-once tools: their types, and misuse mypy must reject.

Never run. Each expected error is a ``# type: ignore[code]`` on its line; with
``warn_unused_ignores`` a misuse that stops being caught fails the check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from typing_extensions import assert_type

from s3types import S3EventRecord, dedupe, latest_per_key
from s3types.ops import ObjectContent, get_current_object
from s3types_lambda import LambdaContext, s3_record_handler
from s3types_powertools import idempotent_record

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.idempotency import BasePersistenceLayer
    from mypy_boto3_s3 import S3Client


def core(record: S3EventRecord, records: tuple[S3EventRecord, ...]) -> None:
    assert_type(record.idempotency_key, str)
    assert_type(latest_per_key(records), list[S3EventRecord])
    assert_type(dedupe(iter(records)), list[S3EventRecord])
    latest_per_key(record)  # type: ignore[arg-type]
    dedupe([{"Records": []}])  # type: ignore[list-item]


def current(client: S3Client, record: S3EventRecord) -> None:
    assert_type(get_current_object(client, record), ObjectContent | None)
    get_current_object(client, "bucket", "key")  # type: ignore[arg-type, call-arg]
    _ = get_current_object(client, record).body  # type: ignore[union-attr]


def handler_option() -> None:
    s3_record_handler(latest_only=True)
    s3_record_handler(latest_only="yes")  # type: ignore[call-overload]


def idempotency(
    persistence: BasePersistenceLayer, record: S3EventRecord, context: LambdaContext
) -> None:
    @idempotent_record(persistence_store=persistence)
    def thumbnail(record: S3EventRecord, context: LambdaContext) -> dict[str, str]:
        return {"key": record.key}

    assert_type(thumbnail(record, context), dict[str, str])
    assert_type(thumbnail(record, context=context), dict[str, str])
    thumbnail(record)  # type: ignore[call-arg]
    thumbnail("not a record", context)  # type: ignore[arg-type]

    @idempotent_record(persistence_store=persistence)  # type: ignore[arg-type]
    def not_about_a_record(key: str) -> None: ...
