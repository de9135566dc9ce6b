"""The Chalice adapter, driven through Chalice's own test client and deployment model."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from chalice.app import Blueprint, Chalice, S3EventConfig
from chalice.app import S3Event as ChaliceS3Event
from chalice.config import Config
from chalice.deploy.appgraph import ApplicationGraphBuilder
from chalice.deploy.models import S3BucketNotification
from chalice.test import Client

from s3types import S3Event, parse_event
from s3types.testing import encode_key, make_event
from s3types_chalice import on_s3_change

if TYPE_CHECKING:
    from collections.abc import Callable

    from s3types import S3EventDict

HARD_KEYS = [
    "red flower.jpg",
    "a+b.txt",
    "100%.txt",
    "50%20off.txt",
    "café/äö 北京.png",
    "dir/sub dir/x.txt",
    "~!@#$&*()=:,;?'[].txt",
]


def multi_record_event(*keys: str, bucket: str = "photos") -> S3EventDict:
    """One notification with a record per key (S3 may batch records; Chalice keeps only one)."""
    event = make_event(bucket=bucket, key=keys[0], size=1)
    for number, key in enumerate(keys[1:], start=2):
        event["Records"].append(make_event(bucket=bucket, key=key, size=number)["Records"][0])
    return event


def keys_app() -> Chalice:
    app = Chalice(app_name="photos")

    @on_s3_change(app, "photos")
    def list_keys(event: S3Event) -> list[str]:
        return [record.key for record in event.records]

    return app


def s3_sources(app: Chalice) -> list[S3EventConfig]:
    return [source for source in app.event_sources if isinstance(source, S3EventConfig)]


def test_registers_through_chalice_with_bucket_events_and_filters() -> None:
    app = Chalice(app_name="photos")

    @on_s3_change(
        app, "photo-uploads", events=["s3:ObjectCreated:*"], prefix="incoming/", suffix=".jpg"
    )
    def make_thumbnail(event: S3Event) -> None:
        """Make thumbnails."""

    (source,) = s3_sources(app)
    assert (source.name, source.bucket, source.events, source.prefix, source.suffix) == (
        "make_thumbnail",
        "photo-uploads",
        ["s3:ObjectCreated:*"],
        "incoming/",
        ".jpg",
    )
    # Lambda imports the handler by this string: it must be the decorated module attribute.
    assert source.handler_string == "app.make_thumbnail"
    assert app.handler_map["make_thumbnail"] is make_thumbnail


def test_defaults_and_name_are_chalices() -> None:
    app = Chalice(app_name="photos")

    @on_s3_change(app, "photo-uploads", name="on-upload")
    def handler(event: S3Event) -> None:
        """Handle uploads."""

    (source,) = s3_sources(app)
    assert (source.name, source.events) == ("on-upload", ["s3:ObjectCreated:*"])
    # Chalice types prefix and suffix as str, but stores None when they are not given.
    assert source.prefix is None
    assert source.suffix is None
    assert list(app.handler_map) == ["on-upload"]


def test_chalice_deploy_model_has_the_bucket_notification() -> None:
    app = Chalice(app_name="photos")

    @on_s3_change(app, "photo-uploads", events=["s3:ObjectRemoved:*"], prefix="in/", suffix=".png")
    def forget(event: S3Event) -> None:
        """Forget removed objects."""

    config = Config.create(chalice_app=app, app_name="photos", project_dir=".", chalice_stage="dev")
    graph = ApplicationGraphBuilder().build(config, "dev")
    (notification,) = [r for r in graph.resources if isinstance(r, S3BucketNotification)]
    assert (notification.bucket, notification.events) == ("photo-uploads", ["s3:ObjectRemoved:*"])
    assert (notification.prefix, notification.suffix) == ("in/", ".png")
    assert notification.lambda_function.handler == "app.forget"


def test_invoke_hands_over_every_record_of_a_multi_record_event() -> None:
    event = multi_record_event(*HARD_KEYS)
    with Client(keys_app()) as client:
        response = client.lambda_.invoke("list_keys", event)
    assert response.payload == HARD_KEYS


def test_invoke_hands_over_the_normalized_records() -> None:
    seen: list[S3Event] = []
    app = Chalice(app_name="photos")

    @on_s3_change(app, "photos")
    def remember(event: S3Event) -> None:
        seen.append(event)

    event = multi_record_event("a b.txt", "c+d.txt")
    with Client(app) as client:
        client.lambda_.invoke("remember", event)
    assert seen[0].model_dump(mode="json") == parse_event(event).model_dump(mode="json")
    assert [(r.size, r.raw_key) for r in seen[0].records] == [(1, "a+b.txt"), (2, "c%2Bd.txt")]


@pytest.mark.parametrize("key", HARD_KEYS)
def test_generate_s3_event_with_the_key_encoded_like_s3_gives_the_uploaded_key(key: str) -> None:
    with Client(keys_app()) as client:
        event = client.events.generate_s3_event(bucket="photos", key=encode_key(key))
        assert client.lambda_.invoke("list_keys", event).payload == [key]


@pytest.mark.parametrize(
    ("key", "decoded"),
    [
        ("red flower.jpg", "red flower.jpg"),
        ("café/äö.png", "café/äö.png"),
        ("a+b.txt", "a b.txt"),
        ("50%20off.txt", "50 off.txt"),
        ("a%2Bb.txt", "a+b.txt"),
    ],
)
def test_generate_s3_event_copies_the_key_unencoded_so_plus_and_percent_keys_change(
    key: str, decoded: str
) -> None:
    # Chalice's generator writes the key as given, but S3 URL-encodes it and
    # Chalice's own S3Event decodes it: a "+" or "%XX" in a key given as-is
    # comes back changed, from Chalice's event.key and ours alike.
    seen: dict[str, str] = {}
    app = Chalice(app_name="photos")

    @app.middleware("s3")
    def chalice_key(event: ChaliceS3Event, get_response: Callable[[Any], Any]) -> Any:
        seen["chalice"] = event.key
        return get_response(event)

    @on_s3_change(app, "photos")
    def ours(event: S3Event) -> None:
        seen["ours"] = event.records[0].key

    with Client(app) as client:
        event = client.events.generate_s3_event(bucket="photos", key=key)
        assert event["Records"][0]["s3"]["object"]["key"] == key
        client.lambda_.invoke("ours", event)
    assert seen == {"chalice": decoded, "ours": decoded}


def test_chalice_middleware_still_runs_around_the_function() -> None:
    calls: list[str] = []
    app = Chalice(app_name="photos")

    @app.middleware("s3")
    def record_bucket(event: ChaliceS3Event, get_response: Callable[[Any], Any]) -> Any:
        calls.append(f"middleware saw {event.bucket}")
        return get_response(event)

    @on_s3_change(app, "photos")
    def count(event: S3Event) -> int:
        calls.append("function")
        return len(event.records)

    with Client(app) as client:
        assert client.lambda_.invoke("count", multi_record_event("a", "b")).payload == 2
    assert calls == ["middleware saw photos", "function"]


def test_works_on_a_blueprint() -> None:
    blueprint = Blueprint(__name__)

    @on_s3_change(blueprint, "photo-uploads", events=["s3:ObjectCreated:Put"], suffix=".gif")
    def gif_keys(event: S3Event) -> list[str]:
        return [record.key for record in event.records]

    app = Chalice(app_name="photos")
    app.register_blueprint(blueprint, name_prefix="bp_")
    (source,) = s3_sources(app)
    assert (source.name, source.bucket, source.events, source.suffix) == (
        "bp_gif_keys",
        "photo-uploads",
        ["s3:ObjectCreated:Put"],
        ".gif",
    )
    assert source.handler_string == f"{__name__}.gif_keys"
    with Client(app) as client:
        payload = client.lambda_.invoke(
            "bp_gif_keys", multi_record_event("a b.gif", "c.gif", bucket="photo-uploads")
        )
    assert payload.payload == ["a b.gif", "c.gif"]


def test_rejects_bad_event_patterns_before_registering() -> None:
    app = Chalice(app_name="photos")
    with pytest.raises(ValueError, match=r"^on_s3_change: .*write 's3:ObjectCreated:\*'"):
        on_s3_change(app, "photos", events=["s3:ObjectCreated"])
    with pytest.raises(TypeError, match=r"^on_s3_change: events must be a list"):
        on_s3_change(app, "photos", events="s3:ObjectCreated:*")
    assert app.event_sources == []


def test_import_without_chalice_names_the_extra() -> None:
    blocked = "import sys; sys.modules['chalice'] = None; import s3types_chalice"
    result = subprocess.run(
        [sys.executable, "-c", blocked], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("ImportError: s3types_chalice needs Chalice")
    assert last_line.endswith("pip install 's3types[chalice]'")
    assert "The above exception was the direct cause" in result.stderr


@pytest.mark.parametrize("name", ["s3types_chalice", "s3types_chalice._s3"])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0


def test_importing_the_adapter_loads_no_deployment_tools(
    modules_loaded_by: Callable[[str], set[str]], deployment_only: frozenset[str]
) -> None:
    # Cold start: generate_s3_event's test helpers are imported when it is called.
    without_adapter = modules_loaded_by("import chalice.app, s3types")
    loaded = modules_loaded_by("import s3types_chalice")
    assert (loaded - without_adapter) & deployment_only == set()
