"""apply_triggers on moto's server: what S3 notifies is exactly what Trigger.matches accepts."""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING, Any

import pytest

from s3types import parse_event
from s3types.testing import make_event
from s3types.triggers import S3_AMBIGUOUS_MESSAGE, Trigger, TriggerError, apply_triggers
from tests.triggers.conftest import client, unique

if TYPE_CHECKING:
    from mypy_boto3_lambda import LambdaClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sns import SNSClient
    from mypy_boto3_sqs import SQSClient

    from s3types.testing._server import LocalS3Server

pytestmark = pytest.mark.server

# Keys that are hard for a filter: encodings S3 applies in events (space as
# "+", "%"), a literal "+" and "%", unicode, and prefixes and suffixes that
# miss by one character at either edge.
_PREFIXES = ["in/", "in", "in/sub/", "IN/", "x/in/", "", "ünï/", "ünï", "in /", "in+/", "in%2F"]
_MIDDLES = ["a", "a b", "a+b", "100%", "%41", "é", "😀", "a/b", " ", "+", "in/"]
_SUFFIXES = [".jpg", ".JPG", ".jpg ", "jpg", ".jpg.png", ".png", "", "+.jpg", "%2Ejpg", ".pn"]


def hard_keys(count: int) -> list[str]:
    """``count`` distinct keys drawn (with a fixed seed) from every combination of the parts."""
    every = sorted({p + m + s for p in _PREFIXES for m in _MIDDLES for s in _SUFFIXES})
    return random.Random(12).sample(every, count)


def notified_records(sqs: SQSClient, queue_url: str) -> list[Any]:
    """Every S3 record the queue holds (the s3:TestEvent skipped), read through parse_event."""
    records: list[Any] = []
    while True:
        messages = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get(
            "Messages", []
        )
        if not messages:
            return records
        for message in messages:
            records.extend(parse_event(message.get("Body", "")).records)
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message.get("ReceiptHandle", ""))


def configuration(s3: S3Client, bucket: str) -> dict[str, Any]:
    response: dict[str, Any] = dict(s3.get_bucket_notification_configuration(Bucket=bucket))
    response.pop("ResponseMetadata", None)
    return response


def test_moto_notifies_exactly_the_keys_trigger_matches_accepts(
    s3: S3Client, sqs: SQSClient, bucket: str, queue: tuple[str, str]
) -> None:
    # Filters of safe characters only (their encoded form is themselves):
    # moto compares a filter with the decoded key, AWS with the encoded one
    # (see test_moto_compares_filters_with_the_decoded_key). The keys are hard.
    queue_url, queue_arn = queue
    triggers = [
        Trigger(bucket, prefix="in/", suffix=".jpg", id="jpg"),
        Trigger(bucket, ["s3:ObjectCreated:Put"], prefix="x/in", id="nested"),
    ]
    plan = apply_triggers(s3, triggers, queue_arn)
    assert plan.changed
    assert [t.id for t in plan.added] == ["jpg", "nested"]
    notified_records(sqs, queue_url)  # drop the s3:TestEvent
    keys = hard_keys(240)
    for key in keys:
        s3.put_object(Bucket=bucket, Key=key, Body=b"x")
    notified = notified_records(sqs, queue_url)
    expected = {
        key
        for key in keys
        for record in parse_event(make_event("ObjectCreated:Put", bucket=bucket, key=key)).records
        if any(trigger.matches(record) for trigger in triggers)
    }
    assert 20 < len(expected) < len(keys)  # the sample has both kinds
    assert sorted(record.key for record in notified) == sorted(expected)
    assert all(any(t.matches(record) for t in triggers) for record in notified)


def foreign_configuration(s3_server: LocalS3Server, sqs: SQSClient) -> dict[str, Any]:
    """Rules of other tools: a topic, a queue under logs/, and the EventBridge setting."""
    sns: SNSClient = client(s3_server, "sns")
    topic_arn = sns.create_topic(Name=unique("topic"))["TopicArn"]
    other_url = sqs.create_queue(QueueName=unique("other"))["QueueUrl"]
    other_arn = sqs.get_queue_attributes(QueueUrl=other_url, AttributeNames=["QueueArn"])
    return {
        "TopicConfigurations": [
            {"Id": "other-tool", "TopicArn": topic_arn, "Events": ["s3:ObjectRemoved:*"]}
        ],
        "QueueConfigurations": [
            {
                "Id": "logs",
                "QueueArn": other_arn["Attributes"]["QueueArn"],
                "Events": ["s3:ObjectCreated:*"],
                "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "logs/"}]}},
            }
        ],
        "EventBridgeConfiguration": {},
    }


