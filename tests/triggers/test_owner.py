"""Rule owners: an apply removes only the stale rules of its own owner, never another function's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from s3types.triggers import Trigger, TriggerError, apply_triggers, owner_of
from s3types.triggers._configuration import parse_target, rule_document, rules_of
from s3types.triggers._merge import merge_configuration
from s3types.triggers._overlap import check_triggers
from s3types.triggers._owner import may_remove, owner_tag

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

QUEUE = "arn:aws:sqs:us-east-1:123456789012:media"
TARGET = parse_target(QUEUE)


def _written(*triggers: Trigger) -> dict[str, Any]:
    return {"QueueConfigurations": [rule_document(t, TARGET) for t in triggers]}


def test_another_owners_rule_on_the_same_target_is_kept() -> None:
    images = Trigger("shared", prefix="images/", owner="app:images")
    videos = Trigger("shared", prefix="videos/", owner="app:videos")
    merge = merge_configuration(_written(images), (videos,), TARGET, "shared")
    assert merge.removed == ()
    assert [t.prefix for t in merge.kept] == ["images/"]
    assert [r["Id"] for r in merge.configuration["QueueConfigurations"]] == [
        images.rule_id,
        videos.rule_id,
    ]


def test_a_stale_rule_of_the_same_owner_is_removed() -> None:
    old = Trigger("shared", prefix="images/", owner="app:images")
    new = Trigger("shared", prefix="images/v2/", owner="app:images")
    merge = merge_configuration(_written(old), (new,), TARGET, "shared")
    assert [t.prefix for t in merge.removed] == ["images/"]
    assert [t.prefix for t in merge.added] == ["images/v2/"]


def test_a_stale_rule_of_the_owner_on_another_target_is_kept() -> None:
    other = parse_target("arn:aws:sqs:us-east-1:123456789012:other")
    old = Trigger("shared", prefix="images/", owner="app:images")
    existing = {"QueueConfigurations": [rule_document(old, other)]}
    new = Trigger("shared", prefix="pictures/", owner="app:images")
    assert merge_configuration(existing, (new,), TARGET, "shared").removed == ()


def test_without_an_owner_nothing_is_removed() -> None:
    old = Trigger("shared", prefix="images/")
    merge = merge_configuration(_written(old), (Trigger("shared", prefix="x/"),), TARGET, "shared")
    assert merge.removed == ()


def test_an_id_chosen_by_hand_is_never_removed() -> None:
    mine = Trigger("shared", prefix="images/", id="images")
    new = Trigger("shared", prefix="videos/", owner="app:images")
    assert merge_configuration(_written(mine), (new,), TARGET, "shared").removed == ()


def test_an_ownerless_rule_of_the_previous_format_is_never_removed_by_an_owned_apply() -> None:
    # What apply_triggers wrote before owners: "s3types-" and 16 hex digits.
    legacy = Trigger("shared", prefix="images/")
    assert re.fullmatch(r"s3types-[0-9a-f]{16}", legacy.rule_id)
    other = Trigger("shared", prefix="videos/", owner="app:videos")
    merge = merge_configuration(_written(legacy), (other,), TARGET, "shared")
    assert merge.removed == ()
    assert legacy.rule_id in [r["Id"] for r in merge.configuration["QueueConfigurations"]]


def test_the_same_rule_of_the_previous_format_is_taken_over_not_duplicated() -> None:
    legacy = Trigger("shared", prefix="images/")
    owned = legacy.replace(owner="app:images")
    merge = merge_configuration(_written(legacy), (owned,), TARGET, "shared")
    assert (merge.added, merge.removed) == ((), ())
    assert [t.rule_id for t in merge.replaced] == [owned.rule_id]
    assert [r["Id"] for r in merge.configuration["QueueConfigurations"]] == [owned.rule_id]
    check_triggers(rules_of(merge.configuration, "shared"))  # no overlap with its old self
    again = merge_configuration(merge.configuration, (owned,), TARGET, "shared")
    assert (again.added, again.replaced, again.removed) == ((), (), ())


@given(st.text(min_size=1), st.text(min_size=1))
def test_derived_ids_carry_the_owner_and_fit_s3(first: str, second: str) -> None:
    one = Trigger("shared", prefix="p/", owner=first).rule_id
    assert re.fullmatch(r"s3types-[0-9a-f]{8}-[0-9a-f]{16}", one)
    assert may_remove(one, [first])
    assert may_remove(one, [second]) == (owner_tag(first) == owner_tag(second))


def test_owner_of_a_decorated_handler_is_its_module_and_qualname() -> None:
    from tests.cli import shared_target_handlers

    assert owner_of(shared_target_handlers.images) == "tests.cli.shared_target_handlers:images"
    with pytest.raises(TriggerError, match="owner must be a non-empty string"):
        Trigger("shared", owner="")


@pytest.mark.server
def test_two_functions_sharing_a_queue_keep_each_others_rule(
    s3: S3Client, bucket: str, queue: tuple[str, str]
) -> None:
    first = apply_triggers(s3, [Trigger(bucket, prefix="images/")], queue[1], owner="app:images")
    second = apply_triggers(s3, [Trigger(bucket, prefix="videos/")], queue[1], owner="app:videos")
    assert [t.prefix for t in first.added] == ["images/"]
    assert (second.removed, [t.prefix for t in second.added]) == ((), ["videos/"])
    document = s3.get_bucket_notification_configuration(Bucket=bucket)
    prefixes = {
        rule["Filter"]["Key"]["FilterRules"][0]["Value"]
        for rule in document.get("QueueConfigurations", [])
    }
    assert prefixes == {"images/", "videos/"}
