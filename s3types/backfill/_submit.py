"""Submit a planned job and follow it: ``CreateJob``, then ``DescribeJob``'s progress.

S3 Batch Operations runs the job; these are the two calls around it.
AWS's own errors (``botocore.exceptions.ClientError``: no permission to
pass the role, a manifest that changed) reach the caller as they are.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from s3types.backfill._backfill_plan import BackfillPlan

if TYPE_CHECKING:
    from mypy_boto3_s3control import S3ControlClient
    from mypy_boto3_s3control.literals import JobStatusType
    from mypy_boto3_s3control.type_defs import (
        CreateJobRequestTypeDef,
        JobDescriptorTypeDef,
        JobListDescriptorTypeDef,
        ListJobsRequestTypeDef,
    )

__all__ = [
    "OPEN_STATUSES",
    "TERMINAL_STATUSES",
    "JobProgress",
    "job_progress",
    "list_backfill_jobs",
    "submit_backfill",
    "watch_job",
]

#: The statuses a job never leaves (DescribeJob's ``Status``).
TERMINAL_STATUSES = frozenset({"Complete", "Failed", "Cancelled"})
#: The statuses of a job not over yet (ListJobs' ``JobStatuses``).
OPEN_STATUSES: tuple[JobStatusType, ...] = (
    "New",
    "Preparing",
    "Suspended",
    "Ready",
    "Active",
    "Pausing",
    "Paused",
    "Completing",
    "Failing",
    "Cancelling",
)


def submit_backfill(
    s3control_client: S3ControlClient, plan: BackfillPlan | CreateJobRequestTypeDef
) -> str:
    """Create the plan's job (``s3control.create_job``); returns its job id.

    The request carries the plan's ``ClientRequestToken``, so sending the
    same plan again (a retry after a timeout) does not start a second job.
    ``plan`` may also be the request itself (a plan saved as JSON).
    """
    request = plan.create_job_request if isinstance(plan, BackfillPlan) else plan
    response = s3control_client.create_job(**request)
    return response["JobId"]


@dataclass(frozen=True)
class JobProgress:
    """A job's status and task counts, from ``DescribeJob``.

    ``total`` is None until S3 has read the manifest. ``str()`` is one
    line with a text progress bar.

    >>> print(JobProgress("job-1", "Active", total=200, succeeded=90, failed=10))
    job-1 Active [###############---------------] 100/200 tasks: 90 succeeded, 10 failed
    """

    job_id: str
    status: str
    total: int | None = None
    succeeded: int = 0
    failed: int = 0
    reason: str | None = None
    description: str | None = None

    @property
    def done(self) -> int:
        """Tasks finished, either way."""
        return self.succeeded + self.failed

    @property
    def terminal(self) -> bool:
        """Whether the job is over (Complete, Failed or Cancelled)."""
        return self.status in TERMINAL_STATUSES

    def bar(self, width: int = 30) -> str:
        """``[#####-----]``: the share of tasks done (all dashes while the total is unknown)."""
        filled = 0 if not self.total else min(width, width * self.done // self.total)
        return "[" + "#" * filled + "-" * (width - filled) + "]"

    def __str__(self) -> str:
        counts = f"{self.done}/{self.total if self.total is not None else '?'} tasks"
        line = (
            f"{self.job_id} {self.status} {self.bar()} {counts}:"
            f" {self.succeeded} succeeded, {self.failed} failed"
        )
        if self.status == "Suspended":
            line += (
                " (waiting for confirmation: `aws s3control update-job-status"
                " --requested-job-status Ready`, or the S3 console)"
            )
        if self.reason:
            line += f" ({self.reason})"
        if self.description:
            line += f" - {self.description}"
        return line


def _why(job: JobDescriptorTypeDef) -> str | None:
    """Why a job failed or was cancelled: its failure reasons, else its status update."""
    failures = [
        f"{f.get('FailureCode', '')}: {f.get('FailureReason', '')}".strip(": ")
        for f in job.get("FailureReasons", [])
    ]
    return "; ".join(r for r in failures if r) or job.get("StatusUpdateReason") or None


def _progress(
    job: JobDescriptorTypeDef | JobListDescriptorTypeDef, job_id: str, why: str | None = None
) -> JobProgress:
    summary = job.get("ProgressSummary", {})
    status = job.get("Status", "unknown")
    return JobProgress(
        job_id=job.get("JobId", job_id),
        status=status,
        total=summary.get("TotalNumberOfTasks"),
        succeeded=summary.get("NumberOfTasksSucceeded", 0),
        failed=summary.get("NumberOfTasksFailed", 0),
        reason=why if status in ("Failed", "Cancelled") else None,
        description=job.get("Description"),
    )


def job_progress(s3control_client: S3ControlClient, account_id: str, job_id: str) -> JobProgress:
    """One look at a job: ``DescribeJob``'s status and ``ProgressSummary``."""
    response = s3control_client.describe_job(AccountId=account_id, JobId=job_id)
    return _progress(response["Job"], job_id, _why(response["Job"]))


def watch_job(
    s3control_client: S3ControlClient,
    account_id: str,
    job_id: str,
    *,
    interval: float = 10.0,
    on_progress: Callable[[JobProgress], object] = lambda progress: None,
    sleep: Callable[[float], object] = time.sleep,
) -> JobProgress:
    """Poll the job every ``interval`` seconds until it is over; returns its last progress.

    ``on_progress`` sees each look (the CLI prints it).
    """
    if interval <= 0:
        raise ValueError(f"watch_job: interval must be more than 0 seconds, got {interval}")
    while True:
        progress = job_progress(s3control_client, account_id, job_id)
        on_progress(progress)
        if progress.terminal:
            return progress
        sleep(interval)


def list_backfill_jobs(
    s3control_client: S3ControlClient,
    account_id: str,
    *,
    statuses: tuple[JobStatusType, ...] = OPEN_STATUSES,
) -> list[JobProgress]:
    """The account's Lambda-invoking jobs in ``statuses`` (default: not over yet), via ``ListJobs``.

    Every page is read (``NextToken``); jobs of other operations (copies,
    tagging) are left out.
    """
    found: list[JobProgress] = []
    request: ListJobsRequestTypeDef = {"AccountId": account_id, "JobStatuses": list(statuses)}
    while True:
        response = s3control_client.list_jobs(**request)
        found += [
            _progress(job, job.get("JobId", "?"))
            for job in response.get("Jobs", [])
            if job.get("Operation") == "LambdaInvoke"
        ]
        token = response.get("NextToken")
        if not token:
            return found
        request["NextToken"] = token