def test_foreign_rules_are_kept_byte_for_byte_and_a_second_apply_changes_nothing(
    s3_server: LocalS3Server, s3: S3Client, sqs: SQSClient, bucket: str, queue: tuple[str, str]
) -> None:
    s3.put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration=foreign_configuration(s3_server, sqs),  # type: ignore[arg-type]
    )
    before = configuration(s3, bucket)
    triggers = [Trigger(bucket, prefix="uploads/")]
    first = apply_triggers(s3, triggers, queue[1])
    after = configuration(s3, bucket)
    assert first.changed
    assert sorted(str(t.id) for t in first.kept) == ["logs", "other-tool"]
    for section, rules in before.items():
        kept = [rule for rule in after[section] if rule.get("Id") in ("other-tool", "logs")]
        if section == "EventBridgeConfiguration":
            assert json.dumps(after[section]) == json.dumps(rules)
        else:
            assert json.dumps(kept) == json.dumps(rules)
    second = apply_triggers(s3, triggers, queue[1])
    assert not second.changed
    assert (second.added, second.replaced, second.removed) == ((), (), ())
    assert "no changes" in str(second)
    assert json.dumps(configuration(s3, bucket)) == json.dumps(after)


def test_an_overlap_with_a_foreign_rule_is_refused_before_any_write(
    s3_server: LocalS3Server, s3: S3Client, sqs: SQSClient, bucket: str, queue: tuple[str, str]
) -> None:
    s3.put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration=foreign_configuration(s3_server, sqs),  # type: ignore[arg-type]
    )
    before = configuration(s3, bucket)
    with pytest.raises(TriggerError) as caught:
        apply_triggers(s3, [Trigger(bucket, prefix="logs/2024/", id="mine")], queue[1])
    message = str(caught.value)
    assert S3_AMBIGUOUS_MESSAGE in message
    assert "logs (" in message and "mine (" in message
    assert json.dumps(configuration(s3, bucket)) == json.dumps(before)


def test_a_rule_we_no_longer_declare_is_removed_and_a_changed_one_replaced(
    s3: S3Client, bucket: str, queue: tuple[str, str]
) -> None:
    apply_triggers(
        s3,
        [Trigger(bucket, prefix="a/"), Trigger(bucket, prefix="b/", id="b")],
        queue[1],
        owner="app:f",
    )
    plan = apply_triggers(s3, [Trigger(bucket, prefix="b/new/", id="b")], queue[1], owner="app:f")
    assert [t.prefix for t in plan.removed] == ["a/"]
    assert [t.prefix for t in plan.replaced] == ["b/new/"]
    rules = configuration(s3, bucket)["QueueConfigurations"]
    assert [rule["Id"] for rule in rules] == ["b"]


def test_dry_run_writes_nothing(s3: S3Client, bucket: str, queue: tuple[str, str]) -> None:
    plan = apply_triggers(s3, [Trigger(bucket)], queue[1], dry_run=True)
    assert plan.changed and plan.dry_run
    assert "dry run" in str(plan)
    assert configuration(s3, bucket) == {}


def test_lambda_target_gets_the_invoke_permission_once(
    s3: S3Client, lambda_client: LambdaClient, bucket: str, function_arn: str
) -> None:
    plan = apply_triggers(s3, [Trigger(bucket)], function_arn, lambda_client=lambda_client)
    assert plan.permission == "added"
    policy = json.loads(lambda_client.get_policy(FunctionName=function_arn)["Policy"])
    (statement,) = policy["Statement"]
    assert statement["Principal"] == {"Service": "s3.amazonaws.com"}
    assert statement["Condition"]["ArnLike"]["AWS:SourceArn"] == f"arn:aws:s3:::{bucket}"
    assert statement["Condition"]["StringEquals"]["AWS:SourceAccount"] == function_arn.split(":")[4]
    again = apply_triggers(s3, [Trigger(bucket)], function_arn, lambda_client=lambda_client)
    assert (again.permission, again.changed) == ("present", False)
    policy = json.loads(lambda_client.get_policy(FunctionName=function_arn)["Policy"])
    assert len(policy["Statement"]) == 1


def test_sns_target(s3: S3Client, sns: SNSClient, bucket: str) -> None:
    topic_arn = sns.create_topic(Name=unique("topic"))["TopicArn"]
    apply_triggers(s3, [Trigger(bucket, suffix=".csv", id="csv")], topic_arn)
    (rule,) = configuration(s3, bucket)["TopicConfigurations"]
    assert (rule["Id"], rule["TopicArn"]) == ("csv", topic_arn)


