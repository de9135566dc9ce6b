"""The local engine on moto's server: 2,000 objects with hard keys, failures, a retry.

A handler declared once (``@s3_record_handler(..., backfill=True)``) runs
over a bucket: each object its trigger matches is handled once, the others
never; the completion report (written to S3 in S3's format) reads back to
exactly those tasks; injected failures come back as TemporaryFailure and
PermanentFailure; a CSV manifest of the failures, run again, re-runs
only them.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING
from urllib.parse import quote_plus

import pytest

from s3types.backfill import (
    BackfillError,
    ReportError,
    TaskOutcome,
    read_report,
    retry_objects,
    run_local,
    write_manifest,
)
from s3types.batch import BatchResultCode, BatchTask, TemporaryFailure
from s3types.triggers import Trigger
from s3types_lambda import LambdaContext, RecordOrTask, S3BackfillHandler, s3_record_handler

if TYPE_CHECKING:
    from pathlib import Path

    from mypy_boto3_s3 import S3Client

OBJECTS = 2_000
#: Key parts S3 encodes in reports and events: space, plus, percent, non-ASCII.
HARD = ("red flower", "a+b", "100%", "ä ö", "日本", "x%2By", "sp  two")


def _keys() -> tuple[list[str], list[str]]:
    """2,000 keys: the matching ones (uploads/*.jpg) and the rest (other suffix or prefix)."""
    matching: list[str] = []
    other: list[str] = []
    for number in range(OBJECTS):
        stem = f"{HARD[number % len(HARD)]} {number}"
        if number % 10 == 3:
            stem += " busy"
        elif number % 10 == 7:
            stem += " broken"
        if number % 4 == 0:
            other.append(f"uploads/{stem}.png")
        elif number % 4 == 1:
            other.append(f"archive/{stem}.jpg")
        else:
            matching.append(f"uploads/{stem}.jpg")
    return matching, other


def _upload(s3: S3Client, bucket: str, keys: list[str]) -> None:
    # Eight at a time: one by one, 2,000 PUTs to moto take several seconds.
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda key: s3.put_object(Bucket=bucket, Key=key, Body=b"."), keys))


def _handler(bucket: str, calls: Counter[str], *, fail: bool) -> S3BackfillHandler[LambdaContext]:
    lock = threading.Lock()

    @s3_record_handler(bucket=bucket, prefix="uploads/", suffix=".jpg", backfill=True)
    def index(item: RecordOrTask, context: LambdaContext) -> str:
        assert isinstance(item, BatchTask)
        assert item.job_id is not None
        with lock:
            calls[item.key] += 1
        if fail and item.key.endswith(" busy.jpg"):
            raise TemporaryFailure("the index is busy")
        if fail and item.key.endswith(" broken.jpg"):
            raise ValueError("not a JPEG")
        return f"indexed {item.key}"

    return index


def test_a_backfill_over_2000_hard_keys_then_a_retry_of_the_failures(
    s3: S3Client, new_bucket: str
) -> None:
    matching, other = _keys()
    started = time.perf_counter()
    _upload(s3, new_bucket, matching + other)
    uploaded = time.perf_counter() - started

    calls: Counter[str] = Counter()
    report = run_local(
        _handler(new_bucket, calls, fail=True),
        s3,
        report_uri=f"s3://{new_bucket}/reports",
        job_id="first-run",
    )
    ran = time.perf_counter() - started - uploaded
    print(f"\nuploaded {OBJECTS} objects in {uploaded:.2f} s, backfill {ran:.2f} s")

    assert calls == Counter(matching)  # every matching object once, nothing else
    assert report.location == f"s3://{new_bucket}/reports/job-first-run/manifest.json"
    assert report.job_id == "first-run"
    outcomes = list(report.outcomes)
    assert sorted(o.key for o in outcomes) == sorted(matching)
    assert {o.bucket_name for o in outcomes} == {new_bucket}
    by_key = {o.key: o for o in outcomes}
    busy = {k for k in matching if k.endswith(" busy.jpg")}
    broken = {k for k in matching if k.endswith(" broken.jpg")}
    for key, outcome in by_key.items():
        if key in busy:
            assert outcome.result_code is BatchResultCode.TEMPORARY_FAILURE
            assert outcome.result_string == "the index is busy"
        elif key in broken:
            assert outcome.result_code is BatchResultCode.PERMANENT_FAILURE
            assert outcome.result_string == "ValueError: not a JPEG"
        else:
            assert outcome == TaskOutcome(
                new_bucket,
                key,
                None,
                BatchResultCode.SUCCEEDED,
                f"indexed {key}",
                None,
                200,
                raw_key=quote_plus(key, safe="/"),
            )
    assert report.failed == len(busy) + len(broken) > 0
    assert report.succeeded == len(matching) - report.failed

    # The same report, read again from S3 by its folder, says the same.
    again = read_report(s3, f"s3://{new_bucket}/reports/job-first-run")
    assert list(again.outcomes) == outcomes

    retried: Counter[str] = Counter()
    # The retry manifest as `s3types backfill retry` writes it: the failed tasks only.
    written = write_manifest(
        s3, f"s3://{new_bucket}/retry/manifest.csv", retry_objects(report.outcomes)
    )
    assert written.objects == len(busy | broken)
    manifest = written.uri
    second = run_local(
        _handler(new_bucket, retried, fail=False),
        s3,
        manifest_uri=manifest,
        report_uri=f"s3://{new_bucket}/reports",
        job_id="retry",
    )
    assert retried == Counter(busy | broken)
    assert (second.succeeded, second.failed) == (len(busy | broken), 0)


def test_a_report_in_a_local_folder_reads_back_and_keeps_only_failures_when_asked(
    s3: S3Client, new_bucket: str, tmp_path: Path
) -> None:
    keys = ["uploads/a b.jpg", "uploads/c+d broken.jpg", "uploads/e%f.png"]
    _upload(s3, new_bucket, keys)
    calls: Counter[str] = Counter()
    report = run_local(
        _handler(new_bucket, calls, fail=True),
        s3,
        report_uri=str(tmp_path),
        job_id="j1",
        failed_only=True,
        concurrency=1,
    )
    assert calls == Counter(keys[:2])
    assert report.location == str(tmp_path / "job-j1" / "manifest.json")
    assert [(o.key, o.result_code.value) for o in report.outcomes] == [
        ("uploads/c+d broken.jpg", "PermanentFailure")
    ]
    written = list((tmp_path / "job-j1" / "results").iterdir())
    assert len(written) == 1
    assert written[0].read_text().startswith(f"{new_bucket},uploads/c%2Bd+broken.jpg,,failed,200,")


def test_a_handler_error_and_a_bad_response_fail_their_task_as_s3_reports_them(
    s3: S3Client, new_bucket: str, tmp_path: Path
) -> None:
    _upload(s3, new_bucket, ["a.jpg", "b.jpg", "c.jpg"])

    def raw_handler(event: dict[str, object], context: object) -> object:
        task = event["tasks"][0]  # type: ignore[index]
        if task["s3Key"] == "a.jpg":
            raise RuntimeError("boom")
        if task["s3Key"] == "b.jpg":
            return {"results": []}
        return {
            "invocationSchemaVersion": "2.0",
            "treatMissingKeysAs": "PermanentFailure",
            "invocationId": event["invocationId"],
            "results": [
                {"taskId": task["taskId"], "resultCode": "Succeeded", "resultString": "ok"}
            ],
        }

    report = run_local(
        raw_handler, s3, triggers=[Trigger(new_bucket)], report_uri=str(tmp_path), job_id="j"
    )
    found = {o.key: (o.result_code.value, o.result_string) for o in report.outcomes}
    assert found == {
        "a.jpg": (
            "PermanentFailure",
            'Lambda returned function error: {"errorMessage": "boom", "errorType": "RuntimeError"}',
        ),
        "b.jpg": (
            "PermanentFailure",
            "Lambda returned an invalid response: the response's invocationId is not the"
            " invocation's",
        ),
        "c.jpg": ("Succeeded", "ok"),
    }


def test_run_local_says_what_is_missing(s3: S3Client) -> None:
    def bare(event: dict[str, object], context: object) -> None:
        return None

    with pytest.raises(ValueError, match="declares no triggers"):
        run_local(bare, s3)
    with pytest.raises(ValueError, match="names no bucket"):
        run_local(bare, s3, triggers=[Trigger(None)])
    with pytest.raises(ValueError, match="fires on s3:ObjectCreated"):
        run_local(bare, s3, triggers=[Trigger("b", ["s3:ObjectRemoved:*"])])
    with pytest.raises(ValueError, match="concurrency"):
        run_local(bare, s3, triggers=[Trigger("b")], concurrency=0)


def test_a_run_that_cannot_list_or_report_fails_before_any_task(
    s3: S3Client, new_bucket: str, tmp_path: Path
) -> None:
    s3.put_object(Bucket=new_bucket, Key="a.jpg", Body=b".")
    calls: list[object] = []

    def handler(event: dict[str, object], context: object) -> None:
        calls.append(event)

    with pytest.raises(BackfillError, match="cannot list s3://no-such-bucket-x/: NoSuchBucket"):
        run_local(handler, s3, triggers=[Trigger("no-such-bucket-x")], report_uri=str(tmp_path))
    with pytest.raises(ReportError, match="there is no bucket 'no-such-bucket-x'"):
        run_local(handler, s3, triggers=[Trigger(new_bucket)], report_uri="s3://no-such-bucket-x/r")
    with pytest.raises(ReportError, match=r"manifest\.csv: no such object"):
        run_local(
            handler,
            s3,
            manifest_uri=f"s3://{new_bucket}/manifest.csv",
            report_uri=str(tmp_path),
        )
    assert calls == []


def test_the_local_example_backfills_and_reads_its_report(
    s3: S3Client, capsys: pytest.CaptureFixture[str]
) -> None:
    from examples.backfill_local import backfill_here, show_failures
    from examples.one_handler_both_ways import INDEX

    s3.create_bucket(Bucket="photos")
    for key in ("uploads/a b.jpg", "uploads/c+d.jpg", "uploads/notes.txt", "other/e.jpg"):
        s3.put_object(Bucket="photos", Key=key, Body=b".")
    INDEX.clear()
    report = backfill_here(s3, "s3://photos/reports")
    assert INDEX == {
        "s3://photos/uploads/a b.jpg": "backfill",
        "s3://photos/uploads/c+d.jpg": "backfill",
    }
    assert f"2 succeeded, 0 failed: {report.location}" in capsys.readouterr().out
    assert show_failures(s3, report.location) == []
