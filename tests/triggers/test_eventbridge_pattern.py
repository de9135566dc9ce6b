"""event_pattern: the EventBridge rule matches exactly what Trigger.matches accepts.

Events in the format AWS sends (tests/events fixtures, and ones built with
``via_eventbridge``), matched by a reference matcher and by moto's; the
patterns validated against botocore's ``PutRule`` input.
"""

from __future__ import annotations

import json
import random
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from s3types import EventName, S3EventRecord, parse_event
from s3types._catalog import eventbridge_routes
from s3types.testing import make_event, via_eventbridge
from s3types.triggers import Trigger, TriggerError, event_pattern
from s3types.triggers._eventbridge.pattern import EVENT_PATTERN_MAX_CHARS, may_overmatch
from tests.triggers.pattern_matcher import matches

BUCKET = "photos"
EVENTS_DIR = Path(__file__).parents[1] / "events"
# Every event type S3 sends to EventBridge.
BRIDGED = [name for name in EventName if eventbridge_routes(name.value)]
# Parts of keys that are hard for a filter: what encodings change (space,
# "+", "%", "=", non-ASCII), escapes written literally, edges off by one.
_PREFIXES = [
    "in/",
    "in",
    "IN/",
    "x/in/",
    "",
    "ünï/",
    "a b/",
    "a+b/",
    "a%20b/",
    "k=v/",
    "in%2F",
    "~u/",
]
_MIDDLES = ["a", "a b", "a+b", "100%", "%41", "é", "😀", "=", " ", "+", "in/"]
_SUFFIXES = [".jpg", ".JPG", ".jpg ", "jpg", ".png", "", "+.jpg", "%2Ejpg", " 2.jpg", "=1.jpg"]
_EVERY_KEY = sorted({p + m + s for p in _PREFIXES for m in _MIDDLES for s in _SUFFIXES})
KEYS = [*random.Random(23).sample(_EVERY_KEY, 160), "ab", "abc", "abbc", "in/.jpg", "in.jpg"]
_EVENT_SETS = [
    ["s3:ObjectCreated:*"],
    ["s3:ObjectCreated:Put", "s3:ObjectCreated:Copy"],
    ["s3:ObjectRemoved:Delete"],
    ["s3:ObjectRemoved:*", "s3:LifecycleExpiration:DeleteMarkerCreated"],
    ["s3:ObjectCreated:*", "s3:ObjectRemoved:DeleteMarkerCreated", "s3:ObjectRestore:*"],
    ["s3:ObjectTagging:Put", "s3:ObjectAcl:Put", "s3:LifecycleTransition"],
    ["s3:IntelligentTiering", "s3:LifecycleExpiration:*", "s3:ObjectRestore:Completed"],
]
_SCOPES: list[tuple[str | None, str | None]] = [
    (None, None),
    ("in/", None),
    (None, ".jpg"),
    ("in/", ".jpg"),
    ("a b/", None),
    ("a+b/", None),
    ("ünï/", ".jpg"),
    ("k=v/", "=1.jpg"),
    (None, " 2.jpg"),
    ("ab", "bc"),
    ("in", "in"),
    ("in%2F", None),
    ("~u/", ".jpg"),
]
TRIGGERS = [
    Trigger(BUCKET, events, prefix=prefix, suffix=suffix)
    for index, (prefix, suffix) in enumerate(_SCOPES)
    for events in (_EVENT_SETS[index % len(_EVENT_SETS)], _EVENT_SETS[(index + 3) % 7])
]


@cache
def bridged(name: EventName, key: str, bucket: str = BUCKET) -> dict[str, Any]:
    """The EventBridge event S3 sends for this event on this key (key form-encoded)."""
    return dict(via_eventbridge(make_event(name, bucket=bucket, key=key)))


@cache
def record_of(name: EventName, key: str, bucket: str = BUCKET) -> S3EventRecord:
    return parse_event(bridged(name, key, bucket)).records[0]


def test_the_pattern_matches_an_aws_event_iff_the_trigger_matches_its_record() -> None:
    seen = {"match": 0, "miss": 0, "over": 0}
    for trigger in TRIGGERS:
        pattern = event_pattern(trigger)
        for name in BRIDGED:
            for key in KEYS:
                expected = trigger.matches(record_of(name, key))
                matched = matches(pattern, bridged(name, key))
                assert matched or not expected, (trigger, name, key)  # nothing lost
                if matched and not expected:
                    assert may_overmatch(trigger), (trigger, name, key)
                    seen["over"] += 1
                seen["match" if expected else "miss"] += 1
    assert seen["match"] > 500 and seen["miss"] > 5000 and seen["over"] > 0


