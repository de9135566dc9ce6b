"""``on_s3_change(..., backfill=True)``: the Chalice function answers Batch Operations jobs too.

Driven through Chalice's own test client (``client.lambda_.invoke`` calls
the handler Chalice registered for the bucket notification, as Lambda
would): a notification, a schema 2.0 job with matched and skipped tasks,
a 1.0 job, and the refusal when the function was not declared for backfills.
"""

from __future__ import annotations

from typing import Any

import pytest
from chalice import Chalice
from chalice.test import Client

from s3types import S3Event, S3EventError
from s3types.batch import BatchTask, TemporaryFailure
from s3types.testing import make_batch_job, make_event
from s3types_chalice import EventOrTask, on_s3_change


def _app(seen: list[Any]) -> Chalice:
    app = Chalice(app_name="photos")

    @on_s3_change(app, "photos", prefix="uploads/", suffix=".jpg", backfill=True)
    def tag(item: EventOrTask) -> str:
        if isinstance(item, BatchTask):
            seen.append(("task", item.key))
            if item.key.endswith("busy.jpg"):
                raise TemporaryFailure("busy")
            return f"tagged {item.key}"
        seen.append(("event", [record.key for record in item.records]))
        return f"tagged {len(item.records)}"

    return app


def test_a_notification_reaches_the_function_as_the_typed_event() -> None:
    seen: list[Any] = []
    with Client(_app(seen)) as client:
        event = make_event(bucket="photos", key="uploads/a b.jpg")
        assert client.lambda_.invoke("tag", event).payload == "tagged 1"
    assert seen == [("event", ["uploads/a b.jpg"])]


@pytest.mark.parametrize("schema_version", ["2.0", "1.0"])
def test_a_job_runs_the_tasks_the_trigger_matches(schema_version: str) -> None:
    seen: list[Any] = []
    job = make_batch_job(
        bucket="photos",
        keys=["uploads/ä+b.jpg", "uploads/busy.jpg", "uploads/notes.txt"],
        schema_version=schema_version,  # type: ignore[arg-type]
    )
    with Client(_app(seen)) as client:
        response = client.lambda_.invoke("tag", job).payload
    assert response["invocationId"] == job["invocationId"]
    assert response["invocationSchemaVersion"] == schema_version
    assert [(r["resultCode"], r["resultString"]) for r in response["results"]] == [
        ("Succeeded", "tagged uploads/ä+b.jpg"),
        ("TemporaryFailure", "busy"),
        (
            "Succeeded",
            "skipped: not for this function's trigger (key 'uploads/notes.txt' does not end"
            " with suffix '.jpg')",
        ),
    ]
    assert seen == [("task", "uploads/ä+b.jpg"), ("task", "uploads/busy.jpg")]


def test_a_function_not_declared_for_backfills_refuses_a_job() -> None:
    app = Chalice(app_name="photos")
    seen: list[S3Event] = []

    @on_s3_change(app, "photos")
    def live(event: S3Event) -> None:
        seen.append(event)

    with Client(app) as client, pytest.raises(S3EventError, match="Batch Operations"):
        client.lambda_.invoke("live", make_batch_job(bucket="photos", keys=["a.jpg"]))
    assert seen == []


def test_the_example_app_answers_both() -> None:
    from examples.chalice_backfill import app

    with Client(app) as client:
        live = client.lambda_.invoke(
            "tag_photos", make_event(bucket="photo-uploads", key="photos/x.jpg")
        )
        job = make_batch_job(bucket="photo-uploads", keys=["photos/y z.jpg"])
        backfill = client.lambda_.invoke("tag_photos", job)
    assert live.payload == "tagged 1 photo(s)"
    assert backfill.payload["results"][0]["resultString"] == "tagged 1 photo(s)"


def test_backfill_takes_a_bool() -> None:
    with pytest.raises(TypeError, match="backfill"):
        on_s3_change(Chalice(app_name="x"), "photos", backfill="yes")  # type: ignore[call-overload]
