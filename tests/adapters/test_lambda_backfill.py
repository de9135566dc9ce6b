"""One handler for live events and backfills: ``@s3_record_handler(..., backfill=True)``.

The same decorated function runs on a direct notification, an SQS delivery
(partial batch response), a schema 2.0 job with tasks its trigger matches
and tasks it does not (skipped tasks are Succeeded, saying why), and a
schema 1.0 job.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import pytest

from s3types import S3EventError, S3EventRecord
from s3types.batch import BatchResponseDict, BatchTask, TemporaryFailure
from s3types.testing import LocalLambdaContext, make_batch_job, make_event, via_sqs
from s3types_lambda import (
    LambdaContext,
    RecordOrTask,
    S3BackfillHandler,
    SqsBatchResponseDict,
    s3_record_handler,
)


def _handler(seen: list[tuple[str, str, str]]) -> S3BackfillHandler[LambdaContext]:
    @s3_record_handler(bucket="photos", prefix="uploads/", suffix=".jpg", backfill=True)
    def index(item: RecordOrTask, context: LambdaContext) -> str:
        kind = "task" if isinstance(item, BatchTask) else "record"
        seen.append((kind, item.bucket_name, item.key))
        if item.key.endswith("busy.jpg"):
            raise TemporaryFailure("the index is busy")
        if item.key.endswith("broken.jpg"):
            raise ValueError("not a JPEG")
        return f"indexed {item.key}"

    return index


def _job_response(response: SqsBatchResponseDict | BatchResponseDict | None) -> BatchResponseDict:
    assert response is not None
    assert "results" in response, response
    return cast("BatchResponseDict", response)


@pytest.fixture
def context() -> LocalLambdaContext:
    return LocalLambdaContext(function_name="index")


def test_a_direct_notification_runs_the_function_on_its_records(
    context: LocalLambdaContext,
) -> None:
    seen: list[tuple[str, str, str]] = []
    handler = _handler(seen)
    event = make_event(bucket="photos", key="uploads/red flower.jpg")
    assert handler(event, context) is None  # a partial batch response is SQS's alone
    assert seen == [("record", "photos", "uploads/red flower.jpg")]


def test_an_sqs_delivery_reports_the_failed_messages(context: LocalLambdaContext) -> None:
    seen: list[tuple[str, str, str]] = []
    handler = _handler(seen)
    good = via_sqs(make_event(bucket="photos", key="uploads/a+b.jpg"))
    bad = via_sqs(make_event(bucket="photos", key="uploads/broken.jpg"))
    batch = {"Records": good["Records"] + bad["Records"]}
    failed_id = bad["Records"][0]["messageId"]
    assert handler(batch, context) == {"batchItemFailures": [{"itemIdentifier": failed_id}]}
    assert [key for _, _, key in seen] == ["uploads/a+b.jpg", "uploads/broken.jpg"]


def test_a_2_0_job_runs_matching_tasks_and_reports_skipped_ones_succeeded(
    context: LocalLambdaContext,
) -> None:
    seen: list[tuple[str, str, str]] = []
    handler = _handler(seen)
    job = make_batch_job(
        objects=[
            ("photos", "uploads/ä b.jpg", "v1"),
            ("photos", "uploads/busy.jpg", None),
            ("photos", "uploads/broken.jpg", None),
            ("photos", "uploads/notes.txt", None),
            ("photos", "archive/old.jpg", None),
            ("other-bucket", "uploads/x.jpg", None),
        ],
        user_arguments={"label": "v2"},
    )
    response = _job_response(handler(job, context))
    assert response["invocationId"] == job["invocationId"]
    assert response["invocationSchemaVersion"] == "2.0"
    results = response["results"]
    assert [r["taskId"] for r in results] == [t["taskId"] for t in job["tasks"]]
    codes = [(r["resultCode"], r["resultString"]) for r in results]
    assert codes[0] == ("Succeeded", "indexed uploads/ä b.jpg")
    assert codes[1] == ("TemporaryFailure", "the index is busy")
    assert codes[2] == ("PermanentFailure", "ValueError: not a JPEG")
    assert codes[3] == (
        "Succeeded",
        "skipped: not for this function's trigger (key 'uploads/notes.txt' does not end"
        " with suffix '.jpg')",
    )
    assert codes[4][0] == "Succeeded"
    assert "does not start with prefix 'uploads/'" in codes[4][1]
    assert codes[5][0] == "Succeeded"
    assert "bucket 'other-bucket' is not 'photos'" in codes[5][1]
    assert seen == [
        ("task", "photos", "uploads/ä b.jpg"),
        ("task", "photos", "uploads/busy.jpg"),
        ("task", "photos", "uploads/broken.jpg"),
    ]


def test_a_1_0_job_names_the_bucket_by_arn_and_runs_the_same(
    context: LocalLambdaContext,
) -> None:
    seen: list[tuple[str, str, str]] = []
    handler = _handler(seen)
    job = make_batch_job(bucket="photos", keys=["uploads/c%d.jpg"], schema_version="1.0")
    response = _job_response(handler(job, context))
    assert response["invocationSchemaVersion"] == "1.0"
    assert response["results"] == [
        {
            "taskId": job["tasks"][0]["taskId"],
            "resultCode": "Succeeded",
            "resultString": "indexed uploads/c%d.jpg",
        }
    ]
    assert seen == [("task", "photos", "uploads/c%d.jpg")]


def test_a_task_counts_as_object_created_for_the_filter(context: LocalLambdaContext) -> None:
    seen: list[str] = []

    @s3_record_handler(events=["s3:ObjectRemoved:*"], backfill=True)
    def on_delete(item: RecordOrTask, context: LambdaContext) -> None:
        seen.append(item.key)

    response = _job_response(on_delete(make_batch_job(bucket="photos", keys=["a.jpg"]), context))
    (result,) = response["results"]
    assert result["resultCode"] == "Succeeded"
    assert "counts as s3:ObjectCreated:*" in result["resultString"]
    assert seen == []


def test_a_record_handler_without_backfill_refuses_a_job(context: LocalLambdaContext) -> None:
    seen: list[str] = []

    @s3_record_handler(prefix="uploads/")
    def live_only(record: S3EventRecord, context: LambdaContext) -> None:
        seen.append(record.key)

    with pytest.raises(S3EventError, match=r"backfill=True") as caught:
        live_only(make_batch_job(bucket="photos", keys=["uploads/a.jpg"]), context)
    assert caught.value.looks_like == "an S3 Batch Operations job"
    assert seen == []


def test_a_malformed_job_says_what_is_wrong(context: LocalLambdaContext) -> None:
    handler = _handler([])
    job = make_batch_job(bucket="photos", keys=["uploads/a.jpg"])
    del job["tasks"][0]["taskId"]
    with pytest.raises(S3EventError, match=r"tasks\[0\]\.taskId"):
        handler(job, context)


@pytest.mark.parametrize("flag", [1, "yes", None])
def test_backfill_takes_a_bool(flag: object) -> None:
    with pytest.raises(TypeError, match="backfill"):
        s3_record_handler(backfill=flag)  # type: ignore[call-overload]


def test_backfill_refuses_generator_and_async_functions() -> None:
    decorate = s3_record_handler(backfill=True)

    def yields(item: RecordOrTask, context: LambdaContext) -> Iterator[str]:
        yield "done"

    async def waits(item: RecordOrTask, context: LambdaContext) -> None:
        return None

    with pytest.raises(TypeError, match="generator function"):
        decorate(yields)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="async def"):
        decorate(waits)  # type: ignore[arg-type]


def test_the_example_handles_a_notification_and_a_job(context: LocalLambdaContext) -> None:
    from examples.one_handler_both_ways import INDEX, index_photo

    INDEX.clear()
    index_photo(via_sqs(make_event(bucket="photos", key="uploads/new one.jpg")), context)
    job = make_batch_job(bucket="photos", keys=["uploads/old one.jpg", "uploads/old.png"])
    response = _job_response(index_photo(job, context))
    assert [r["resultCode"] for r in response["results"]] == ["Succeeded", "Succeeded"]
    assert response["results"][0]["resultString"] == "indexed uploads/old one.jpg (backfill)"
    assert INDEX == {
        "s3://photos/uploads/new one.jpg": "live ObjectCreated:Put",
        "s3://photos/uploads/old one.jpg": "backfill",
    }
