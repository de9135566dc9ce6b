"""Write a completion report as S3 Batch Operations does, one row at a time.

Rows go to one temporary file per task status as they come (memory stays
flat however many tasks there are); :meth:`ReportWriter.finish` copies each
file to ``<report location>/job-<id>/results/<sha1>.csv`` and then writes
the ``manifest.json`` that lists them, with their MD5 checksums.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import IO, TYPE_CHECKING

from s3types.backfill._report_csv import REPORT_FORMAT, REPORT_SCHEMA, format_row, row_writer

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

    from s3types.backfill._locations import Location
    from s3types.batch import BatchResultCode

__all__ = ["ReportWriter"]

_STATUSES = ("succeeded", "failed")


class ReportWriter:
    """Collect task rows in temporary files; :meth:`finish` writes the report and its manifest.

    ``failed_only`` keeps only failed tasks (S3's ``FailedTasksOnly`` scope).
    Not thread-safe: call :meth:`add` from one thread.
    """

    def __init__(
        self,
        client: S3Client | None,
        root: Location,
        job_id: str,
        *,
        failed_only: bool = False,
    ) -> None:
        self._client = client
        self.folder = root.child(f"job-{job_id}")
        self._job_id = job_id
        self._failed_only = failed_only
        self._files: dict[str, IO[bytes]] = {}
        self._text: dict[str, io.TextIOWrapper] = {}
        self._write_row: dict[str, Callable[[Iterable[str]], object]] = {}

    def add(
        self,
        bucket: str,
        key: str,
        version_id: str | None,
        code: BatchResultCode,
        result_string: str | None,
    ) -> None:
        """Record one task's row."""
        row = format_row(bucket, key, version_id, code, result_string)
        status = row[3]
        if self._failed_only and status == "succeeded":
            return
        write_row = self._write_row.get(status)
        if write_row is None:
            raw = tempfile.TemporaryFile()  # noqa: SIM115 - closed by finish()
            text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            self._files[status], self._text[status] = raw, text
            write_row = row_writer(text)
            self._write_row[status] = write_row
        write_row(row)

    def finish(self) -> Location:
        """Write the result files and ``manifest.json``; returns where the manifest is."""
        results: list[dict[str, str]] = []
        try:
            for status in _STATUSES:
                text = self._text.get(status)
                if text is None:
                    continue
                text.flush()
                raw = self._files[status]
                name = hashlib.sha1(f"{self._job_id}/{status}".encode()).hexdigest()
                target = self.folder.child("results").child(f"{name}.csv")
                raw.seek(0)
                md5 = hashlib.md5()  # S3 lists each result file's MD5
                while chunk := raw.read(1 << 16):
                    md5.update(chunk)
                raw.seek(0)
                target.write(self._client, raw)
                entry = {"TaskExecutionStatus": status, "MD5Checksum": md5.hexdigest()}
                if target.bucket is not None:
                    entry["Bucket"] = target.bucket
                entry["Key"] = target.path if target.bucket is not None else target.name
                results.append(entry)
        finally:
            for text in self._text.values():
                text.close()
        manifest = {
            "Format": REPORT_FORMAT,
            "ReportCreationDate": _now(),
            "Results": results,
            "ReportSchema": REPORT_SCHEMA,
        }
        location = self.folder.child("manifest.json")
        location.write(self._client, io.BytesIO(json.dumps(manifest, indent=4).encode()))
        return location


def _now() -> str:
    moment = datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
