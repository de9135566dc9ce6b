"""``s3types_chalice.generate_s3_event``: Chalice tests see keys as production does."""

from __future__ import annotations

from typing import Any

import pytest
from chalice import Chalice
from chalice.app import S3Event as ChaliceS3Event
from chalice.test import Client

from s3types import S3Event
from s3types_chalice import generate_s3_event, on_s3_change

HARD_KEYS = [
    "red flower+1.jpg",
    "100%=done&more.txt",
    "50%20off.txt",
    "a%2Bb.txt",
    "café/ünïcødé 🎉.txt",
    "~!@#$&*()=:,;?'[].txt",
]


# --8<-- [start:generator]
def _keys_app(seen: dict[str, str]) -> Chalice:
    app = Chalice(app_name="photos")

    @app.middleware("s3")
    def chalice_key(event: ChaliceS3Event, get_response: Any) -> Any:
        seen["chalice"] = event.key
        return get_response(event)

    @on_s3_change(app, "photos")
    def ours(event: S3Event) -> None:
        seen["ours"] = event.records[0].key

    return app


@pytest.mark.parametrize("key", HARD_KEYS)
def test_generate_s3_event_gives_chalice_and_s3types_the_key_as_named(key: str) -> None:
    seen: dict[str, str] = {}
    with Client(_keys_app(seen)) as client:
        client.lambda_.invoke("ours", generate_s3_event("photos", key))

    assert seen == {"chalice": key, "ours": key}


# --8<-- [end:generator]


@pytest.mark.parametrize("key", ["a+b c.txt", "100%.txt"])
def test_chalices_own_generator_changes_these_keys_and_ours_does_not(key: str) -> None:
    # The trap this generator removes: Chalice copies the key as given.
    with Client(Chalice(app_name="x")) as client:
        theirs = client.events.generate_s3_event(bucket="photos", key=key)
    ours = generate_s3_event("photos", key)

    assert theirs["Records"][0]["s3"]["object"]["key"] == key
    assert ours["Records"][0]["s3"]["object"]["key"] != key


def test_generate_s3_event_takes_chalices_arguments_and_event_names() -> None:
    event = generate_s3_event("photos", "gone.txt", "ObjectRemoved:Delete", version_id="v1")
    record = event["Records"][0]

    assert record["eventName"] == "ObjectRemoved:Delete"
    assert record["s3"]["bucket"]["name"] == "photos"
    assert record["s3"]["object"]["versionId"] == "v1"
    assert "size" not in record["s3"]["object"]
