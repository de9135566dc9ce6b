"""The ``s3_event`` fixture of the pytest plugin: events as S3 and each delivery send them."""

from __future__ import annotations

from typing import Literal

import pytest

# --8<-- [start:fixture]
from s3types import parse_event
from s3types.testing import S3EventFactory

Delivery = Literal["sqs", "sns", "sqs-sns", "eventbridge"]


def test_makes_a_direct_notification_with_the_key_encoded(s3_event: S3EventFactory) -> None:
    event = s3_event(key="red flower+1.jpg", size=3)

    assert event["Records"][0]["s3"]["object"]["key"] == "red+flower%2B1.jpg"
    [record] = parse_event(event).records
    assert (record.bucket_name, record.key, record.size) == ("test-bucket", "red flower+1.jpg", 3)


# --8<-- [end:fixture]


@pytest.mark.parametrize("via", ["sqs", "sns", "sqs-sns", "eventbridge"])
def test_wraps_the_event_in_each_delivery(s3_event: S3EventFactory, via: Delivery) -> None:
    event = s3_event(
        "ObjectRemoved:Delete", key="café/ü.txt", bucket="photos", version_id="v1", via=via
    )

    [record] = parse_event(event).records
    assert record.origin.service == {"sqs-sns": "sqs"}.get(via, via)
    assert (record.event_name, record.bucket_name, record.key) == (
        "ObjectRemoved:Delete",
        "photos",
        "café/ü.txt",
    )
    assert record.version_id == "v1"


def test_each_call_gives_a_new_event(s3_event: S3EventFactory) -> None:
    first, second = s3_event(key="k"), s3_event(key="k")

    first["Records"].clear()

    assert len(second["Records"]) == 1


def test_refuses_an_unknown_delivery(s3_event: S3EventFactory) -> None:
    with pytest.raises(ValueError, match="via='kinesis': expected 'sqs'"):
        s3_event(key="k", via="kinesis")  # type: ignore[arg-type]