@pytest.mark.parametrize("region", ["us-east-1", "eu-west-1"])
def test_create_bucket_in_the_clients_region(s3_server: LocalS3Server, region: str) -> None:
    regional: S3Client = client(s3_server, "s3", region)
    sqs: SQSClient = client(s3_server, "sqs", region)
    queue_url = sqs.create_queue(QueueName=unique("queue"))["QueueUrl"]
    attributes = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
    queue_arn = attributes["Attributes"]["QueueArn"]
    name = unique("created")
    plan = apply_triggers(regional, [Trigger(name)], queue_arn, create_bucket=True)
    assert plan.bucket_created
    location = regional.get_bucket_location(Bucket=name)["LocationConstraint"]
    assert (location or "us-east-1") == region


def test_a_target_in_another_region_is_refused_before_any_write(s3: S3Client, bucket: str) -> None:
    with pytest.raises(TriggerError, match="S3 notifies only targets in the bucket's own region"):
        apply_triggers(s3, [Trigger(bucket)], "arn:aws:sqs:eu-west-1:123456789012:elsewhere")
    assert configuration(s3, bucket) == {}


def test_a_missing_bucket_is_an_error_without_create_bucket(
    s3: S3Client, queue: tuple[str, str]
) -> None:
    with pytest.raises(TriggerError, match="does not exist; create it, or pass create_bucket=True"):
        apply_triggers(s3, [Trigger(unique("missing"))], queue[1])


def test_a_new_bucket_name_must_follow_s3s_rules(s3: S3Client, queue: tuple[str, str]) -> None:
    with pytest.raises(TriggerError, match="3 to 63 characters"):
        apply_triggers(s3, [Trigger("ab")], queue[1], create_bucket=True)


def test_a_fifo_target_is_refused_before_any_request(s3: S3Client, bucket: str) -> None:
    with pytest.raises(TriggerError, match="FIFO queue"):
        apply_triggers(s3, [Trigger(bucket)], "arn:aws:sqs:us-east-1:123456789012:jobs.fifo")
    assert configuration(s3, bucket) == {}


def test_filters_with_special_characters_are_written_encoded_and_a_second_apply_changes_nothing(
    s3: S3Client, bucket: str, queue: tuple[str, str]
) -> None:
    prefixes = ["my photos/", "c++/", "100%/", "k=v&x/", "ä/", "(x)/"]
    triggers = [Trigger(bucket, prefix=p, suffix=" 1.jpg", owner="app:f") for p in prefixes]
    first = apply_triggers(s3, triggers, queue[1])
    assert len(first.added) == len(prefixes)
    written = configuration(s3, bucket)["QueueConfigurations"]
    assert sorted(
        tuple(entry["Value"] for entry in rule["Filter"]["Key"]["FilterRules"]) for rule in written
    ) == sorted(
        [
            ("my+photos/", "+1.jpg"),
            ("c%2B%2B/", "+1.jpg"),
            ("100%25/", "+1.jpg"),
            ("k%3Dv%26x/", "+1.jpg"),
            ("%C3%A4/", "+1.jpg"),
            ("%28x%29/", "+1.jpg"),
        ]
    )
    second = apply_triggers(s3, triggers, queue[1])
    assert not second.changed
    assert (second.added, second.replaced, second.removed) == ((), (), ())
    assert sorted(second.kept, key=str) == sorted(triggers, key=str)


def test_moto_compares_filters_with_the_decoded_key_unlike_aws(
    s3: S3Client, sqs: SQSClient, bucket: str, queue: tuple[str, str]
) -> None:
    # moto 5.2.6 (s3/models.py, _key_matches) tests the decoded key against the
    # filter as written; AWS tests the encoded key (the S3 User Guide). This
    # records moto's behaviour, so a moto that changes it is noticed; what AWS
    # does is what Trigger.matches says, checked on make_event's AWS events.
    queue_url, queue_arn = queue
    trigger = Trigger(bucket, prefix="my photos/", id="spaces")
    apply_triggers(s3, [trigger], queue_arn)
    notified_records(sqs, queue_url)  # drop the s3:TestEvent
    for key in ("my photos/a", "my+photos/a"):
        s3.put_object(Bucket=bucket, Key=key, Body=b"x")
    assert [record.key for record in notified_records(sqs, queue_url)] == ["my+photos/a"]
    aws = [
        key
        for key in ("my photos/a", "my+photos/a")
        if trigger.matches(parse_event(make_event(bucket=bucket, key=key)).records[0])
    ]
    assert aws == ["my photos/a"]
