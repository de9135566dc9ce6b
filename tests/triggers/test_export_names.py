"""Exports keep every bucket and function whatever their names, and say when a bucket exists."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from s3types.testing.strategies import bucket_names
from s3types.triggers import Trigger, TriggerError, export_triggers, sam_template
from s3types.triggers._logical_ids import CFN_LOGICAL_ID, TERRAFORM_NAME, cfn_stems, terraform_names
from tests.triggers.test_export import FUNCTION, QUEUE, cfn_lint

# Names built to collide once the characters an id cannot hold are dropped.
COLLIDING = ["a.bc", "a-bc", "abc", "1-photos", "1photos", "1.photos", "photos"]


def _bucket_rules(template: str) -> dict[str, list[str]]:
    """Per bucket name in a CloudFormation template, the prefixes of its notification entries."""
    found: dict[str, list[str]] = {}
    for resource in json.loads(template)["Resources"].values():
        if resource["Type"] == "AWS::S3::Bucket":
            properties = resource["Properties"]
            entries = next(iter(properties.get("NotificationConfiguration", {"_": []}).values()))
            found[properties["BucketName"]] = [
                entry["Filter"]["S3Key"]["Rules"][0]["Value"] for entry in entries
            ]
    return found


@pytest.mark.parametrize("target", [FUNCTION, QUEUE])
def test_cloudformation_keeps_buckets_whose_names_collide(target: str) -> None:
    triggers = [Trigger(name, prefix=f"{name}/") for name in COLLIDING]
    template = export_triggers(triggers, "cloudformation", target_arn=target)
    assert _bucket_rules(template) == {name: [f"{name}/"] for name in COLLIDING}
    resources = json.loads(template)["Resources"]
    assert len(resources) == len(COLLIDING) * (2 if target == FUNCTION else 1)
    # A name that collides with no other keeps the id it always had.
    assert resources["BucketPhotos"]["Properties"]["BucketName"] == "photos"
    assert cfn_lint(template) == []


def test_sam_keeps_functions_whose_handlers_collide() -> None:
    functions = {
        "a_b.handler": [Trigger("photo-uploads", prefix="x/")],
        "a.b.handler": [Trigger("photo-uploads", prefix="y/")],
        "a.b_handler": [Trigger("a.b", prefix="z/")],
        "a.b.handler2": [Trigger("a-b", prefix="z/")],
    }
    template = export_triggers([], "sam", functions=functions)
    resources = json.loads(template)["Resources"]
    handlers = sorted(
        r["Properties"]["Handler"]
        for r in resources.values()
        if r["Type"] == "AWS::Serverless::Function"
    )
    assert handlers == sorted(functions)
    buckets = sorted(
        r["Properties"]["BucketName"] for r in resources.values() if r["Type"] == "AWS::S3::Bucket"
    )
    assert buckets == ["a-b", "a.b", "photo-uploads"]
    assert cfn_lint(template) == []


def test_terraform_names_are_distinct_and_never_start_with_a_digit() -> None:
    triggers = [Trigger(name, prefix="in/") for name in COLLIDING]
    text = export_triggers(triggers, "terraform", target_arn=FUNCTION)
    for kind in ("aws_s3_bucket_notification", "aws_lambda_permission"):
        names = re.findall(rf'resource "{kind}" "([^"]+)"', text)
        assert len(names) == len(set(names)) == len(COLLIDING)
        assert all(TERRAFORM_NAME.fullmatch(name) for name in names), names
    assert 'resource "aws_s3_bucket_notification" "photos"' in text  # no collision: as before


_COLLIDING_SETS = st.lists(
    st.one_of(bucket_names(), st.sampled_from(COLLIDING)), min_size=1, max_size=12, unique=True
).map(lambda names: [*names, *(n.replace(".", "-") for n in names if "." in n)])


@settings(max_examples=150)
@given(_COLLIDING_SETS)
def test_any_distinct_bucket_names_give_distinct_valid_ids(names: list[str]) -> None:
    names = list(dict.fromkeys(names))
    for stems in (cfn_stems(names), cfn_stems(f"{n}.handler" for n in names)):
        ids = [f"InvokePermission{stem}" for stem in stems.values()]
        assert len(set(ids)) == len(ids)
        assert all(CFN_LOGICAL_ID.fullmatch(i) for i in ids)
    tf = terraform_names(names)
    assert len(set(tf.values())) == len(names)
    assert all(TERRAFORM_NAME.fullmatch(name) for name in tf.values())
    assert cfn_stems(reversed(names)) == cfn_stems(names)  # stable: order does not matter


def test_an_existing_bucket_is_marked_for_import_not_created() -> None:
    template = export_triggers(
        [Trigger("photo-uploads", prefix="in/")],
        "cloudformation",
        target_arn=QUEUE,
        existing_buckets=["photo-uploads"],
    )
    bucket = json.loads(template)["Resources"]["BucketPhotoUploads"]
    assert (bucket["DeletionPolicy"], bucket["UpdateReplacePolicy"]) == ("Retain", "Retain")
    assert "CloudFormation cannot create it; import it" in bucket["Metadata"]["s3types"]
    assert cfn_lint(template) == []
    sam = sam_template({"app.f": [Trigger("photo-uploads")]}, existing_buckets=["photo-uploads"])
    assert sam["Resources"]["BucketPhotoUploads"]["DeletionPolicy"] == "Retain"


def test_sam_refuses_a_queue_as_target() -> None:
    with pytest.raises(TriggerError, match="is not a Lambda function; a SAM template"):
        export_triggers([Trigger("photo-uploads")], "sam", target_arn=QUEUE, handler="app.f")
    assert "AWS::Serverless::Function" in export_triggers(
        [Trigger("photo-uploads")], "sam", target_arn=FUNCTION, handler="app.f"
    )
