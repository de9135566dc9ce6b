"""Filters are written URL-encoded and matched as S3 matches them: encoded filter, encoded key.

The S3 User Guide ("Configuring event notifications using object key name
filtering"): a space in a prefix or suffix is written "+", any other special
character URL-encoded; S3 compares the value with the key as the event
carries it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from s3types import parse_event
from s3types.testing import encode_key, make_event
from s3types.triggers import (
    Trigger,
    TriggerError,
    check_triggers,
    export_triggers,
    notification_configuration,
    parse_target,
)
from s3types.triggers._merge import merge_configuration
from s3types.triggers._overlap import overlap
from tests.triggers.test_export import cfn_lint

QUEUE = "arn:aws:sqs:us-east-1:123456789012:uploads"
# (decoded, as S3 stores and compares it)
CASES = [
    ("my photos/", "my+photos/"),
    ("c++/", "c%2B%2B/"),
    ("100%/", "100%25/"),
    ("k=v/", "k%3Dv/"),
    ("a&b/", "a%26b/"),
    ("ä/", "%C3%A4/"),
    ("(x)/", "%28x%29/"),
    ("in/sub/", "in/sub/"),
]


def filter_rules(rule: dict[str, Any]) -> list[dict[str, str]]:
    rules: list[dict[str, str]] = rule["Filter"]["Key"]["FilterRules"]
    return rules


def record_for(key: str, bucket: str = "b") -> Any:
    return parse_event(make_event("ObjectCreated:Put", bucket=bucket, key=key)).records[0]


@pytest.mark.parametrize(("decoded", "encoded"), CASES)
def test_the_configuration_document_carries_encoded_filters(decoded: str, encoded: str) -> None:
    document = notification_configuration(
        [Trigger("b", prefix=decoded, suffix=" " + decoded.rstrip("/"), id="r")], QUEUE
    )
    assert filter_rules(dict(document["QueueConfigurations"][0])) == [
        {"Name": "prefix", "Value": encoded},
        {"Name": "suffix", "Value": "+" + encoded.rstrip("/")},
    ]


def test_the_user_guides_example_a_space_is_a_plus() -> None:
    document = notification_configuration(
        [Trigger("b", prefix="my photos/", suffix=".jpg", id="r")], QUEUE
    )
    assert filter_rules(dict(document["QueueConfigurations"][0])) == [
        {"Name": "prefix", "Value": "my+photos/"},
        {"Name": "suffix", "Value": ".jpg"},
    ]


@pytest.mark.parametrize(("decoded", "encoded"), CASES)
def test_from_rule_decodes_what_s3_returns(decoded: str, encoded: str) -> None:
    rule = {
        "Id": "r",
        "Events": ["s3:ObjectCreated:*"],
        "Filter": {
            "Key": {
                "FilterRules": [
                    {"Name": "Prefix", "Value": encoded},
                    {"Name": "Suffix", "Value": encoded.rstrip("/")},
                ]
            }
        },
    }
    trigger = Trigger.from_rule(rule, "b")
    assert (trigger.prefix, trigger.suffix) == (decoded, decoded.rstrip("/"))
    assert (trigger.encoded_prefix, trigger.encoded_suffix) == (encoded, encoded.rstrip("/"))


def test_a_merge_over_what_was_written_keeps_every_rule() -> None:
    target = parse_target(QUEUE)
    triggers = tuple(
        Trigger("b", prefix=decoded, suffix=".jpg", owner="app:f") for decoded, _ in CASES
    )
    written = merge_configuration({}, triggers, target, "b").configuration
    again = merge_configuration(json.loads(json.dumps(written)), triggers, target, "b")
    assert (again.added, again.replaced, again.removed) == ((), (), ())
    assert again.kept == triggers
    assert again.configuration == written


def test_a_merge_replaces_our_rule_written_in_another_encoding() -> None:
    # "my%20photos/" decodes to "my photos/" too, but S3 compares it with the
    # encoded key "my+photos/...": it never fires, so it is not ours as it is.
    target = parse_target(QUEUE)
    ours = Trigger("b", prefix="my photos/", id="r")
    existing = {
        "QueueConfigurations": [
            {
                "Id": "r",
                "QueueArn": QUEUE,
                "Events": ["s3:ObjectCreated:*"],
                "Filter": {"Key": {"FilterRules": [{"Name": "Prefix", "Value": "my%20photos/"}]}},
            }
        ]
    }
    merge = merge_configuration(existing, (ours,), target, "b")
    assert merge.replaced == (ours,)
    rule = merge.configuration["QueueConfigurations"][0]
    assert filter_rules(rule) == [{"Name": "prefix", "Value": "my+photos/"}]


def test_cloudformation_and_sam_carry_encoded_filters() -> None:
    # One template for three triggers: cfn-lint takes about a second a template.
    cases = CASES[:3]
    triggers = [
        Trigger("photo-uploads", prefix=decoded, suffix=" 1.jpg", id=f"r{index}")
        for index, (decoded, _) in enumerate(cases)
    ]
    expected = [
        [{"Name": "prefix", "Value": encoded}, {"Name": "suffix", "Value": "+1.jpg"}]
        for _, encoded in cases
    ]
    template = export_triggers(triggers, "cloudformation", target_arn=QUEUE)
    assert cfn_lint(template) == []
    bucket = json.loads(template)["Resources"]["BucketPhotoUploads"]["Properties"]
    entries = bucket["NotificationConfiguration"]["QueueConfigurations"]
    assert [entry["Filter"]["S3Key"]["Rules"] for entry in entries] == expected
    sam = export_triggers(triggers, "sam", handler="app.on_upload")
    assert cfn_lint(sam) == []
    events = json.loads(sam)["Resources"]["FunctionAppOnUpload"]["Properties"]["Events"]
    assert [event["Properties"]["Filter"]["S3Key"]["Rules"] for event in events.values()] == (
        expected
    )


def test_terraform_carries_encoded_filters() -> None:
    text = export_triggers(
        [Trigger("b", prefix="my photos/", suffix="+ä", id="r")], "terraform", target_arn=QUEUE
    )
    assert '    filter_prefix = "my+photos/"' in text
    assert '    filter_suffix = "%2B%C3%A4"' in text


def test_a_suffix_matches_the_tail_of_an_escape_as_on_s3() -> None:
    # The key "a+" is "a%2B" in the event; S3's suffix "2B" ends it.
    trigger = Trigger("b", suffix="2B")
    assert trigger.matches(record_for("a+"))
    assert trigger.fires_on("b", "a+", "ObjectCreated:Put")
    assert trigger.mismatch(record_for("a+")) is None
    assert trigger.matches(record_for("x2B"))
    assert not trigger.matches(record_for("a,"))  # "a%2C"
    assert trigger.mismatch(record_for("a,")) == "key 'a,' does not end with suffix '2B'"
    # "B" ends "a%2B" too; "%2B" (the suffix "+") only the keys ending "+".
    assert Trigger("b", suffix="B").matches(record_for("a+"))
    assert not Trigger("b", suffix="+").matches(record_for("a2B"))


def test_suffixes_that_overlap_only_encoded_are_refused() -> None:
    # S3's strings "2B" and "%2B" overlap: one ends the other.
    two_b, plus = Trigger("b", suffix="2B", id="two-b"), Trigger("b", suffix="+", id="plus")
    assert overlap(two_b, plus) is not None
    with pytest.raises(TriggerError, match=r"rules two-b .* and plus .* overlap"):
        check_triggers([two_b, plus])
    check_triggers([Trigger("b", suffix="2C", id="two-c"), plus])


_TEXT = st.text(alphabet="ab/ +%=&ä(2BF.😀", max_size=6)


@settings(max_examples=300, deadline=None)
@given(key=_TEXT.filter(bool), prefix=_TEXT, suffix=_TEXT)
def test_matches_is_s3s_comparison_of_encoded_strings(key: str, prefix: str, suffix: str) -> None:
    encoded = encode_key(key)
    expected = encoded.startswith(encode_key(prefix)) and encoded.endswith(encode_key(suffix))
    trigger = Trigger("b", prefix=prefix, suffix=suffix)
    assert trigger.matches(record_for(key)) is expected
    assert trigger.fires_on("b", key, "s3:ObjectCreated:Put") is expected
    assert (trigger.mismatch(record_for(key)) is None) is expected


def rule_with(prefix: str | None = None, suffix: str | None = None, rule_id: str = "r") -> Any:
    rules = [{"Name": n, "Value": v} for n, v in (("Prefix", prefix), ("Suffix", suffix)) if v]
    return {
        "Id": rule_id,
        "Events": ["s3:ObjectCreated:*"],
        "Filter": {"Key": {"FilterRules": rules}},
    }


def test_a_rule_written_in_another_encoding_is_compared_as_written() -> None:
    # The console takes what it is given: "my%20photos/" is not the encoded
    # form of any key S3 sends ("my photos/x" is "my+photos/x"), so it never fires.
    spaces = Trigger.from_rule(rule_with(prefix="my%20photos/"), "b")
    assert (spaces.prefix, spaces.encoded_prefix) == ("my photos/", "my%20photos/")
    assert not spaces.matches(record_for("my photos/x"))
    assert spaces.mismatch(record_for("my photos/x")) == (
        "key 'my photos/x' does not start with prefix 'my photos/'"
    )
    lower = Trigger.from_rule(rule_with(suffix="%c3%a4"), "b")
    assert lower.suffix == "ä" and not lower.matches(record_for("xä"))
    assert lower.mismatch(record_for("xä")) == "key 'xä' does not end with suffix 'ä'"
    literal = Trigger.from_rule(rule_with(prefix="100%/"), "b")  # not an escape: kept
    assert literal.prefix == "100%/" and not literal.matches(record_for("100%/x"))
    assert Trigger.from_rule(rule_with(prefix="100%25/"), "b").matches(record_for("100%/x"))


def test_the_overlap_rule_compares_a_read_back_rule_as_written() -> None:
    # S3 compares "%2b" and "%2B" as strings: they do not overlap.
    theirs = Trigger.from_rule(rule_with(suffix="%2b", rule_id="theirs"), "b")
    ours = Trigger("b", suffix="+", id="ours")
    check_triggers([theirs, ours])
    canonical = Trigger.from_rule(rule_with(suffix="%2B", rule_id="theirs"), "b")
    with pytest.raises(TriggerError, match="overlap"):
        check_triggers([canonical, ours])


_WRITTEN = st.text(alphabet="ab/+%2BFc.", max_size=6)


@settings(max_examples=200, deadline=None)
@given(key=_TEXT.filter(bool), prefix=_WRITTEN, suffix=_WRITTEN)
def test_a_read_back_rule_matches_as_s3_compares_what_is_written(
    key: str, prefix: str, suffix: str
) -> None:
    encoded = encode_key(key)
    expected = encoded.startswith(prefix) and encoded.endswith(suffix)
    trigger = Trigger.from_rule(rule_with(prefix=prefix, suffix=suffix), "b")
    assert trigger.matches(record_for(key)) is expected
    assert (trigger.mismatch(record_for(key)) is None) is expected
