"""The demo's setup removes what it made when a step fails."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest

from s3types._cli.demo.setup import DemoSetupError, prepare, tear_down

if TYPE_CHECKING:
    from s3types.testing import LocalS3Server


def test_a_refused_notification_leaves_no_bucket_and_no_queue(s3_server: LocalS3Server) -> None:
    # S3 refuses to notify a queue in another region than the bucket's.
    s3 = s3_server.s3_client(region="eu-west-1")
    sqs = s3_server.sqs_client(region="us-east-1")
    bucket = f"setup-{uuid.uuid4().hex[:12]}"
    queues_before = set(sqs.list_queues().get("QueueUrls", []))

    with pytest.raises(DemoSetupError, match="could not configure the bucket notification"):
        prepare(s3, sqs, bucket, "eu-west-1", ("incoming/", "derived/"))

    assert bucket not in [b["Name"] for b in s3.list_buckets()["Buckets"]]
    assert set(sqs.list_queues().get("QueueUrls", [])) == queues_before


def test_the_demo_applies_its_trigger_keeping_the_buckets_rules_and_puts_them_back(
    s3_server: LocalS3Server,
) -> None:
    s3 = s3_server.s3_client()
    sqs = s3_server.sqs_client()
    bucket = f"setup-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=bucket)
    other = sqs.create_queue(QueueName=f"other-{uuid.uuid4().hex[:12]}")["QueueUrl"]
    other_arn = sqs.get_queue_attributes(QueueUrl=other, AttributeNames=["QueueArn"])
    foreign = {
        "QueueConfigurations": [
            {
                "Id": "other-tool",
                "QueueArn": other_arn["Attributes"]["QueueArn"],
                "Events": ["s3:ObjectCreated:*"],
                "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "logs/"}]}},
            }
        ]
    }
    s3.put_bucket_notification_configuration(Bucket=bucket, NotificationConfiguration=foreign)  # type: ignore[arg-type]
    resources = prepare(s3, sqs, bucket, "us-east-1", ("incoming/", "derived/"))
    rules = s3.get_bucket_notification_configuration(Bucket=bucket)["QueueConfigurations"]
    assert [rule.get("Id") for rule in rules] == ["other-tool", "s3types-demo"]
    tear_down(s3, sqs, resources, ("incoming/", "derived/"))
    after = dict(s3.get_bucket_notification_configuration(Bucket=bucket))
    after.pop("ResponseMetadata", None)
    assert after == foreign
