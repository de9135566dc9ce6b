"""Type checks of the one-handler-both-ways adapters (mypy --strict and pyright only).

Each ``# type: ignore[code]`` marks misuse the checkers must reject; with
``warn_unused_ignores`` a check that stops failing fails the type check.
"""

from __future__ import annotations

from chalice.app import Chalice
from typing_extensions import assert_type

from s3types import S3Event, S3EventRecord
from s3types.backfill import BackfillReport, TaskOutcome, read_report, run_local
from s3types.batch import BatchResponseDict, BatchResultCode, BatchTask, BatchTaskResult
from s3types_chalice import ChaliceS3Handler, EventOrTask, on_s3_change
from s3types_lambda import (
    LambdaContext,
    RecordOrTask,
    S3BackfillHandler,
    S3RecordHandler,
    SqsBatchResponseDict,
    s3_record_handler,
)

# --- s3_record_handler: unchanged without backfill, RecordOrTask with it -------


@s3_record_handler(prefix="in/")
def live(record: S3EventRecord, context: LambdaContext) -> None:
    """A handler declared before backfills: its type is what it was."""


assert_type(live, S3RecordHandler[LambdaContext])


@s3_record_handler(prefix="in/", backfill=True)
def both(item: RecordOrTask, context: LambdaContext) -> str:
    """A handler for live events and backfills."""
    if isinstance(item, BatchTask):
        return item.user_arguments.get("label", "")
    assert_type(item, S3EventRecord)
    return str(item.event_name)


assert_type(both, S3BackfillHandler[LambdaContext])


def answer(context: LambdaContext) -> None:
    """Called with a job or an event, the handler gives either response."""
    assert_type(both({}, context), SqsBatchResponseDict | BatchResponseDict | None)


@s3_record_handler(prefix="in/", backfill=True)  # type: ignore[arg-type]
def records_only(record: S3EventRecord, context: LambdaContext) -> None:
    """With backfill=True the function must take tasks too."""


@s3_record_handler(prefix="in/", backfill=True)
def returns_a_code(item: RecordOrTask, context: LambdaContext) -> BatchResultCode | None:
    """A task's result may be a code, as @s3_batch_handler reads it."""
    return BatchResultCode.TEMPORARY_FAILURE if isinstance(item, BatchTask) else None


# --- on_s3_change: EventOrTask with backfill=True --------------------------------

app = Chalice(app_name="typing")


@on_s3_change(app, "photos", backfill=True)
def chalice_both(item: EventOrTask) -> str:
    """A Chalice function for notifications and tasks."""
    return item.key if isinstance(item, BatchTask) else str(len(item.records))


assert_type(
    chalice_both,
    ChaliceS3Handler[str | BatchTaskResult | BatchResultCode | BatchResponseDict | None],
)


@on_s3_change(app, "photos", backfill=True)  # type: ignore[arg-type]
def chalice_events_only(event: S3Event) -> None:
    """With backfill=True the function must take tasks too."""


# --- the local engine and reports ----------------------------------------------


def report_counts(report: BackfillReport) -> tuple[int, int]:
    """What a report says, typed."""
    outcomes: list[TaskOutcome] = list(report.outcomes)
    assert_type(outcomes[0].result_code, BatchResultCode)
    assert_type(outcomes[0].http_status, int | None)
    return report.succeeded, report.failed


assert_type(read_report(None, "reports/job-1"), BackfillReport)
assert_type(run_local(both, None, report_uri="out"), BackfillReport)  # type: ignore[arg-type]
