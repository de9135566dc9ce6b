"""The demo's bucket, queue and notification: made before the run, put back after it."""

from __future__ import annotations

import json
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from botocore.exceptions import ClientError

from s3types.ops import delete_object, list_objects
from s3types.triggers import Trigger, TriggerError, apply_triggers

if TYPE_CHECKING:
    from collections.abc import Generator, Sequence

    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.literals import EventType
    from mypy_boto3_s3.type_defs import NotificationConfigurationTypeDef
    from mypy_boto3_sqs import SQSClient

__all__ = ["DemoSetupError", "Resources", "prepare", "tear_down"]

EVENTS: tuple[EventType, ...] = ("s3:ObjectCreated:*", "s3:ObjectRemoved:*")
_CONFIGURATION_ID = "s3types-demo"


class DemoSetupError(Exception):
    """The demo could not make or use its bucket, queue or notification."""


@dataclass
class Resources:
    """What the demo made or changed, so that it can be put back."""

    bucket: str
    queue_url: str
    queue_arn: str
    created_bucket: bool
    previous_notification: NotificationConfigurationTypeDef | None


def prepare(
    s3: S3Client, sqs: SQSClient, bucket: str, region: str, prefixes: Sequence[str]
) -> Resources:
    """Make (or check) the bucket, make a queue, and notify the queue of ``prefixes[0]``.

    An existing bucket must hold nothing under ``prefixes``; its notification
    configuration is kept (ours is added) and put back by :func:`tear_down`.
    The queue always gets a new name: an existing queue is never reused, so
    never deleted. If a step fails, what was made so far is removed.
    """
    created = _ensure_bucket(s3, bucket, region)
    try:
        if not created:
            _check_existing(s3, bucket, prefixes)
        queue_url, queue_arn = _make_queue(sqs, bucket)
        try:
            # The bucket's other rules are kept as they are; tear_down puts back
            # the configuration the plan found.
            trigger = Trigger(bucket, EVENTS, prefix=prefixes[0], id=_CONFIGURATION_ID)
            with _doing("configure the bucket notification"):
                plan = apply_triggers(s3, [trigger], queue_arn)
            previous = None if created else plan.previous
        except BaseException:
            sqs.delete_queue(QueueUrl=queue_url)
            raise
    except BaseException:
        if created:
            s3.delete_bucket(Bucket=bucket)
        raise
    return Resources(
        bucket,
        queue_url,
        queue_arn,
        created,
        cast("NotificationConfigurationTypeDef | None", previous),
    )


def _check_existing(s3: S3Client, bucket: str, prefixes: Sequence[str]) -> None:
    for prefix in prefixes:
        if next(list_objects(s3, bucket, prefix=prefix, max_results=1), None) is not None:
            raise DemoSetupError(
                f"bucket {bucket!r} already holds objects under {prefix!r}: the demo"
                " writes and deletes there; pick another --bucket or empty that prefix"
            )


def _make_queue(sqs: SQSClient, bucket: str) -> tuple[str, str]:
    with _doing("create the SQS queue"):
        queue_url = sqs.create_queue(QueueName=f"s3types-demo-{uuid.uuid4().hex}")["QueueUrl"]
    try:
        with _doing("read the queue's ARN"):
            attributes = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
        queue_arn = attributes["Attributes"]["QueueArn"]
        # Without this policy AWS refuses the notification: S3 may not send to the queue.
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "s3.amazonaws.com"},
                    "Action": "sqs:SendMessage",
                    "Resource": queue_arn,
                    "Condition": {"ArnLike": {"aws:SourceArn": f"arn:aws:s3:*:*:{bucket}"}},
                }
            ],
        }
        with _doing("allow S3 to send to the queue"):
            sqs.set_queue_attributes(QueueUrl=queue_url, Attributes={"Policy": json.dumps(policy)})
    except BaseException:
        sqs.delete_queue(QueueUrl=queue_url)
        raise
    return queue_url, queue_arn


def tear_down(s3: S3Client, sqs: SQSClient, resources: Resources, prefixes: Sequence[str]) -> None:
    """Put the notification back, delete what the demo wrote, its queue, and its bucket if made."""
    bucket = resources.bucket
    s3.put_bucket_notification_configuration(
        Bucket=bucket, NotificationConfiguration=resources.previous_notification or {}
    )
    for prefix in prefixes:
        for summary in list(list_objects(s3, bucket, prefix=prefix)):
            delete_object(s3, bucket, summary.key)
    if resources.created_bucket:
        s3.delete_bucket(Bucket=bucket)
    sqs.delete_queue(QueueUrl=resources.queue_url)


def _ensure_bucket(s3: S3Client, bucket: str, region: str) -> bool:
    try:
        s3.head_bucket(Bucket=bucket)
        return False
    except ClientError as err:
        code = str(err.response.get("Error", {}).get("Code"))
        if code not in ("404", "NoSuchBucket", "NotFound"):
            raise DemoSetupError(
                f"cannot use bucket {bucket!r} ({code}): it belongs to another account, or"
                " your credentials lack s3:ListBucket on it"
            ) from None
    with _doing(f"create bucket {bucket!r}"):
        if region == "us-east-1":  # the one region that refuses a LocationConstraint
            s3.create_bucket(Bucket=bucket)
        else:
            s3.create_bucket(
                Bucket=bucket,
                CreateBucketConfiguration={"LocationConstraint": region},  # type: ignore[typeddict-item]
            )
    return True


@contextmanager
def _doing(what: str) -> Generator[None, None, None]:
    try:
        yield
    except ClientError as err:
        error = err.response.get("Error", {})
        raise DemoSetupError(
            f"could not {what}: {error.get('Code')}: {error.get('Message')}"
        ) from None
    except TriggerError as err:
        raise DemoSetupError(f"could not {what}: {err}") from None
