"""Completion reports: what S3 Batch Operations (or the local engine) says of every task.

A job's report is a ``manifest.json`` at ``<report prefix>/job-<job id>/``
listing result files (``Results``: ``TaskExecutionStatus``, ``Bucket``,
``Key``, ``MD5Checksum``) under ``job-<job id>/results/``, each a CSV file
with one row per task (see :mod:`s3types.backfill._report_csv` for the
columns and their order). Files are read as streams, row by row.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from s3types.backfill._locations import Location, ReportError, parse_location
from s3types.backfill._report_csv import REPORT_FORMAT, parse_row

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types.batch import BatchResultCode

__all__ = ["BackfillReport", "ReportFile", "TaskOutcome", "read_report"]

MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True, slots=True)
class TaskOutcome:
    """What one task of a backfill ended as, from its completion report row.

    ``key`` is decoded (reports carry it URL-encoded, kept in ``raw_key``);
    ``version_id`` is None for "no version". ``result_code`` is
    ``Succeeded`` for a succeeded task; for a failed one it is the error
    code when that is a result code a function returns
    (``TemporaryFailure``, ``PermanentFailure``), else ``PermanentFailure``
    with S3's own error code (``InvalidRequest``, ...) in ``error_code``.
    ``http_status`` is the status S3 recorded (200 for a Lambda invocation
    that answered); ``result_string`` what the function returned or the
    error message.

    >>> from s3types.batch import BatchResultCode
    >>> TaskOutcome("photos", "a b.jpg", None, BatchResultCode.SUCCEEDED, "done").succeeded
    True
    """

    bucket_name: str
    key: str
    version_id: str | None
    result_code: BatchResultCode
    result_string: str | None = None
    error_code: str | None = None
    http_status: int | None = None
    raw_key: str = ""
    extra_columns: tuple[str, ...] = ()

    @property
    def succeeded(self) -> bool:
        """Whether the task succeeded."""
        return self.result_code.value == "Succeeded"


@dataclass(frozen=True, slots=True)
class ReportFile:
    """One result file a report's ``manifest.json`` lists: its status and where it is."""

    status: str
    location: Location
    md5_checksum: str | None


@dataclass(frozen=True)
class BackfillReport:
    """A job's completion report: its result files, read as streams.

    ``outcomes`` iterates one :class:`TaskOutcome` per task, reading the
    files again each time (``list(report.outcomes)`` keeps them);
    ``succeeded`` and ``failed`` count the tasks (one pass, on first use).
    ``location`` is the ``manifest.json``; ``job_id`` the job's id when the
    report sits in S3's ``job-<id>/`` folder.
    """

    location: str
    job_id: str | None
    created: str | None
    files: tuple[ReportFile, ...]
    _client: S3Client | None = field(default=None, repr=False, compare=False)
    _counts: list[int] = field(default_factory=list[int], repr=False, compare=False)

    @property
    def outcomes(self) -> Iterator[TaskOutcome]:
        """Every task's outcome, file by file, row by row."""
        for result_file in self.files:
            yield from _read_file(result_file, self._client)

    def failures(self) -> Iterator[TaskOutcome]:
        """The outcomes of the tasks that failed."""
        return (outcome for outcome in self.outcomes if not outcome.succeeded)

    @property
    def succeeded(self) -> int:
        """How many tasks succeeded."""
        return self._count()[0]

    @property
    def failed(self) -> int:
        """How many tasks failed."""
        return self._count()[1]

    def _count(self) -> list[int]:
        if not self._counts:
            counts = [0, 0]
            for outcome in self.outcomes:
                counts[0 if outcome.succeeded else 1] += 1
            self._counts.extend(counts)
        return self._counts


