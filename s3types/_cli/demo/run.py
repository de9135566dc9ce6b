"""The demo's story: configure, act on the bucket, receive, dispatch, check, report."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from typing import TYPE_CHECKING

from s3types._cli.demo import function
from s3types._cli.demo.plan import PHASES, Phase, Step
from s3types._cli.demo.queue import TEST_EVENT, Delivery, QueuePoller
from s3types._cli.demo.report import deliveries_table, table
from s3types._cli.demo.setup import EVENTS, prepare, tear_down
from s3types.ops import copy_object, delete_object, get_object, list_objects, put_object
from s3types.testing._context import LocalLambdaContext

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient

__all__ = ["run_demo"]

_PREFIXES = (function.SOURCE_PREFIX, function.DERIVED_PREFIX)


def run_demo(
    s3: S3Client,
    sqs: SQSClient,
    *,
    bucket: str,
    region: str,
    timeout: float,
    embedded: bool,
) -> int:
    """Run the demo on a bucket (made if missing) and print the report; returns the exit code.

    ``timeout`` bounds each wait for notifications. ``embedded`` says the
    store is moto's server, which sends the test event and counts queue
    messages exactly, so both are required. Raises ``DemoSetupError``
    (or botocore's errors) if the bucket, queue or notification cannot be
    set up; whatever was made is removed again in any case.
    """
    started = time.monotonic()
    resources = prepare(s3, sqs, bucket, region, _PREFIXES)
    try:
        _say(f"bucket {bucket} (region {region}) notifies SQS queue {resources.queue_arn}")
        _say(f"  of {', '.join(EVENTS)} under {function.SOURCE_PREFIX}")
        poller = QueuePoller(
            sqs,
            resources.queue_url,
            resources.queue_arn,
            function.make_handler(s3),
            lambda: LocalLambdaContext(function_name="s3types-demo", region=region),
            function.logger.name,
        )
        problems = _test_event(poller, timeout, required=embedded)
        present: set[str] = set()
        for number, phase in enumerate(PHASES, start=1):
            _say(f"\nstep {number}: {phase.title}")
            _act(s3, bucket, phase.steps, present)
            problems += _deliver(poller, phase, timeout)
            problems += _check(s3, bucket, present)
        _say(f"\nstep {len(PHASES) + 1}: a backfill rebuilds the summaries from the objects there")
        problems += _backfill(s3, bucket, present)
        problems += _check_queue(sqs, resources.queue_url, exact=embedded)
    finally:
        tear_down(s3, sqs, resources, _PREFIXES)
    elapsed = time.monotonic() - started
    if problems:
        _say("\nFAILED:\n" + "\n".join(f"  - {problem}" for problem in problems))
        return 1
    handled = sum(len(phase.steps) for phase in PHASES)
    _say(
        f"\nok: all {handled} notifications received and handled, the test event skipped,"
        f" the SQS messages deleted, derived/ as expected, and rebuilt by a backfill"
        f" ({elapsed:.1f} s)"
    )
    return 0


def _say(text: str) -> None:
    print(text, flush=True)


def _test_event(poller: QueuePoller, timeout: float, *, required: bool) -> list[str]:
    _say("\nstep 0: S3 sends s3:TestEvent when the notification is configured")
    deliveries = _receive(poller, Counter([TEST_EVENT]), timeout)
    _say(deliveries_table(deliveries))
    if any(d.seen == TEST_EVENT for d in deliveries):
        return [f"{d.event_name} {d.key}: {d.outcome}" for d in deliveries if d.failed]
    if required:
        return [f"no s3:TestEvent reached the queue within {timeout:g} s"]
    _say("  (no s3:TestEvent arrived: this store does not send one)")
    return []


def _act(s3: S3Client, bucket: str, steps: tuple[Step, ...], present: set[str]) -> None:
    rows: list[tuple[str, str, str]] = []
    for step in steps:
        if step.action == "put":
            put_object(s3, bucket, step.key, step.body)
            rows.append(("put", step.key, f"{len(step.body)} bytes"))
            present.add(step.key)
        elif step.action == "copy" and step.source is not None:
            copy_object(s3, bucket, step.source, bucket, target_key=step.key)
            rows.append(("copy", step.key, f"from {step.source}"))
            present.add(step.key)
        else:
            delete_object(s3, bucket, step.key)
            rows.append(("delete", step.key, ""))
            present.discard(step.key)
    _say(table(rows))


def _deliver(poller: QueuePoller, phase: Phase, timeout: float) -> list[str]:
    expected = phase.expected()
    deliveries = _receive(poller, expected, timeout)
    _say(deliveries_table(deliveries))
    seen = Counter(d.seen for d in deliveries)
    problems = [
        f"no {name} notification for {key!r} within {timeout:g} s"
        for (name, key), count in expected.items()
        if seen[name, key] < count
    ]
    problems += [f"{d.event_name} {d.key!r}: {d.outcome}" for d in deliveries if d.failed]
    return problems


def _receive(
    poller: QueuePoller, expected: Counter[tuple[str, str]], timeout: float
) -> list[Delivery]:
    overwrite = sys.stdout.isatty()

    def progress(seen: int, total: int) -> None:
        text = f"  waiting for notifications: {seen}/{total}"
        print(("\r" + text) if overwrite else text, end="" if overwrite else "\n", flush=True)

    deliveries = poller.until(expected, time.monotonic() + timeout, progress)
    if overwrite:
        print(flush=True)
    return deliveries


def _check(s3: S3Client, bucket: str, present: set[str]) -> list[str]:
    """Compare derived/ with what the function should have left there."""
    wanted = {function.derived_key(key): key for key in present}
    found = {o.key for o in list_objects(s3, bucket, prefix=function.DERIVED_PREFIX)}
    problems = [f"{key!r} should exist but does not" for key in sorted(wanted.keys() - found)]
    problems += [f"{key!r} should be gone but exists" for key in sorted(found - wanted.keys())]
    for derived in sorted(wanted.keys() & found):
        summary = json.loads(get_object(s3, bucket, derived).body)
        if summary.get("key") != wanted[derived]:
            problems.append(
                f"{derived!r} summarizes {summary.get('key')!r}, not {wanted[derived]!r}"
            )
    verdict = "as expected" if not problems else "NOT as expected"
    _say(f"  check: {function.DERIVED_PREFIX} holds {len(found)} summaries, {verdict}")
    return problems


def _backfill(s3: S3Client, bucket: str, present: set[str]) -> list[str]:
    """Empty derived/, then run the function over incoming/ as an S3 Batch Operations job would."""
    import tempfile

    from s3types.backfill import run_local

    for summary in list(list_objects(s3, bucket, prefix=function.DERIVED_PREFIX)):
        delete_object(s3, bucket, summary.key)
    _say(
        f"  {function.DERIVED_PREFIX} emptied (no notification: it is not under"
        f" {function.SOURCE_PREFIX}); s3types' local engine invokes the same handler with one"
        " Batch Operations task per object, as a job on S3 Batch Operations would"
    )
    with tempfile.TemporaryDirectory(prefix="s3types-demo-") as folder:
        handler = function.make_handler(s3)
        # The function names no bucket (it runs on any): the backfill runs on this one.
        triggers = [trigger.with_bucket(bucket) for trigger in handler.s3_triggers]
        report = run_local(handler, s3, triggers=triggers, report_uri=folder, concurrency=2)
        outcomes = sorted(report.outcomes, key=lambda outcome: outcome.key)
    rows = [("task", "key", "report")]
    rows += [(o.result_code.value, o.key, o.result_string or "") for o in outcomes]
    _say(table(rows))
    problems = [
        f"backfill task {o.key!r}: {o.result_code.value} {o.result_string}"
        for o in outcomes
        if not o.succeeded
    ]
    if sorted(o.key for o in outcomes) != sorted(present):
        problems.append(
            f"the backfill ran on {len(outcomes)} objects, not the {len(present)} there"
        )
    return problems + _check(s3, bucket, present)


def _check_queue(sqs: SQSClient, queue_url: str, *, exact: bool) -> list[str]:
    """Every message handled was deleted: the queue must be empty (SQS's counts are approximate)."""
    attributes = sqs.get_queue_attributes(
        QueueUrl=queue_url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    left = sum(int(count) for count in attributes.values())
    _say(f"\ncheck: the queue holds {left} messages (handled ones are deleted)")
    if left and exact:
        return [f"{left} messages are still in the queue: they were not handled or not deleted"]
    return []
