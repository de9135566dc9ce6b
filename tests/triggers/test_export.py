"""export_triggers and notification_configuration: documents other tools accept (cfn-lint)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cfnlint.api import ManualArgs, lint  # pyright: ignore[reportMissingTypeStubs]

from s3types.triggers import (
    Trigger,
    TriggerError,
    export_triggers,
    notification_configuration,
    parse_target,
    sam_template,
)

FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:thumbnails"
QUEUE = "arn:aws:sqs:us-east-1:123456789012:uploads"
TOPIC = "arn:aws:sns:us-east-1:123456789012:uploads"
TRIGGERS = [
    Trigger("photo-uploads", prefix="in/", suffix=".jpg", id="jpg"),
    Trigger("photo-uploads", ["s3:ObjectRemoved:*", "s3:ObjectRestore:Completed"], id="gone"),
]


def cfn_lint(template: str) -> list[str]:
    return [str(match) for match in lint(template, config=ManualArgs(regions=["us-east-1"]))]


@pytest.mark.parametrize("target", [FUNCTION, QUEUE, TOPIC])
def test_cloudformation_passes_cfn_lint(target: str) -> None:
    template = export_triggers(TRIGGERS, "cloudformation", target_arn=target)
    assert cfn_lint(template) == []
    resources = json.loads(template)["Resources"]
    bucket = resources["BucketPhotoUploads"]["Properties"]
    section = next(iter(bucket["NotificationConfiguration"].values()))
    # CloudFormation takes one event per entry: three events, three entries.
    assert [entry["Event"] for entry in section] == [
        "s3:ObjectCreated:*",
        "s3:ObjectRemoved:*",
        "s3:ObjectRestore:Completed",
    ]
    assert section[0]["Filter"] == {
        "S3Key": {
            "Rules": [{"Name": "prefix", "Value": "in/"}, {"Name": "suffix", "Value": ".jpg"}]
        }
    }


def test_cloudformation_for_a_function_has_its_permission_with_source_arn_and_account() -> None:
    resources = json.loads(export_triggers(TRIGGERS, "cloudformation", target_arn=FUNCTION))[
        "Resources"
    ]
    permission = resources["InvokePermissionPhotoUploads"]
    assert permission["Type"] == "AWS::Lambda::Permission"
    assert permission["Properties"] == {
        "FunctionName": FUNCTION,
        "Action": "lambda:InvokeFunction",
        "Principal": "s3.amazonaws.com",
        "SourceArn": "arn:aws:s3:::photo-uploads",
        "SourceAccount": "123456789012",
    }
    assert resources["BucketPhotoUploads"]["DependsOn"] == ["InvokePermissionPhotoUploads"]


def test_sam_passes_cfn_lint_with_s3_events() -> None:
    template = export_triggers(TRIGGERS, "sam", handler="app.on_upload")
    assert cfn_lint(template) == []
    function = json.loads(template)["Resources"]["FunctionAppOnUpload"]["Properties"]
    assert function["Handler"] == "app.on_upload"
    assert [event["Type"] for event in function["Events"].values()] == ["S3", "S3"]
    first = function["Events"]["S3Rule1"]["Properties"]
    assert first["Bucket"] == {"Ref": "BucketPhotoUploads"}
    assert first["Events"] == ["s3:ObjectCreated:*"]


def test_cfn_lint_catches_a_broken_sam_template() -> None:
    # The check above could not pass vacuously: cfn-lint reads SAM events.
    template = sam_template({"app.f": TRIGGERS})
    del template["Resources"]["FunctionAppF"]["Properties"]["Events"]["S3Rule1"]["Properties"][
        "Bucket"
    ]
    assert any(
        "'Bucket' is a required property" in match for match in cfn_lint(json.dumps(template))
    )


def test_sam_with_several_functions_and_buckets() -> None:
    template = sam_template(
        {
            "app.a": [Trigger("one", suffix=".jpg")],
            "app.b": [Trigger("two"), Trigger("one", suffix=".png")],
        }
    )
    assert sorted(template["Resources"]) == [
        "BucketOne",
        "BucketTwo",
        "FunctionAppA",
        "FunctionAppB",
    ]
    assert cfn_lint(json.dumps(template)) == []


def test_terraform_for_a_function() -> None:
    text = export_triggers(TRIGGERS, "terraform", target_arn=FUNCTION)
    assert 'resource "aws_lambda_permission" "s3_photouploads" {' in text
    assert '  source_arn     = "arn:aws:s3:::photo-uploads"' in text
    assert '  source_account = "123456789012"' in text
    assert 'resource "aws_s3_bucket_notification" "photouploads" {' in text
    assert "  lambda_function {" in text
    assert '    events = ["s3:ObjectRemoved:*", "s3:ObjectRestore:Completed"]' in text
    assert '    filter_prefix = "in/"' in text
    assert "  depends_on = [aws_lambda_permission.s3_photouploads]" in text
    assert text.count("{") == text.count("}")


def test_terraform_escapes_what_hcl_would_read_as_a_template() -> None:
    # The filter is URL-encoded (no template characters left); the id is not.
    text = export_triggers(
        [Trigger("b", prefix='${var.x}/%{if}"\\', id='${var.x}/%{if}"\\')],
        "terraform",
        target_arn=QUEUE,
    )
    assert r'id     = "$${var.x}/%%{if}\"\\"' in text
    assert r'filter_prefix = "%24%7Bvar.x%7D/%25%7Bif%7D%22%5C"' in text


def test_json_is_the_notification_configuration() -> None:
    document = json.loads(export_triggers(TRIGGERS, "json", target_arn=QUEUE))
    assert document == notification_configuration(TRIGGERS, QUEUE)
    assert [rule["Id"] for rule in document["QueueConfigurations"]] == ["jpg", "gone"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"format": "sam"}, "needs the function's handler"),
        ({"format": "terraform"}, "needs target_arn"),
        ({"format": "yaml", "target_arn": QUEUE}, "unknown export format 'yaml'"),
    ],
)
def test_export_says_what_is_missing(arguments: dict[str, Any], message: str) -> None:
    with pytest.raises(TriggerError, match=message):
        export_triggers(TRIGGERS, **arguments)


def test_export_refuses_a_trigger_without_bucket_and_overlaps() -> None:
    with pytest.raises(TriggerError, match="names no bucket"):
        export_triggers([Trigger(None)], "cloudformation", target_arn=QUEUE)
    with pytest.raises(TriggerError, match="ambiguously defined"):
        export_triggers([Trigger("b"), Trigger("b", prefix="x")], "terraform", target_arn=QUEUE)


@pytest.mark.parametrize(
    ("arn", "message"),
    [
        ("arn:aws:sqs:us-east-1:123456789012:jobs.fifo", "FIFO queue"),
        ("arn:aws:sns:us-east-1:123456789012:jobs.fifo", "FIFO topic"),
        ("arn:aws:events:us-east-1:123456789012:rule/x", "S3 notifies Lambda functions, SQS"),
        ("arn:aws:lambda:us-east-1:123456789012:layer:x:1", "not a Lambda function ARN"),
        ("uploads", "is not an ARN"),
        # What S3 refuses and this accepted before: every part is checked, the wrong one named.
        ("arn:aws:sqs:::q", "the region is missing"),
        ("arn:aws:sqs:us-east-1::q", "the account is missing"),
        ("arn:aws:sqs:us-east-1:12345:q", "the account '12345' is not 12 digits"),
        ("arn:aws:sqs:useast1:123456789012:q", "'useast1' is not a region"),
        ("arn:amazon:sqs:us-east-1:123456789012:q", "the partition 'amazon'"),
        ("arn:aws:lambda:us-east-1:123456789012:function:", "not a Lambda function ARN"),
        ("arn:aws:lambda:us-east-1:123456789012:function:f:", "not a Lambda function ARN"),
        ("arn:aws:sqs:us-east-1:123456789012:q/extra", "'q/extra' is not an SQS queue name"),
        ("arn:aws:sqs:us-east-1:123456789012:q ", "'q ' is not an SQS queue name"),
        ("arn:aws:sns:us-east-1:123456789012:", "'' is not an SNS topic name"),
    ],
)
def test_targets_s3_cannot_notify_are_refused(arn: str, message: str) -> None:
    with pytest.raises(TriggerError, match=message):
        notification_configuration(TRIGGERS, arn)


def test_targets_by_kind() -> None:
    assert parse_target(FUNCTION + ":live").name == "thumbnails"
    assert parse_target(FUNCTION + ":7").name == "thumbnails"
    assert parse_target(FUNCTION + ":$LATEST").name == "thumbnails"
    assert parse_target("arn:aws-cn:sqs:cn-north-1:123456789012:q").partition == "aws-cn"
    assert parse_target("arn:aws-us-gov:sns:us-gov-west-1:123456789012:t").region == "us-gov-west-1"
    assert list(notification_configuration(TRIGGERS, FUNCTION)) == ["LambdaFunctionConfigurations"]
    assert list(notification_configuration(TRIGGERS, TOPIC)) == ["TopicConfigurations"]
    assert (
        notification_configuration(TRIGGERS, TOPIC).get("TopicConfigurations", [])[0]["TopicArn"]
        == TOPIC
    )


def test_notification_configuration_refuses_two_buckets_and_duplicate_ids() -> None:
    with pytest.raises(TriggerError, match="several buckets"):
        notification_configuration([Trigger("a"), Trigger("b")], QUEUE)
    with pytest.raises(TriggerError, match="two triggers have the id 'x'"):
        notification_configuration(
            [Trigger("a", id="x"), Trigger("a", ["ObjectRemoved:*"], id="x")], QUEUE
        )
