"""check_triggers: S3's overlap rule, against the user guide's examples and a brute-force check."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from s3types.triggers import (
    S3_AMBIGUOUS_MESSAGE,
    Trigger,
    TriggerError,
    check_triggers,
    overlap,
    rules_of,
)

QUEUE = "arn:aws:sqs:us-west-2:444455556666:"
LAMBDA = "arn:aws:lambda:us-west-2:444455556666:function:"
TOPIC = "arn:aws:sns:us-west-2:444455556666:"


def rule(
    arn_key: str, arn: str, event: str, *, prefix: str | None = None, suffix: str | None = None
) -> dict[str, Any]:
    made: dict[str, Any] = {arn_key: arn, "Events": [event]}
    filters = [{"Name": n, "Value": v} for n, v in (("prefix", prefix), ("suffix", suffix)) if v]
    if filters:
        made["Filter"] = {"Key": {"FilterRules": filters}}
    return made


def queue(event: str, **filters: str) -> dict[str, Any]:
    return rule("QueueArn", QUEUE + "q", event, **filters)


def function(event: str, **filters: str) -> dict[str, Any]:
    return rule("LambdaFunctionArn", LAMBDA + "f", event, **filters)


def topic(event: str, **filters: str) -> dict[str, Any]:
    return rule("TopicArn", TOPIC + "t", event, **filters)


def with_ids(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"Id": str(number), **made} for number, made in enumerate(rules, start=1)]


# Every example of "Configuring event notifications using object key name
# filtering" (Amazon S3 User Guide, notification-how-to-filtering), in order.
VALID_EXAMPLES = {
    "one queue, prefix images/ and suffix jpg": {
        "QueueConfigurations": with_ids(
            [queue("s3:ObjectCreated:Put", prefix="images/", suffix="jpg")]
        )
    },
    "non-overlapping prefixes images/ and logs/": {
        "QueueConfigurations": with_ids(
            [
                queue("s3:ObjectCreated:Put", prefix="images/"),
                queue("s3:ObjectCreated:Put", prefix="logs/"),
            ]
        )
    },
    "non-overlapping suffixes .jpg and .png": {
        "LambdaFunctionConfigurations": with_ids(
            [
                function("s3:ObjectCreated:Put", suffix=".jpg"),
                function("s3:ObjectCreated:Put", suffix=".png"),
            ]
        )
    },
    "common prefix images, suffixes .jpg and .png": {
        "LambdaFunctionConfigurations": with_ids(
            [
                function("s3:ObjectCreated:Put", prefix="images", suffix=".jpg"),
                function("s3:ObjectCreated:Put", prefix="images", suffix=".png"),
            ]
        )
    },
    "prefix image/ for ObjectCreated:Put and for ObjectRemoved:*": {
        "QueueConfigurations": with_ids(
            [
                queue("s3:ObjectCreated:Put", prefix="image/"),
                queue("s3:ObjectRemoved:*", prefix="image/"),
            ]
        )
    },
}
INVALID_EXAMPLES = {
    "the root prefix overlaps any other prefix": {
        "TopicConfigurations": with_ids(
            [topic("s3:ObjectCreated:*"), topic("s3:ObjectCreated:*", prefix="images")]
        )
    },
    "the root suffix overlaps any other suffix": {
        "TopicConfigurations": with_ids(
            [topic("s3:ObjectCreated:*"), topic("s3:ObjectCreated:*", suffix="jpg")]
        )
    },
    "suffixes jpg and pg overlap": {
        "TopicConfigurations": with_ids(
            [topic("s3:ObjectCreated:*", suffix="jpg"), topic("s3:ObjectCreated:Put", suffix="pg")]
        )
    },
    "prefixes and suffixes overlap": {
        "TopicConfigurations": with_ids(
            [
                topic("s3:ObjectCreated:*", prefix="images", suffix="jpg"),
                topic("s3:ObjectCreated:Put", suffix="jpg"),
            ]
        )
    },
}


@pytest.mark.parametrize("configuration", VALID_EXAMPLES.values(), ids=list(VALID_EXAMPLES))
def test_the_user_guides_valid_examples_pass(configuration: dict[str, Any]) -> None:
    check_triggers(rules_of(configuration, "bucket"))


@pytest.mark.parametrize("configuration", INVALID_EXAMPLES.values(), ids=list(INVALID_EXAMPLES))
def test_the_user_guides_invalid_examples_fail_naming_both_rules(
    configuration: dict[str, Any],
) -> None:
    with pytest.raises(TriggerError) as caught:
        check_triggers(rules_of(configuration, "bucket"))
    message = str(caught.value)
    assert message.startswith("rules 1 (") and " and 2 (" in message
    assert f'("{S3_AMBIGUOUS_MESSAGE}")' in message
    assert "both fire for s3:ObjectCreated:" in message


def test_the_message_names_the_overlap_with_a_key_both_would_fire_for() -> None:
    with pytest.raises(TriggerError) as caught:
        check_triggers(
            [
                Trigger("b", prefix="images/", suffix="jpg", id="thumbs"),
                Trigger(
                    "b", ["s3:ObjectCreated:Put"], prefix="images/2024/", suffix=".jpg", id="y"
                ),
            ]
        )
    assert "both fire for s3:ObjectCreated:Put on a key like 'images/2024/....jpg'" in str(
        caught.value
    )


def test_different_buckets_never_overlap() -> None:
    check_triggers([Trigger("a"), Trigger("b")])


def test_a_trigger_with_no_bucket_meets_every_buckets_rules() -> None:
    with pytest.raises(TriggerError):
        check_triggers([Trigger(None, prefix="in/"), Trigger("b", prefix="in/x")])


def test_anything_but_triggers_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="expected Trigger, got dict"):
        check_triggers([{"Events": ["s3:ObjectCreated:*"]}])  # type: ignore[list-item]


# --- against a brute-force reference ------------------------------------------

EVENTS = [
    "s3:ObjectCreated:*",
    "s3:ObjectCreated:Put",
    "s3:ObjectCreated:Copy",
    "s3:ObjectRemoved:*",
    "s3:ObjectRemoved:Delete",
    "s3:LifecycleTransition",
]
CONCRETE = [
    "ObjectCreated:Put",
    "ObjectCreated:Copy",
    "ObjectCreated:Post",
    "ObjectRemoved:Delete",
    "ObjectRemoved:DeleteMarkerCreated",
    "LifecycleTransition",
]
# Every key over "ab" up to 6 characters: long enough to hold any prefix and
# suffix of up to 3 characters side by side, so a key both rules accept exists
# among them whenever one exists at all.
KEYS = ["".join(chars) for n in range(7) for chars in itertools.product("ab", repeat=n)]


def covers(pattern: str, name: str) -> bool:
    pattern = pattern[3:]
    return pattern == name or (pattern.endswith(":*") and name.startswith(pattern[:-1]))


def accepts(trigger: Trigger, name: str, key: str) -> bool:
    return (
        any(covers(pattern, name) for pattern in trigger.events)
        and key.startswith(trigger.prefix or "")
        and key.endswith(trigger.suffix or "")
    )


def reference_overlap(first: Trigger, second: Trigger) -> bool:
    """Some event and some key that both rules accept, found by trying them all."""
    if first.bucket != second.bucket:
        return False
    return any(
        accepts(first, name, key) and accepts(second, name, key)
        for name in CONCRETE
        for key in KEYS
    )


filters = st.one_of(st.none(), st.text("ab", min_size=1, max_size=3))
triggers = st.builds(
    Trigger,
    st.sampled_from(["b", "b", "c"]),
    st.lists(st.sampled_from(EVENTS), min_size=1, max_size=2),
    prefix=filters,
    suffix=filters,
)


@settings(max_examples=400, deadline=None)
@given(triggers, triggers)
def test_overlap_agrees_with_the_brute_force_reference(first: Trigger, second: Trigger) -> None:
    assert (overlap(first, second) is not None) == reference_overlap(first, second)


@settings(max_examples=200, deadline=None)
@given(st.lists(triggers, min_size=0, max_size=8))
def test_check_triggers_agrees_with_the_brute_force_reference(rules: list[Trigger]) -> None:
    expected = any(reference_overlap(a, b) for a, b in itertools.combinations(rules, 2))
    try:
        check_triggers(rules)
    except TriggerError:
        assert expected
    else:
        assert not expected
