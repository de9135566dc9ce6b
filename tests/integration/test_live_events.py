"""Events produced at run time by moto's S3 server and by Chalice parse to the uploaded keys."""

from __future__ import annotations

import time
import uuid
from typing import TYPE_CHECKING, Any

from s3types import EventName, parse_event
from s3types.testing import encode_key

if TYPE_CHECKING:
    from s3types.testing._server import LocalS3Server

HARD_KEYS = [
    "red flower+1.jpg",
    "plus+plus.txt",
    "100%.txt",
    "a=b&c=d.txt",
    "time 12:30 @home $5.txt",
    "  leading spaces.txt",
    "café/ünïcødé.txt",
    "emoji 🎉🚀.png",
    "nested/path/to/deep file.txt",
    "%2B literally.txt",
]


def _receive_all(server: LocalS3Server, queue_url: str, wanted: int) -> list[dict[str, Any]]:
    sqs = server.sqs_client()
    messages: list[dict[str, Any]] = []
    deadline = time.monotonic() + 20
    while len(messages) < wanted and time.monotonic() < deadline:
        answer = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1)
        for message in answer.get("Messages", []):
            messages.append(dict(message))
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
    return messages


def test_moto_notifications_through_sqs_parse_to_the_uploaded_keys(
    s3_server: LocalS3Server,
) -> None:
    s3, sqs = s3_server.s3_client(), s3_server.sqs_client()
    bucket = f"live-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=bucket)
    queue_url = sqs.create_queue(QueueName=bucket)["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])[
        "Attributes"
    ]["QueueArn"]
    s3.put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration={
            "QueueConfigurations": [
                {"QueueArn": queue_arn, "Events": ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"]}
            ]
        },
    )
    for key in HARD_KEYS:
        s3.put_object(Bucket=bucket, Key=key, Body=key.encode())
    s3.delete_object(Bucket=bucket, Key=HARD_KEYS[0])

    messages = _receive_all(s3_server, queue_url, wanted=len(HARD_KEYS) + 2)
    # Each message body on its own, and the whole receive_message output at once.
    seen: list[tuple[str, str, int | None]] = []
    tests = 0
    for message in messages:
        event = parse_event(message["Body"])
        tests += event.is_test_event
        seen += [(str(r.event_name), r.key, r.size) for r in event.records]
    batch = parse_event({"Messages": messages})
    assert sorted(r.key for r in batch.records) == sorted(key for _, key, _ in seen)
    assert {r.origin.message_id for r in batch.records} <= {m["MessageId"] for m in messages}

    assert tests == 1  # moto sends s3:TestEvent when the notification is configured
    created = {key: size for name, key, size in seen if name == EventName.OBJECT_CREATED_PUT}
    assert created == {key: len(key.encode()) for key in HARD_KEYS}
    removed = [key for name, key, _ in seen if EventName(name).matches("s3:ObjectRemoved:*")]
    assert removed == [HARD_KEYS[0]]
    for record in batch.records:
        assert record.bucket_name == bucket
        assert record.event_time.utcoffset() is not None


def test_chalice_generated_events_parse_to_the_given_keys() -> None:
    """Chalice's generator writes the key verbatim, so pass it encoded the way S3 sends it.

    Given the encoded key, our record and Chalice's own S3Event agree on the decoded key.
    """
    from chalice.app import Chalice
    from chalice.app import S3Event as ChaliceS3Event
    from chalice.test import Client

    app = Chalice(app_name="keys")
    with Client(app) as client:
        for key in HARD_KEYS:
            generated = client.events.generate_s3_event(bucket="my-bucket", key=encode_key(key))
            record = parse_event(generated).records[0]
            assert record.bucket_name == "my-bucket"
            assert record.key == key
            assert ChaliceS3Event(generated, None).key == key
