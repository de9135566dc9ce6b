"""The demo's setup removes what it made when a step fails."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import pytest

from s3types._cli.demo.setup import DemoSetupError, prepare

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
