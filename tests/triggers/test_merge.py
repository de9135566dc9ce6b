"""merge_configuration: ours merged by id, everything else kept exactly (a pure function)."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from s3types.triggers import Trigger
from s3types.triggers._configuration import parse_target
from s3types.triggers._merge import merge_configuration

TARGET = parse_target("arn:aws:sqs:us-east-1:123456789012:ours")
OTHER_QUEUE = "arn:aws:sqs:us-east-1:123456789012:theirs"
TOPIC = "arn:aws:sns:us-east-1:123456789012:topic"

_REQUIRED: dict[str, st.SearchStrategy[Any]] = {
    "Id": st.text("abcxyz-", min_size=1, max_size=8).map(lambda s: "other-" + s),
    "Events": st.lists(
        st.sampled_from(["s3:ObjectRemoved:*", "s3:ObjectRestore:*"]), min_size=1, max_size=2
    ),
}
_OPTIONAL: dict[str, st.SearchStrategy[Any]] = {
    "Filter": st.just({"Key": {"FilterRules": [{"Name": "Prefix", "Value": "x/"}]}})
}


def _rule_id(rule: dict[str, Any]) -> str:
    return str(rule["Id"])


foreign_rules: st.SearchStrategy[list[dict[str, Any]]] = st.lists(
    st.fixed_dictionaries(_REQUIRED, optional=_OPTIONAL), max_size=4, unique_by=_rule_id
)
our_triggers = st.lists(
    st.builds(
        Trigger,
        st.just("b"),
        st.just(["s3:ObjectCreated:*"]),
        prefix=st.sampled_from([None, "in/", "up/", "x/"]),
        id=st.sampled_from([None, "one", "two"]),
    ),
    max_size=3,
    unique_by=lambda trigger: trigger.rule_id,
)


def configuration(queues: list[dict[str, Any]], topics: list[dict[str, Any]]) -> dict[str, Any]:
    made: dict[str, Any] = {"EventBridgeConfiguration": {}}
    if queues:
        made["QueueConfigurations"] = [{**rule, "QueueArn": OTHER_QUEUE} for rule in queues]
    if topics:
        made["TopicConfigurations"] = [{**rule, "TopicArn": TOPIC} for rule in topics]
    return made


@settings(max_examples=200, deadline=None)
@given(foreign_rules, foreign_rules, our_triggers)
def test_foreign_rules_are_kept_exactly_and_a_second_merge_changes_nothing(
    queues: list[dict[str, Any]], topics: list[dict[str, Any]], triggers: list[Trigger]
) -> None:
    existing = configuration(queues, topics)
    frozen = copy.deepcopy(existing)
    first = merge_configuration(existing, tuple(triggers), TARGET, "b")
    assert existing == frozen  # the input is not touched
    result = first.configuration
    assert json.dumps(result["EventBridgeConfiguration"]) == "{}"
    assert json.dumps(result.get("TopicConfigurations", [])) == json.dumps(
        existing.get("TopicConfigurations", [])
    )
    theirs = [r for r in result.get("QueueConfigurations", []) if r["QueueArn"] == OTHER_QUEUE]
    assert json.dumps(theirs) == json.dumps(existing.get("QueueConfigurations", []))
    ours = [r for r in result.get("QueueConfigurations", []) if r["QueueArn"] == TARGET.arn]
    assert [r["Id"] for r in ours] == [t.rule_id for t in triggers]
    assert [t.rule_id for t in first.added] == [t.rule_id for t in triggers]
    second = merge_configuration(result, tuple(triggers), TARGET, "b")
    assert (second.added, second.replaced, second.removed) == ((), (), ())
    assert json.dumps(second.configuration) == json.dumps(result)


def test_a_rule_moved_to_another_kind_of_target_is_replaced_not_removed() -> None:
    existing = {
        "TopicConfigurations": [
            {"Id": "one", "TopicArn": TOPIC, "Events": ["s3:ObjectCreated:*"]},
        ]
    }
    merge = merge_configuration(existing, (Trigger("b", id="one"),), TARGET, "b")
    assert [t.id for t in merge.replaced] == ["one"]
    assert (merge.added, merge.removed) == ((), ())
    assert merge.configuration["TopicConfigurations"] == []
    assert [r["Id"] for r in merge.configuration["QueueConfigurations"]] == ["one"]


def test_an_s3_returned_filter_with_capitalised_names_is_the_same_rule() -> None:
    trigger = Trigger("b", prefix="in/", id="one")
    existing = {
        "QueueConfigurations": [
            {
                "Id": "one",
                "QueueArn": TARGET.arn,
                "Events": ["s3:ObjectCreated:*"],
                "Filter": {"Key": {"FilterRules": [{"Name": "Prefix", "Value": "in/"}]}},
            }
        ]
    }
    merge = merge_configuration(existing, (trigger,), TARGET, "b")
    assert [t.id for t in merge.kept] == ["one"] and merge.replaced == ()
