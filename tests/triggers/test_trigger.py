"""Trigger: event types S3 accepts, literal filters, and the one filter rule."""

from __future__ import annotations

import doctest
import importlib
import typing
from typing import Any

import botocore.session
import pytest
from mypy_boto3_s3.literals import EventType

from s3types import EventName, parse_event
from s3types.testing import make_event
from s3types.triggers import ALL_EVENT_TYPES, EVENT_TYPES, Trigger, TriggerError


def test_event_types_are_those_of_botocores_s3_model() -> None:
    model = botocore.session.get_session().get_service_model("s3")
    shape: Any = model.shape_for("Event")
    assert sorted(EVENT_TYPES) == sorted(shape.enum)


def test_event_types_include_those_of_mypy_boto3_s3() -> None:
    # The stubs are generated from an older botocore than the one pinned, so
    # they may lag; every type they know must be known here, and every type
    # known here beyond them must come from botocore's model, never invented.
    stubbed = set(typing.get_args(EventType))
    assert stubbed <= set(EVENT_TYPES)
    model = botocore.session.get_session().get_service_model("s3")
    shape: Any = model.shape_for("Event")
    assert set(EVENT_TYPES) - stubbed <= set(shape.enum)


def test_all_event_types_cover_every_event_type() -> None:
    every = Trigger("b", ALL_EVENT_TYPES)
    for name in EVENT_TYPES:
        concrete = name.replace(":*", ":Anything")
        assert every.fires_on("b", "k", concrete), name


@pytest.mark.parametrize("name", [n for n in EVENT_TYPES if n != "s3:ObjectCreated:*"])
def test_every_accepted_name_is_kept_with_and_without_s3(name: str) -> None:
    assert Trigger("b", [name]).events == (name,)
    assert Trigger("b", [name[3:]]).events == (name,)


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        ("s3:ObjectCreate:*", "did you mean 's3:ObjectCreated:*'?"),
        ("s3:objectcreated:*", "case-sensitive: write 's3:ObjectCreated:*'"),
        ("s3:ObjectCreated:Putt", "did you mean 's3:ObjectCreated:Put'?"),
        ("ObjectRemoved:Deleted", "did you mean 's3:ObjectRemoved:Delete'?"),
        ("*", "S3 has no catch-all"),
        ("s3:*", "S3 has no catch-all"),
        ("s3:ObjectCreated", "write 's3:ObjectCreated:*' for all of them"),
        ("s3:TestEvent", "did you mean"),
        ("", "did you mean"),
    ],
)
def test_a_name_s3_would_refuse_names_the_closest_valid_one(given: str, hint: str) -> None:
    with pytest.raises(TriggerError, match=r"^Trigger: ") as caught:
        Trigger("b", [given])
    assert "is not an event type S3 accepts" in str(caught.value)
    assert hint in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_a_huge_wrong_name_gives_a_bounded_message() -> None:
    with pytest.raises(TriggerError) as caught:
        Trigger("b", ["X" * 1_000_000])
    assert len(str(caught.value)) < 500


