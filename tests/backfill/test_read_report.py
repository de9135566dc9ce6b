"""Completion reports in S3's format (``Report_CSV_20180820``): AWS's samples, the column order.

AWS's published sample report (the S3 User Guide) reads as it is, and rows
quoted from real reports agree on the column order: HTTP status before
error code, unlike the documented ``ReportSchema``. Rows in either order
read the same.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from s3types.backfill import ReportError, read_report
from s3types.backfill._report_csv import parse_row, status_and_error_code
from s3types.batch import BatchResultCode

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

REPORTS = Path(__file__).resolve().parents[1] / "events" / "batch-reports"
AWS_JOB = REPORTS / "aws-docs" / "job-f8fb9d89-a3aa-461d-bddc-ea6a1b131955"


def test_the_user_guide_sample_report_reads_as_published() -> None:
    report = read_report(None, str(AWS_JOB / "manifest.json"))
    assert report.job_id == "f8fb9d89-a3aa-461d-bddc-ea6a1b131955"
    assert report.created == "2019-04-05T17:48:39.725Z"
    assert [f.status for f in report.files] == ["succeeded", "failed"]
    outcomes = list(report.outcomes)
    assert (report.succeeded, report.failed) == (3, 6)
    succeeded = [o for o in outcomes if o.succeeded]
    assert [o.key for o in succeeded] == ["image_17775", "image_17763", "image_17860"]
    assert {(o.http_status, o.error_code, o.version_id) for o in succeeded} == {(200, None, None)}
    assert succeeded[0].result_string is not None
    assert succeeded[0].result_string.startswith("{u'CopySourceVersionId': 'xVR78haVKlRnur")
    failed = outcomes[3]
    assert failed.bucket_name == "awsexamplebucket1"
    assert failed.key == "image_14975"
    assert failed.result_code is BatchResultCode.PERMANENT_FAILURE
    assert (failed.http_status, failed.error_code) == (200, "PermanentFailure")
    assert failed.result_string == (
        'Lambda returned function error: {"errorMessage":"2019-04-05T17:35:21.155Z'
        ' 2845ca0d-38d9-4c4b-abcf-379dc749c452 Task timed out after 3.00 seconds"}'
    )


def test_the_sample_manifest_documents_the_other_order() -> None:
    """The documented ReportSchema puts ErrorCode first: the rows under it do not."""
    manifest = json.loads((AWS_JOB / "manifest.json").read_text())
    schema = [name.strip() for name in manifest["ReportSchema"].split(",")]
    assert schema[4:6] == ["ErrorCode", "HTTPStatusCode"]
    failed = AWS_JOB / "results" / "b2ddad417e94331e9f37b44f1faf8c7ed5873f2e.csv"
    first = next(csv.reader(failed.open(encoding="utf-8")))
    assert first[4:6] == ["200", "PermanentFailure"]


@pytest.mark.parametrize(
    ("name", "status", "code"),
    [
        ("aws-docs-troubleshooting-failed.txt", 400, "InvalidRequest"),
        ("scribd-blog-copy-failed.txt", 400, "InvalidRequest"),
        ("linz-restore-succeeded.csv", 200, None),
    ],
)
def test_rows_quoted_from_real_reports_put_the_status_first(
    name: str, status: int, code: str | None
) -> None:
    columns = next(csv.reader((REPORTS / "quoted-rows" / name).open(encoding="utf-8")))
    at = columns.index("failed" if code else "succeeded")
    assert columns[at + 1] == str(status)
    assert status_and_error_code(columns[at + 1], columns[at + 2]) == (status, code)
    if name == "scribd-blog-copy-failed.txt":  # the message names both, in its own words
        assert f"Status Code: {status}; Error Code: {code}" in columns[at + 3]


def test_a_complete_real_row_reads_with_its_version_and_encoded_key() -> None:
    columns = next(
        csv.reader((REPORTS / "quoted-rows" / "linz-restore-succeeded.csv").open(encoding="utf-8"))
    )
    row = parse_row(columns)
    assert row.bucket_name == "linz-topographic-archive"
    assert row.key == "pfouquet/sub/directory/AS21.tiff.zst"
    assert row.version_id == "886twyul.uJ3wIF3zzQG8196hf_SOCCW"
    assert (row.result_code, row.http_status, row.result_string) == (
        BatchResultCode.SUCCEEDED,
        200,
        "Successful",
    )


@pytest.mark.parametrize(
    "columns",
    [
        ["b", "a+b%2Bc%C3%A4.jpg", "v1", "failed", "503", "TemporaryFailure", "slow"],
        ["b", "a+b%2Bc%C3%A4.jpg", "v1", "failed", "TemporaryFailure", "503", "slow"],
    ],
    ids=["as-s3-writes", "as-documented"],
)
def test_a_row_reads_the_same_in_either_order(columns: list[str]) -> None:
    row = parse_row(columns)
    assert (row.key, row.raw_key, row.version_id) == ("a b+cä.jpg", "a+b%2Bc%C3%A4.jpg", "v1")
    assert (row.http_status, row.error_code, row.result_code) == (
        503,
        "TemporaryFailure",
        BatchResultCode.TEMPORARY_FAILURE,
    )


@pytest.mark.parametrize(
    ("fifth", "sixth", "expected"),
    [
        ("200", "", (200, None)),
        ("", "200", (200, None)),
        ("", "", (None, None)),
        ("", "AccessDenied", (None, "AccessDenied")),
        ("403", "AccessDenied", (403, "AccessDenied")),
        ("AccessDenied", "403", (403, "AccessDenied")),
    ],
)
def test_status_and_error_code_by_value(
    fifth: str, sixth: str, expected: tuple[int | None, str | None]
) -> None:
    assert status_and_error_code(fifth, sixth) == expected


@pytest.mark.parametrize(("fifth", "sixth"), [("200", "404"), ("Denied", "Throttled")])
def test_two_statuses_or_no_status_is_an_error(fifth: str, sixth: str) -> None:
    with pytest.raises(ValueError, match="columns 5 and 6"):
        status_and_error_code(fifth, sixth)


def test_a_failed_task_with_an_s3_error_code_is_a_permanent_failure() -> None:
    row = parse_row(["b", "k", "", "failed", "400", "InvalidRequest", "missing VersionId"])
    assert row.result_code is BatchResultCode.PERMANENT_FAILURE
    assert row.error_code == "InvalidRequest"


def _report(tmp_path: Path, manifest: object, rows: str = "") -> Path:
    job = tmp_path / "job-x"
    (job / "results").mkdir(parents=True)
    (job / "manifest.json").write_text(json.dumps(manifest))
    (job / "results" / "r.csv").write_text(rows)
    return job


GOOD = {
    "Format": "Report_CSV_20180820",
    "Results": [{"TaskExecutionStatus": "failed", "Bucket": "b", "Key": "job-x/results/r.csv"}],
}


@pytest.mark.parametrize(
    ("manifest", "rows", "message"),
    [
        ({"Format": "Other"}, "", r"Format is 'Other', expected 'Report_CSV_20180820'"),
        ({**GOOD, "Results": {}}, "", "Results must be a list"),
        (
            {**GOOD, "Results": [{"TaskExecutionStatus": "done", "Key": "k"}]},
            "",
            r"Results\[0\]: TaskExecutionStatus 'done'",
        ),
        (GOOD, "b,k,,failed,200\n", r"r\.csv, row 1: 5 columns, expected 7"),
        (GOOD, "b,k,,done,200,,m\n", r"row 1: task status 'done'"),
        (GOOD, "b,%C3%28,,failed,200,,m\n", r"row 1: the key's escapes are not UTF-8"),
    ],
)
def test_a_bad_report_names_the_file_row_and_problem(
    tmp_path: Path, manifest: object, rows: str, message: str
) -> None:
    job = _report(tmp_path, manifest, rows)
    with pytest.raises(ReportError, match=message):
        list(read_report(None, str(job)).outcomes)


def test_a_missing_report_is_a_report_error(s3: S3Client, new_bucket: str, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match=r"no such object$"):
        read_report(s3, f"s3://{new_bucket}/reports/job-1")
    with pytest.raises(ReportError, match=r"no such object; .* as job-<job id>/: give that folder"):
        read_report(s3, f"s3://{new_bucket}/reports")
    with pytest.raises(ReportError, match="cannot read it"):
        read_report(None, str(tmp_path / "job-1"))
    with pytest.raises(ReportError, match="pass an S3 client"):
        read_report(None, f"s3://{new_bucket}/job-1/manifest.json")