def test_nothing_is_lost_whichever_known_encoding_carries_the_key() -> None:
    for trigger in TRIGGERS:
        pattern = event_pattern(trigger)
        for name in (EventName.OBJECT_CREATED_PUT, EventName.OBJECT_REMOVED_DELETE):
            for key in KEYS:
                if not trigger.fires_on(BUCKET, key, name):
                    continue
                # LocalStack's, moto's, and S3's form encoding with "~" escaped (Java's).
                tilde = quote_plus(key, safe="/").replace("~", "%7E")
                for encoded in (quote(key, safe="/"), key, tilde):
                    event = json.loads(json.dumps(bridged(name, key)))
                    event["detail"]["object"]["key"] = encoded
                    assert matches(pattern, event), (trigger, name, key, encoded)


def test_moto_matcher_agrees_with_the_reference_matcher() -> None:
    from moto.events.models import EventPattern

    agreed = 0
    for trigger in TRIGGERS:
        pattern = event_pattern(trigger)
        moto_pattern = EventPattern.load(json.dumps(pattern))
        for name in (EventName.OBJECT_CREATED_PUT, EventName.OBJECT_REMOVED_DELETE_MARKER_CREATED):
            for key in KEYS[::4]:
                event = bridged(name, key)
                moto_says = moto_pattern.matches_event(event)  # type: ignore[arg-type]
                assert moto_says == matches(pattern, event), (trigger, key)
                agreed += 1
    assert agreed > 800


_KEY_TEXT = st.text(st.sampled_from("ab/ +%=~é😀.2B"), max_size=6)


@settings(max_examples=300, deadline=None)
@given(prefix=_KEY_TEXT, middle=_KEY_TEXT, suffix=_KEY_TEXT, key=_KEY_TEXT)
def test_any_prefix_suffix_and_key(prefix: str, middle: str, suffix: str, key: str) -> None:
    trigger = Trigger(BUCKET, prefix=prefix, suffix=suffix)
    pattern = event_pattern(trigger)
    for candidate in (key, prefix + middle + suffix, prefix + suffix, (prefix + suffix)[1:]):
        if not candidate:
            continue
        expected = trigger.matches(record_of(EventName.OBJECT_CREATED_PUT, candidate))
        matched = matches(pattern, bridged(EventName.OBJECT_CREATED_PUT, candidate))
        assert matched or not expected
        assert not matched or expected or may_overmatch(trigger)


def _unredacted(event: dict[str, Any]) -> dict[str, Any]:
    # LocalStack's snapshots (recorded against AWS) replaced volatile values
    # with placeholders: "<bucket-name:1>", time "date", sequencer "sequencer".
    text = re.sub(r"<([a-z-]+):(\d+)>", r"\1-\2", json.dumps(event))
    event = json.loads(text)
    for fields in (event, event.get("detail", {})):
        for name in ("time", "restore-expiry-time"):
            if fields.get(name) == "date":
                fields[name] = "2024-01-01T00:00:00Z"
    return event


def _fixtures() -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(EVENTS_DIR.rglob("*eventbridge*.json")):
        loaded: Any = json.loads(path.read_text())
        for event in loaded if isinstance(loaded, list) else [loaded]:
            # An EventBridge event that reached an SQS queue: the rule matched the body.
            bodies = [json.loads(r["body"]) for r in event.get("Records", []) if "body" in r]
            for one in bodies or [event]:
                found.append((str(path.relative_to(EVENTS_DIR)), _unredacted(one)))
    return found


@pytest.mark.parametrize(("path", "event"), _fixtures(), ids=[p for p, _ in _fixtures()])
def test_a_trigger_for_a_fixtures_object_matches_it_and_its_neighbours_do_not(
    path: str, event: dict[str, Any]
) -> None:
    (record,) = parse_event(event).records
    name = record.event_name
    key = record.key
    own = Trigger(record.bucket_name, ["s3:" + name], prefix=key[:3], suffix=key[-2:])
    assert own.matches(record)
    assert matches(event_pattern(own), event)
    if f"s3:{name.category}:*" in _wildcards():
        category = Trigger(record.bucket_name, [f"s3:{name.category}:*"])
        assert matches(event_pattern(category), event)
    for other in (
        own.replace(bucket=record.bucket_name + "-other"),
        own.replace(prefix=key[:3] + "~"),
        own.replace(suffix="~" + key[-2:]),
        own.replace(events=_other_events(name)),
    ):
        assert not other.matches(record)
        assert not matches(event_pattern(other), event), other