@pytest.mark.parametrize(
    ("arguments", "error", "message"),
    [
        ({"events": "s3:ObjectCreated:*"}, TypeError, "not a string: write events=["),
        ({"events": []}, TriggerError, "events is empty"),
        ({"events": 3}, TypeError, "must be a list of event types"),
        ({"events": [3]}, TypeError, "event type 3 is not a string"),
        ({"prefix": 3}, TypeError, "prefix must be a string or None, got int"),
        ({"suffix": b".jpg"}, TypeError, "suffix must be a string or None, got bytes"),
        ({"prefix": "uploads/*"}, TriggerError, "S3 has no globs"),
        ({"suffix": "*.jpg"}, TriggerError, "write suffix='.jpg'"),
        ({"prefix": "x" * 1025}, TriggerError, "longer than any S3 key"),
        ({"prefix": "é" * 513}, TriggerError, "1,026 bytes of UTF-8"),
        ({"id": ""}, TriggerError, "id must be a non-empty string"),
    ],
)
def test_bad_arguments_are_refused(
    arguments: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        Trigger("b", **arguments)
    assert message in str(caught.value)


@pytest.mark.parametrize("bucket", ["", "s3://b", "b/k", " b", 3])
def test_a_bucket_that_is_no_bucket_name_is_refused(bucket: Any) -> None:
    with pytest.raises((TriggerError, TypeError)):
        Trigger(bucket)


def test_a_filter_of_1024_bytes_is_accepted_and_an_empty_one_is_none() -> None:
    assert Trigger("b", prefix="x" * 1024).prefix == "x" * 1024
    assert Trigger("b", prefix="", suffix="").prefix is None


def test_a_trigger_is_frozen_hashable_and_equal_by_value() -> None:
    trigger = Trigger("b", prefix="in/")
    with pytest.raises(AttributeError):
        trigger.__setattr__("prefix", "out/")
    assert trigger == Trigger("b", ["ObjectCreated:*"], prefix="in/")
    assert len({trigger, Trigger("b", prefix="in/")}) == 1
    assert trigger != Trigger("b", prefix="in/", id="named")


def test_rule_id_is_derived_stably_from_the_rule() -> None:
    first = Trigger("b", prefix="in/").rule_id
    assert first == Trigger("b", prefix="in/").rule_id
    assert first.startswith("s3types-")
    assert first != Trigger("b", prefix="out/").rule_id
    assert Trigger("b", id="mine").rule_id == "mine"


def test_duplicate_event_types_are_kept_once_in_order() -> None:
    assert Trigger(
        "b", ["ObjectRemoved:*", "s3:ObjectCreated:Put", "s3:ObjectRemoved:*"]
    ).events == (
        "s3:ObjectRemoved:*",
        "s3:ObjectCreated:Put",
    )


def record(event_name: str = "ObjectCreated:Put", *, bucket: str = "b", key: str = "k") -> Any:
    return parse_event(make_event(event_name, bucket=bucket, key=key)).records[0]


@pytest.mark.parametrize(
    ("trigger", "event_name", "bucket", "key", "expected"),
    [
        (Trigger("b"), "ObjectCreated:Put", "b", "k", True),
        (Trigger("b"), "ObjectCreated:Put", "other", "k", False),
        (Trigger(None), "ObjectCreated:Put", "other", "k", True),
        (Trigger("b"), "ObjectRemoved:Delete", "b", "k", False),
        (Trigger("b", ["s3:ObjectCreated:Copy"]), "ObjectCreated:Put", "b", "k", False),
        (Trigger("b", ["s3:ObjectCreated:Copy"]), "ObjectCreated:Copy", "b", "k", True),
        (Trigger("b", prefix="in/"), "ObjectCreated:Put", "b", "in/a b.jpg", True),
        (Trigger("b", prefix="in/"), "ObjectCreated:Put", "b", "IN/a", False),
        (Trigger("b", prefix="a b/"), "ObjectCreated:Put", "b", "a b/c", True),
        (Trigger("b", suffix=".jpg"), "ObjectCreated:Put", "b", "a+b.jpg", True),
        (Trigger("b", suffix=".jpg"), "ObjectCreated:Put", "b", "a.jpg ", False),
        (Trigger("b", prefix="ab", suffix="bc"), "ObjectCreated:Put", "b", "abc", True),
        (Trigger("b", ["s3:LifecycleTransition"]), "LifecycleTransition", "b", "k", True),
        (Trigger("b", ["s3:IntelligentTiering"]), "IntelligentTiering", "b", "k", True),
    ],
)
def test_matches_and_fires_on_agree_with_s3s_filter_rule(
    trigger: Trigger, event_name: str, bucket: str, key: str, expected: bool
) -> None:
    made = record(event_name, bucket=bucket, key=key)
    assert made.key == key  # the decoded key is what filters see
    assert trigger.matches(made) is expected
    assert trigger.fires_on(bucket, key, event_name) is expected
    assert trigger.fires_on(bucket, key, "s3:" + event_name) is expected
    assert (trigger.mismatch(made) is None) is expected


def test_mismatch_says_why() -> None:
    trigger = Trigger("b", ["s3:ObjectRemoved:*"], prefix="in/", suffix=".jpg")
    assert "is not one of s3:ObjectRemoved:*" in str(trigger.mismatch(record()))
    assert "bucket 'x' is not 'b'" in str(
        trigger.mismatch(record("ObjectRemoved:Delete", bucket="x"))
    )
    assert "does not start with prefix 'in/'" in str(
        trigger.mismatch(record("ObjectRemoved:Delete", key="out/a.jpg"))
    )
    assert "does not end with suffix '.jpg'" in str(
        trigger.mismatch(record("ObjectRemoved:Delete", key="in/a.png"))
    )


def test_an_event_name_aws_adds_later_matches_its_category_wildcard() -> None:
    assert Trigger("b", ["s3:ObjectCreated:*"]).fires_on("b", "k", "ObjectCreated:Teleport")
    assert EventName("ObjectCreated:Teleport").category == "ObjectCreated"


def test_replace_and_with_bucket_validate_again() -> None:
    unbound = Trigger(None, prefix="in/")
    assert unbound.with_bucket("photos").bucket == "photos"
    assert Trigger("a").with_bucket("photos").bucket == "a"
    with pytest.raises(TriggerError, match="no globs"):
        unbound.replace(prefix="in/*")
    with pytest.raises(TypeError, match="no field 'colour'"):
        unbound.replace(colour="red")


@pytest.mark.parametrize(
    "name",
    [
        "s3types.triggers",
        "s3types.triggers._apply",
        "s3types.triggers._bucket",
        "s3types.triggers._checks",
        "s3types.triggers._configuration",
        "s3types.triggers._events",
        "s3types.triggers._export",
        "s3types.triggers._export.buckets",
        "s3types.triggers._export.cloudformation",
        "s3types.triggers._export.sam",
        "s3types.triggers._export.terraform",
        "s3types.triggers._guard",
        "s3types.triggers._key_filter",
        "s3types.triggers._logical_ids",
        "s3types.triggers._merge",
        "s3types.triggers._overlap",
        "s3types.triggers._owner",
        "s3types.triggers._trigger",
        "s3types._bucket_names",
        "s3types._cli._aws_errors",
    ],
)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0 or name == "s3types.triggers._apply"
