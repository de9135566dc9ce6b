"""One apply in a worker process, for the concurrency tests (spawned: no pytest, no fixtures).

``forced`` holds the worker's first PutBucketNotificationConfiguration at a
barrier shared with the other worker, through botocore's own event hook on a
real client: both have read the configuration before either writes, the
interleaving that loses an update when S3 has no conditional write.
"""

from __future__ import annotations

from typing import Any

_BARRIER: Any = None


def start_worker(barrier: Any) -> None:
    """Pool initializer: keep the barrier shared by the two workers."""
    global _BARRIER
    _BARRIER = barrier


def _client(endpoint_url: str) -> Any:
    import boto3
    from botocore.config import Config

    make: Any = getattr(boto3, "client")  # noqa: B009 - a runtime service name
    return make(
        "s3",
        endpoint_url=endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(s3={"addressing_style": "path"}),
    )


def _hold_first_write(s3: Any) -> None:
    waiting = [True]

    def wait(**_: object) -> None:
        if waiting:
            waiting.clear()
            _BARRIER.wait(timeout=30)

    s3.meta.events.register("before-call.s3.PutBucketNotificationConfiguration", wait)


def apply_one(
    endpoint_url: str, bucket: str, prefix: str, queue_arn: str, *, forced: bool, converge: bool
) -> tuple[str, int, str]:
    """Apply ``Trigger(bucket, prefix=prefix)`` owned by ``prefix``: (its fate, writes, the plan).

    ``converge=False`` is the procedure every writer without a read-back
    follows (and apply_triggers did before it read back): read, merge, write once.
    """
    from s3types.triggers import Trigger, apply_triggers
    from s3types.triggers._apply import read_configuration
    from s3types.triggers._configuration import parse_target
    from s3types.triggers._merge import merge_configuration

    s3 = _client(endpoint_url)
    if forced:
        _hold_first_write(s3)
    trigger = Trigger(bucket, prefix=prefix, owner=f"worker:{prefix}")
    if converge:
        plan = apply_triggers(s3, [trigger], queue_arn)
        return ("added" if plan.added else "not added"), plan.attempts, str(plan)
    merge = merge_configuration(
        read_configuration(s3, bucket), (trigger,), parse_target(queue_arn), bucket
    )
    s3.put_bucket_notification_configuration(
        Bucket=bucket, NotificationConfiguration=merge.configuration
    )
    return ("added" if merge.added else "not added"), 1, ""
