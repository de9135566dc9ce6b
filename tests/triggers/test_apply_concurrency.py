"""Two processes apply their triggers to one bucket at once: both rules are in it at the end.

PutBucketNotificationConfiguration has no conditional write, so two writers
that read the same configuration each write theirs and the later one drops
the other's rule. ``apply_triggers`` reads back after writing and merges
again; these tests run two real processes against moto's server, in the
worst interleaving (both read before either writes, forced by a barrier in
botocore's event hook) and with no help at all.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from tests.triggers.concurrent_apply import apply_one, start_worker
from tests.triggers.conftest import client, unique

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient

    from s3types.testing._server import LocalS3Server

pytestmark = pytest.mark.server

ROUNDS = 5


@pytest.fixture(scope="module")
def workers() -> Iterator[Pool]:
    """Two spawned worker processes sharing one barrier (the start method Lambda tools use)."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(2, initializer=start_worker, initargs=(context.Barrier(2),)) as pool:
        yield pool


def _race(
    s3_server: LocalS3Server, workers: Pool, *, forced: bool, converge: bool
) -> tuple[list[tuple[str, int, str]], set[str]]:
    """One round: a new bucket, two queues, two processes applying at once; (results, rule ids)."""
    s3: S3Client = client(s3_server, "s3")
    sqs: SQSClient = client(s3_server, "sqs")
    bucket = unique("race")
    s3.create_bucket(Bucket=bucket)
    arns: list[str] = []
    for _ in range(2):
        url = sqs.create_queue(QueueName=unique("race"))["QueueUrl"]
        attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
        arns.append(attributes["Attributes"]["QueueArn"])
    calls = [
        workers.apply_async(
            apply_one,
            (s3_server.endpoint_url, bucket, prefix, arn),
            {"forced": forced, "converge": converge},
        )
        for prefix, arn in zip(("images/", "videos/"), arns, strict=True)
    ]
    results: list[tuple[str, int, str]] = [call.get(timeout=60) for call in calls]
    document: dict[str, Any] = dict(s3.get_bucket_notification_configuration(Bucket=bucket))
    prefixes = {
        rule["Filter"]["Key"]["FilterRules"][0]["Value"]
        for rule in document.get("QueueConfigurations", [])
    }
    return results, prefixes


@pytest.mark.parametrize("forced", [True, False], ids=["both-read-first", "free"])
def test_two_processes_applying_at_once_both_keep_their_rule(
    s3_server: LocalS3Server, workers: Pool, forced: bool
) -> None:
    rewrites = 0
    for _ in range(ROUNDS):
        results, prefixes = _race(s3_server, workers, forced=forced, converge=True)
        assert [fate for fate, _, _ in results] == ["added", "added"]
        assert prefixes == {"images/", "videos/"}
        rewrites += sum(attempts - 1 for _, attempts, _ in results)
        for _, attempts, plan in results:
            said = f"{attempts} attempts: another writer changed it meanwhile" in plan
            assert said == (attempts > 1), plan
    if forced:
        # Both wrote on the same empty configuration every round: one of them
        # saw its rule dropped, and wrote again.
        assert rewrites >= ROUNDS


def test_without_the_read_back_the_later_write_drops_the_other_rule(
    s3_server: LocalS3Server, workers: Pool
) -> None:
    """Why the read-back is needed: read, merge, write once (any writer that is not s3types)."""
    for _ in range(2):
        results, prefixes = _race(s3_server, workers, forced=True, converge=False)
        assert [fate for fate, _, _ in results] == ["added", "added"]
        assert len(prefixes) == 1