def read_report(s3_client: S3Client | None, report_uri_or_manifest: str) -> BackfillReport:
    """Read a completion report: its ``manifest.json``, or the ``job-<id>/`` folder holding it.

    ``report_uri_or_manifest`` is ``s3://bucket/prefix/job-<id>/manifest.json``
    (or the folder), or a local path to either (``s3_client`` may then be
    None). The manifest is read now; the result files when the outcomes
    are. A report downloaded from S3 to a folder reads as it is: its
    result files are looked for in the manifest's own ``results/`` folder.
    Anything unreadable is a :class:`ReportError` naming the file (and
    line) and what is wrong.

    >>> reports = "tests/events/batch-reports/aws-docs"
    >>> report = read_report(None, f"{reports}/job-f8fb9d89-a3aa-461d-bddc-ea6a1b131955")
    >>> report.job_id, report.succeeded, report.failed
    ('f8fb9d89-a3aa-461d-bddc-ea6a1b131955', 3, 6)
    """
    where = parse_location(report_uri_or_manifest)
    if where.name != MANIFEST_NAME:
        where = where.child(MANIFEST_NAME)
    try:
        text = "".join(where.lines(s3_client))
    except ReportError as err:
        if where.parent().name.startswith("job-"):
            raise
        raise ReportError(
            f"{err}; S3 writes a job's report under the report prefix as job-<job id>/:"
            " give that folder or its manifest.json"
        ) from None
    try:
        manifest: object = json.loads(text)
    except ValueError as err:
        raise ReportError(f"{where}: not JSON ({err})") from None
    if not isinstance(manifest, dict):
        raise ReportError(f"{where}: expected a JSON object, got {type(manifest).__name__}")
    wire = cast("dict[str, Any]", manifest)
    if wire.get("Format") != REPORT_FORMAT:
        raise ReportError(
            f"{where}: Format is {wire.get('Format')!r}, expected {REPORT_FORMAT!r} (an S3"
            " Batch Operations completion report)"
        )
    listed = wire.get("Results")
    if not isinstance(listed, list):
        raise ReportError(f"{where}: Results must be a list of result files")
    files = tuple(
        _result_file(entry, index, where)
        for index, entry in enumerate(cast("list[object]", listed))
    )
    folder = where.parent().name
    created = wire.get("ReportCreationDate")
    return BackfillReport(
        location=str(where),
        job_id=folder[4:] if folder.startswith("job-") else None,
        created=created if isinstance(created, str) else None,
        files=files,
        _client=s3_client,
    )


def _result_file(entry: object, index: int, manifest: Location) -> ReportFile:
    here = f"{manifest}: Results[{index}]"
    if not isinstance(entry, dict):
        raise ReportError(f"{here}: expected an object")
    wire = cast("dict[str, Any]", entry)
    status, bucket, key = wire.get("TaskExecutionStatus"), wire.get("Bucket"), wire.get("Key")
    if status not in ("succeeded", "failed"):
        raise ReportError(f"{here}: TaskExecutionStatus {status!r} is not succeeded or failed")
    if not isinstance(key, str) or not key:
        raise ReportError(f"{here}: Key must name the result file")
    md5 = wire.get("MD5Checksum")
    if manifest.bucket is None:
        # A local report (ours, or one downloaded from S3): the file sits in results/.
        location = manifest.parent().child("results").child(key.rpartition("/")[2])
    else:
        if not isinstance(bucket, str) or not bucket:
            raise ReportError(f"{here}: Bucket must name the bucket of the result file")
        location = Location(bucket, key)
    return ReportFile(cast("str", status), location, md5 if isinstance(md5, str) else None)


def _read_file(result_file: ReportFile, client: S3Client | None) -> Iterator[TaskOutcome]:
    line = 0
    for columns in csv.reader(result_file.location.lines(client)):
        line += 1
        if not columns:
            continue
        try:
            row = parse_row(columns)
        except ValueError as err:
            raise ReportError(f"{result_file.location}, row {line}: {err}") from None
        yield TaskOutcome(
            bucket_name=row.bucket_name,
            key=row.key,
            version_id=row.version_id,
            result_code=row.result_code,
            result_string=row.result_string,
            error_code=row.error_code,
            http_status=row.http_status,
            raw_key=row.raw_key,
            extra_columns=row.extra_columns,
        )
