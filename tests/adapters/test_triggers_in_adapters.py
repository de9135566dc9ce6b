"""The adapters' triggers: declared, checked at decoration, the one filter, skips logged."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from chalice.app import Chalice, S3EventConfig
from chalice.test import Client

from s3types import S3Event, S3EventError, S3EventRecord
from s3types.testing import make_event, test_event, via_sqs
from s3types.triggers import ALL_EVENT_TYPES, Trigger, TriggerError
from s3types_chalice import on_s3_change
from s3types_lambda import LambdaContext, s3_record_handler


def test_record_handler_exposes_its_trigger_with_bucket() -> None:
    @s3_record_handler(bucket="photos", events=["ObjectCreated:Put"], prefix="in/", suffix=".jpg")
    def thumbnail(record: S3EventRecord, context: LambdaContext) -> None:
        pass

    assert thumbnail.s3_triggers == (
        Trigger("photos", ["s3:ObjectCreated:Put"], prefix="in/", suffix=".jpg"),
    )


def test_record_handler_without_events_declares_every_event_type() -> None:
    @s3_record_handler()
    def anything(record: S3EventRecord, context: LambdaContext) -> None:
        pass

    (trigger,) = anything.s3_triggers
    assert (trigger.bucket, trigger.events) == (None, ALL_EVENT_TYPES)


def test_record_handler_filters_by_bucket(lambda_context: LambdaContext) -> None:
    seen: list[str] = []

    @s3_record_handler(bucket="photos")
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        seen.append(record.bucket_name)

    handler(
        via_sqs(make_event(bucket="photos", key="a"), make_event(bucket="other", key="b")),
        lambda_context,
    )
    assert seen == ["photos"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"prefix": 3}, "s3_record_handler: prefix must be a string or None, got int"),
        ({"suffix": [".jpg"]}, "s3_record_handler: suffix must be a string or None, got list"),
        ({"bucket": 3}, "s3_record_handler: bucket must be a string or None, got int"),
        ({"events": 3}, "s3_record_handler: events must be a list of event types, got int"),
        ({"writes_to": "thumbs/"}, "s3_record_handler: writes_to must be a list of key prefixes"),
    ],
)
def test_record_handler_wrong_types_fail_at_decoration(
    arguments: dict[str, Any], message: str
) -> None:
    with pytest.raises(TypeError) as caught:
        s3_record_handler(**arguments)
    assert str(caught.value).startswith(message)


def test_record_handler_prefix_with_a_glob_fails_at_decoration() -> None:
    with pytest.raises(TriggerError, match=r"^s3_record_handler: prefix 'uploads/\*' .* no globs"):
        s3_record_handler(prefix="uploads/*")


def test_record_handler_logs_each_skipped_record_and_why_at_debug(
    lambda_context: LambdaContext, caplog: pytest.LogCaptureFixture
) -> None:
    @s3_record_handler(events=["s3:ObjectCreated:*"], prefix="in/")
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        pass

    with caplog.at_level(logging.DEBUG, logger="s3types_lambda"):
        handler(
            via_sqs(
                make_event("ObjectRemoved:Delete", bucket="b", key="in/a"),
                make_event(bucket="b", key="out/b"),
                make_event(bucket="b", key="in/c"),
            ),
            lambda_context,
        )
    messages = [r.getMessage() for r in caplog.records if r.name == "s3types_lambda"]
    assert messages == [
        "skipped s3://b/in/a (ObjectRemoved:Delete): event 'ObjectRemoved:Delete' is not one of"
        " s3:ObjectCreated:*",
        "skipped s3://b/out/b (ObjectCreated:Put): key 'out/b' does not start with prefix 'in/'",
    ]
    assert all(r.levelno == logging.DEBUG for r in caplog.records if r.name == "s3types_lambda")


def keys_app() -> Chalice:
    app = Chalice(app_name="photos")

    @on_s3_change(app, "photos", prefix="in/")
    def list_keys(event: S3Event) -> list[str]:
        return [record.key for record in event.records]

    return app


def test_on_s3_change_hands_chalice_s3_names() -> None:
    app = Chalice(app_name="photos")

    @on_s3_change(app, "photos", events=["ObjectCreated:*", "ObjectRemoved:Delete"])
    def handler(event: S3Event) -> None:
        pass

    (source,) = app.event_sources
    assert isinstance(source, S3EventConfig)
    assert source.events == ["s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"]
    assert handler.s3_triggers == (
        Trigger("photos", ["s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"]),
    )


@pytest.mark.parametrize(
    ("events", "hint"),
    [
        (["s3:ObjectCreate:*"], "did you mean 's3:ObjectCreated:*'?"),
        (["s3:objectcreated:*"], "case-sensitive"),
        (["*"], "S3 has no catch-all"),
    ],
)
def test_on_s3_change_refuses_names_s3_would_refuse(events: list[str], hint: str) -> None:
    with pytest.raises(TriggerError, match=r"^on_s3_change: ") as caught:
        on_s3_change(Chalice(app_name="x"), "photos", events=events)
    assert hint in str(caught.value)


def test_on_s3_change_refuses_a_bucket_that_is_not_a_string() -> None:
    with pytest.raises(TypeError, match="on_s3_change: bucket must be the bucket's name"):
        on_s3_change(Chalice(app_name="x"), 3)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ({"Records": []}, []),
        (dict(test_event("photos")), []),
        (make_event(bucket="photos", key="in/a b"), ["in/a b"]),
        (make_event(bucket="photos", key="out/a"), []),
    ],
    ids=["no records", "test event", "a record", "a record the trigger does not match"],
)
def test_on_s3_change_gives_a_parsed_event_for_odd_but_valid_input(
    event: dict[str, Any], expected: list[str]
) -> None:
    with Client(keys_app()) as client:
        assert client.lambda_.invoke("list_keys", event).payload == expected


ODD_EVENTS: list[dict[str, Any]] = [
    {"Records": None},
    {"Records": [{"eventSource": "aws:s3"}]},
    {"Records": [{}]},
    {"Records": [None]},
    {"nothing": "here"},
]


@pytest.mark.parametrize(
    "event",
    ODD_EVENTS,
    ids=["records null", "record without s3", "empty record", "null record", "no records key"],
)
def test_on_s3_change_refuses_odd_input_with_s3eventerror(event: dict[str, Any]) -> None:
    # Before: IndexError, KeyError or TypeError from Chalice's own event object.
    app = Chalice(app_name="photos")

    @on_s3_change(app, "photos")
    def keys(event: S3Event) -> int:
        return len(event.records)

    with pytest.raises(S3EventError):
        keys(event, None)  # type: ignore[arg-type]
    with Client(app) as client, pytest.raises(S3EventError):
        client.lambda_.invoke("keys", event)
