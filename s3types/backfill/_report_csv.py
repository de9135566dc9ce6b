"""One row of an S3 Batch Operations completion report (``Report_CSV_20180820``), read and written.

The column order. The S3 User Guide ("Examples: S3 Batch Operations
completion reports", and the ``ReportSchema`` S3 writes in
``manifest.json``) lists the columns as ``Bucket, Key, VersionId,
TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage``. The rows S3
writes put the HTTP status *before* the error code:

- the same User Guide page's own sample rows:
  ``awsexamplebucket1,image_14975,,failed,200,PermanentFailure,"Lambda returned ..."``
  (awsdocs/amazon-s3-userguide, ``doc_source/batch-ops-examples-reports.md``);
- the User Guide's troubleshooting page quoting a failed task:
  ``BUCKET_NAME,prefix/file_name,failed,400,InvalidRequest,Task failed due to missing VersionId``
  (``doc_source/troubleshooting-batch-operations.md``);
- a real copy job's report row quoted by Scribd's engineering blog, where
  the message itself says which is which:
  ``...,failed,400,InvalidRequest,The specified copy source is larger than ...
  (Service: Amazon S3; Status Code: 400; Error Code: InvalidRequest; ...)``
  (scribd/scribd.github.io, ``_posts/2021-05-04-backing-up-data-warehouse.md``);
- a real restore job's row in LINZ's workflow docs:
  ``linz-topographic-archive,...,succeeded,200,,Successful``
  (linz/topo-workflows, ``workflows/storage/README.md``).

So the fifth column is the HTTP status and the sixth the error code, and
that is the order written here. Reading does not trust either: an HTTP
status is three digits and no error code is, so each row is read by its
values (:func:`status_and_error_code`), and a report in the documented
order reads the same.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import IO, NamedTuple
from urllib.parse import quote_plus

from s3types._values import decode_key, version_id_or_none
from s3types.batch import BatchResultCode

__all__ = [
    "REPORT_FORMAT",
    "REPORT_SCHEMA",
    "ReportRow",
    "format_row",
    "parse_row",
    "row_writer",
    "status_and_error_code",
]

#: ``Format`` in a completion report's ``manifest.json``.
REPORT_FORMAT = "Report_CSV_20180820"
#: ``ReportSchema`` as S3 writes it (the documented order; rows put the status first).
REPORT_SCHEMA = "Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode, ResultMessage"
_COLUMNS = 7
_RESULT_CODES = {code.value: code for code in BatchResultCode}


class ReportRow(NamedTuple):
    """The fields of one report row, decoded (the key) and typed (the status)."""

    bucket_name: str
    key: str
    raw_key: str
    version_id: str | None
    succeeded: bool
    http_status: int | None
    error_code: str | None
    result_string: str | None
    extra_columns: tuple[str, ...]

    @property
    def result_code(self) -> BatchResultCode:
        """``Succeeded``, else the error code if it is a result code, else ``PermanentFailure``."""
        if self.succeeded:
            return BatchResultCode.SUCCEEDED
        found = _RESULT_CODES.get(self.error_code or "")
        return (
            found
            if found is not None and found is not BatchResultCode.SUCCEEDED
            else BatchResultCode.PERMANENT_FAILURE
        )


def _is_status(value: str) -> bool:
    return len(value) == 3 and value.isascii() and value.isdigit()


def status_and_error_code(fifth: str, sixth: str) -> tuple[int | None, str | None]:
    """The HTTP status and error code of a row's fifth and sixth columns, in either order.

    A three-digit value is the status; the other, when not empty, the error
    code. Raises ValueError when neither reading fits (two statuses, or two
    values that are not).

    >>> status_and_error_code("400", "InvalidRequest")  # what S3 writes
    (400, 'InvalidRequest')
    >>> status_and_error_code("InvalidRequest", "400")  # the documented order
    (400, 'InvalidRequest')
    >>> status_and_error_code("200", "")
    (200, None)
    """
    if _is_status(fifth) and not _is_status(sixth):
        return int(fifth), sixth or None
    if _is_status(sixth) and not _is_status(fifth):
        return int(sixth), fifth or None
    if not fifth or not sixth:
        return None, (fifth or sixth) or None
    raise ValueError(
        f"columns 5 and 6 are {fifth!r} and {sixth!r}: expected an HTTP status (three"
        " digits) and an error code"
    )


def parse_row(columns: list[str]) -> ReportRow:
    """Read one CSV row of a completion report (raises ValueError saying what is wrong).

    >>> row = parse_row(["photos", "red+flower%2B1.jpg", "", "failed", "500",
    ...     "TemporaryFailure", "busy"])
    >>> row.key, row.version_id, row.result_code.value, row.http_status
    ('red flower+1.jpg', None, 'TemporaryFailure', 500)
    """
    if len(columns) < _COLUMNS:
        raise ValueError(
            f"{len(columns)} columns, expected {_COLUMNS} ({REPORT_SCHEMA}); is this a"
            f" completion report in format {REPORT_FORMAT}?"
        )
    bucket, raw_key, version, status, fifth, sixth, message = columns[:_COLUMNS]
    if not bucket:
        raise ValueError("the bucket column is empty")
    if status not in ("succeeded", "failed"):
        raise ValueError(f"task status {status!r} is neither 'succeeded' nor 'failed'")
    http_status, error_code = status_and_error_code(fifth, sixth)
    return ReportRow(
        bucket_name=bucket,
        key=decode_key(raw_key),
        raw_key=raw_key,
        version_id=version_id_or_none(version),
        succeeded=status == "succeeded",
        http_status=http_status,
        error_code=error_code,
        result_string=message or None,
        extra_columns=tuple(columns[_COLUMNS:]),
    )


def row_writer(file: IO[str]) -> Callable[[Iterable[str]], object]:
    """Write report rows to ``file``: RFC 4180 CSV, ``\r\n`` after each row.

    With ``\r\n`` as the row end, the csv module quotes a field holding
    either character (with ``\n`` alone it would leave a ``\r`` bare, and
    the row would not read back).
    """
    return csv.writer(file, lineterminator="\r\n").writerow


def format_row(
    bucket: str,
    key: str,
    version_id: str | None,
    code: BatchResultCode,
    result_string: str | None,
    *,
    http_status: int = 200,
) -> list[str]:
    """The CSV columns S3 writes for a Lambda task (key URL-encoded, status before error code).

    A Lambda task's HTTP status is the invocation's: 200 when the function
    answered, whatever it answered (S3's own sample reports ``failed,200,
    PermanentFailure`` for a function error).

    >>> format_row("photos", "red flower.jpg", None, BatchResultCode.PERMANENT_FAILURE, "no")
    ['photos', 'red+flower.jpg', '', 'failed', '200', 'PermanentFailure', 'no']
    """
    succeeded = code is BatchResultCode.SUCCEEDED
    return [
        bucket,
        quote_plus(key, safe="/"),
        version_id or "",
        "succeeded" if succeeded else "failed",
        str(http_status),
        "" if succeeded else code.value,
        result_string or "",
    ]
