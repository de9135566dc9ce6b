"""The loop guard: inside a handler, typed writes refuse to land where its own trigger fires."""

from __future__ import annotations

import contextvars
from typing import TYPE_CHECKING

import pytest
from chalice.app import Chalice

from s3types import S3Event, S3EventRecord
from s3types.ops import copy_object, put_object
from s3types.testing import LocalLambdaContext, make_event, via_sqs
from s3types.triggers import Trigger, loop_risks
from s3types_chalice import on_s3_change
from s3types_lambda import LambdaContext, s3_record_handler

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

pytestmark = pytest.mark.server

CONTEXT = LocalLambdaContext(function_name="thumbnails")


def test_put_object_inside_the_handler_refuses_to_write_into_its_trigger(
    s3: S3Client, bucket: str
) -> None:
    outcomes: list[str] = []

    @s3_record_handler(bucket=bucket, prefix="in/", suffix=".jpg")
    def thumbnail(record: S3EventRecord, context: LambdaContext) -> None:
        put_object(s3, bucket, "thumbs/" + record.key, b"small")  # outside: fine
        put_object(s3, bucket, "in/again.png", b"small")  # suffix differs: fine
        try:
            put_object(s3, bucket, "in/again.jpg", b"small")
        except ValueError as err:
            outcomes.append(str(err))
        put_object(s3, bucket, "in/meant.jpg", b"small", allow_retrigger=True)

    event = make_event(bucket=bucket, key="in/a.jpg")
    assert thumbnail(via_sqs(event), CONTEXT) == {"batchItemFailures": []}
    (message,) = outcomes
    assert message.startswith(f"put_object() would write s3://{bucket}/in/again.jpg, where trigger")
    assert f"on s3://{bucket}/in/*.jpg" in message
    assert "allow_retrigger=True" in message
    keys = {o.get("Key") for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert keys == {"thumbs/in/a.jpg", "in/again.png", "in/meant.jpg"}


def test_copy_object_of_the_record_into_its_own_trigger_is_refused(
    s3: S3Client, bucket: str
) -> None:
    s3.put_object(Bucket=bucket, Key="in/a.jpg", Body=b"x")
    errors: list[str] = []

    @s3_record_handler(bucket=bucket, prefix="in/")
    def archive(record: S3EventRecord, context: LambdaContext) -> None:
        try:
            copy_object(s3, record, target_bucket=bucket, target_key="in/copy.jpg")
        except ValueError as err:
            errors.append(str(err))
        copy_object(s3, record, target_bucket=bucket, target_key="archive/a.jpg")
        copy_object(s3, bucket, record.key, bucket, target_key="in/b.jpg", allow_retrigger=True)

    archive(make_event(bucket=bucket, key="in/a.jpg"), CONTEXT)
    assert len(errors) == 1 and errors[0].startswith("copy_object() would write")
    keys = {o.get("Key") for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert keys == {"in/a.jpg", "archive/a.jpg", "in/b.jpg"}


def test_outside_a_handler_nothing_is_checked(s3: S3Client, bucket: str) -> None:
    @s3_record_handler(bucket=bucket)
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        pass

    handler(make_event(bucket=bucket, key="k"), CONTEXT)
    put_object(s3, bucket, "k", b"x")  # the handler's call has ended


def test_a_trigger_for_removals_does_not_block_writes(s3: S3Client, bucket: str) -> None:
    @s3_record_handler(bucket=bucket, events=["s3:ObjectRemoved:*"])
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        put_object(s3, bucket, "tombstones/" + record.key, b"")
        put_object(s3, bucket, record.key, b"restored")

    handler(make_event("ObjectRemoved:Delete", bucket=bucket, key="k"), CONTEXT)


def test_on_s3_change_guards_its_writes_too(s3: S3Client, bucket: str) -> None:
    app = Chalice(app_name="guarded")

    @on_s3_change(app, bucket, prefix="in/")
    def handler(event: S3Event) -> None:
        put_object(s3, bucket, "in/" + event.records[0].key, b"x")

    with pytest.raises(ValueError, match="would write"):
        handler(make_event(bucket=bucket, key="in/a"), None)  # type: ignore[arg-type]


def test_the_guard_is_per_context() -> None:
    @s3_record_handler(bucket="b")
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        pass

    # A fresh context sees no running handler, as a thread pool's tasks do.
    contextvars.Context().run(handler, make_event(bucket="b", key="k"), CONTEXT)


def test_loop_risks_reports_a_written_prefix_inside_a_trigger() -> None:
    triggers = [Trigger("b", prefix="images/", id="images")]
    assert loop_risks(triggers, ["thumbnails/"]) == []
    (risk,) = loop_risks(triggers, ["images/thumbnails/"])
    assert risk.startswith("trigger images (") and "s3://b/images/thumbnails/" in risk
    assert loop_risks(triggers, ["s3://other/images/"]) == []
    assert len(loop_risks([Trigger("b")], ["anything/"])) == 1
    assert loop_risks([Trigger("b", ["s3:ObjectRemoved:*"])], ["images/"]) == []
    assert len(loop_risks(triggers, ["image"])) == 1  # "image..." may write under images/
