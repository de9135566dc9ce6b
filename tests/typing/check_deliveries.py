"""Every delivery satisfies the Delivery Protocol (mypy and pyright only; never run by pytest)."""

from __future__ import annotations

from typing_extensions import assert_type

from s3types._deliveries import (
    CEPH_CLOUD_EVENT,
    DIRECT,
    EVENTBRIDGE,
    RECEIVE_MESSAGE,
    REGISTRY,
    SNS,
    SNS_MESSAGE,
    SQS,
    TEST_EVENT,
    Delivery,
)

direct: Delivery = DIRECT
sqs: Delivery = SQS
sns: Delivery = SNS
sns_message: Delivery = SNS_MESSAGE
eventbridge: Delivery = EVENTBRIDGE
test_event: Delivery = TEST_EVENT
receive_message: Delivery = RECEIVE_MESSAGE
ceph: Delivery = CEPH_CLOUD_EVENT
assert_type(REGISTRY, tuple[Delivery, ...])
not_a_delivery: Delivery = "an SQS batch"  # type: ignore[assignment]
