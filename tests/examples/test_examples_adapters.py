"""The adapter examples run as documented and do what they say."""

from __future__ import annotations

import doctest
import io
import json
import logging
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from chalice.test import Client

from examples import chalice_app, lambda_handler, powertools_handler
from s3types.testing import LocalLambdaContext, make_event, test_event, via_sns, via_sqs

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("examples.lambda_handler", "only the misrouted message failed: True"),
        ("examples.chalice_app", 'removed: ["photos/x y.jpg"]'),
        ("examples.powertools_handler", "videos in batch: 1"),
    ],
)
def test_example_runs_as_a_script(module: str, expected: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", module], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert expected in result.stdout.splitlines()


@pytest.mark.parametrize("module", [lambda_handler, powertools_handler])
def test_example_docstrings(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0


# --- lambda_handler ----------------------------------------------------------


def test_thumbnails_are_planned_for_new_jpegs_only(caplog: pytest.LogCaptureFixture) -> None:
    batch = via_sqs(
        make_event(bucket="uploads", key="photos/a b+c.jpg", size=10),
        make_event(bucket="uploads", key="photos/a.png", size=10),
        make_event("ObjectRemoved:Delete", bucket="uploads", key="photos/gone.jpg"),
        make_event(bucket="uploads", key="elsewhere/d.jpg", size=10),
        test_event("uploads"),
    )
    with caplog.at_level(logging.INFO, logger="thumbnails"):
        response = lambda_handler.handler(batch, LocalLambdaContext(remaining_millis=30_000))
    assert response == {"batchItemFailures": []}
    assert [r.getMessage() for r in caplog.records] == [
        "planned photos/a b+c.jpg -> thumbnails/a b+c.webp (30000 ms left)"
    ]


def test_oversized_photos_are_skipped_not_failed(caplog: pytest.LogCaptureFixture) -> None:
    size = lambda_handler.MAX_SOURCE_BYTES + 1
    batch = via_sqs(make_event(bucket="uploads", key="photos/huge.jpg", size=size))
    with caplog.at_level(logging.INFO, logger="thumbnails"):
        response = lambda_handler.handler(batch, LocalLambdaContext())
    assert response == {"batchItemFailures": []}
    assert caplog.records[0].levelname == "WARNING"


def test_inventory_counts_created_bytes_per_bucket() -> None:
    event = make_event(bucket="a", key="x", size=5)
    event["Records"].append(make_event(bucket="b", key="y", size=7)["Records"][0])
    event["Records"].append(make_event("ObjectRemoved:Delete", bucket="a", key="z")["Records"][0])
    context = LocalLambdaContext()
    assert lambda_handler.inventory(via_sns(event), context) == {"a": 5, "b": 7}
    assert lambda_handler.inventory(test_event("a"), context) == {}


# --- chalice_app -------------------------------------------------------------


def test_chalice_app_indexes_every_record() -> None:
    event = make_event(bucket=chalice_app.BUCKET, key="photos/red flower.jpg", size=3)
    event["Records"].append(
        make_event(bucket=chalice_app.BUCKET, key="photos/ä+b.jpg", size=4)["Records"][0]
    )
    with Client(chalice_app.app) as client:
        payload = client.lambda_.invoke("index_photos", event).payload
    assert [(entry["key"], entry["size"]) for entry in payload] == [
        ("photos/red flower.jpg", 3),
        ("photos/ä+b.jpg", 4),
    ]


def test_chalice_app_registers_both_notifications() -> None:
    sources = {source.name: vars(source) for source in chalice_app.app.event_sources}
    assert sources["index_photos"]["events"] == ["s3:ObjectCreated:*"]
    assert sources["unindex"]["events"] == ["s3:ObjectRemoved:*"]
    assert {(s["bucket"], s["prefix"], s["suffix"]) for s in sources.values()} == {
        (chalice_app.BUCKET, "photos/", ".jpg")
    }


# --- powertools_handler ------------------------------------------------------


def test_powertools_handler_meters_video_uploads_with_context_in_the_logs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    output = io.StringIO()
    for handler in powertools_handler.logger.handlers:
        monkeypatch.setattr(handler, "stream", output)
    event = make_event(bucket="v", key="a b.mov", size=powertools_handler.GIB)
    event["Records"].append(make_event(bucket="v", key="c.jpg", size=10)["Records"][0])
    context = powertools_handler.LocalContext()
    assert powertools_handler.handler(dict(event), context) == {"v": 1.0}
    (line,) = [json.loads(line) for line in output.getvalue().splitlines()]
    assert (line["s3_key"], line["function_name"]) == ("a b.mov", "video-metering")


def test_powertools_queue_handler_parses_each_message() -> None:
    batch = via_sqs(
        make_event(bucket="v", key="a.mp4"),
        make_event(bucket="v", key="b.mov"),
        make_event(bucket="v", key="c.png"),
    )
    assert powertools_handler.queue_handler(dict(batch), powertools_handler.LocalContext()) == 2