def _wildcards() -> set[str]:
    from s3types.triggers import EVENT_TYPES

    return {event_type for event_type in EVENT_TYPES if event_type.endswith(":*")}


def _other_events(name: EventName) -> list[str]:
    return ["s3:ObjectAcl:Put"] if name.category != "ObjectAcl" else ["s3:ObjectTagging:*"]


def test_patterns_are_valid_put_rule_input_for_botocore() -> None:
    import botocore.session
    from botocore.validate import ParamValidator

    model = botocore.session.get_session().get_service_model("events")
    shape = model.operation_model("PutRule").input_shape
    assert shape is not None
    for trigger in TRIGGERS:
        text = json.dumps(event_pattern(trigger), ensure_ascii=False)
        params = {"Name": "s3types-0123456789abcdef", "EventPattern": text, "State": "ENABLED"}
        report = ParamValidator().validate(params, shape)
        assert not report.has_errors(), report.generate_report()


def test_every_filter_object_has_one_operator() -> None:
    for trigger in TRIGGERS:
        keys = event_pattern(trigger)["detail"].get("object", {}).get("key", [])
        assert all(len(entry) == 1 for entry in keys if isinstance(entry, dict))
        assert len(keys) == len({json.dumps(entry) for entry in keys})  # no repeats


def test_types_s3_sends_no_eventbridge_event_for_are_refused() -> None:
    for event_type in ("s3:Replication:*", "s3:ReducedRedundancyLostObject"):
        with pytest.raises(TriggerError, match="S3 sends no EventBridge event for"):
            event_pattern(Trigger(BUCKET, [event_type]))


def test_a_trigger_without_a_bucket_is_refused() -> None:
    with pytest.raises(TriggerError, match="names no bucket"):
        event_pattern(Trigger(None, prefix="in/"))


def test_a_pattern_eventbridge_would_refuse_as_too_long_is_refused() -> None:
    # 600 bytes each; escaped, "é" is 6 characters, and the keys where prefix
    # and suffix share characters are listed too.
    trigger = Trigger(BUCKET, prefix="é" * 300, suffix="é" * 300)
    limit = f"{EVENT_PATTERN_MAX_CHARS:,}"
    with pytest.raises(TriggerError, match=f"more than EventBridge takes \\({limit}\\)"):
        event_pattern(trigger)


@pytest.mark.parametrize("name", ["put", "copy", "delete", "delete-marker", "expiration"])
def test_events_from_the_cli_match_as_their_records_do(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from s3types._cli import main

    key = "in/a b+c%=ü.jpg"
    assert main(["event", name, "--bucket", BUCKET, "--key", key, "--via", "eventbridge"]) == 0
    event = json.loads(capsys.readouterr().out)
    (record,) = parse_event(event).records
    assert record.key == key
    assert any(trigger.matches(record) for trigger in TRIGGERS)
    for trigger in TRIGGERS:
        assert matches(event_pattern(trigger), event) == trigger.matches(record) or (
            may_overmatch(trigger) and not trigger.matches(record)
        ), (trigger, name)


def test_the_handler_runs_for_exactly_the_events_the_rule_lets_through() -> None:
    from s3types.testing._context import LocalLambdaContext
    from s3types_lambda import LambdaContext, s3_record_handler

    seen: list[str] = []

    @s3_record_handler(bucket=BUCKET, events=["s3:ObjectCreated:*"], prefix="a+b/")
    def handler(record: S3EventRecord, context: LambdaContext) -> None:
        seen.append(record.key)

    (trigger,) = handler.s3_triggers
    pattern = event_pattern(trigger)
    delivered = [
        key for key in KEYS if matches(pattern, bridged(EventName.OBJECT_CREATED_PUT, key))
    ]
    for key in delivered:  # what EventBridge invokes the function with
        handler(bridged(EventName.OBJECT_CREATED_PUT, key), LocalLambdaContext())
    expected = [key for key in KEYS if trigger.fires_on(BUCKET, key, "ObjectCreated:Put")]
    assert seen == expected and len(expected) > 2
    # The rule also lets "a b/..." through (written "a+b/..."); the handler drops it.
    assert any(key.startswith("a b/") for key in delivered)
