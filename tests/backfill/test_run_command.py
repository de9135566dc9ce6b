"""``s3types backfill run --local MODULE:HANDLER`` on moto's server: report, failures, errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from s3types._cli import main
from s3types.backfill import read_report

if TYPE_CHECKING:
    from pathlib import Path

    from mypy_boto3_s3 import S3Client

    from s3types.testing._server import LocalS3Server

HANDLER = """
from s3types.batch import BatchTask
from s3types_lambda import LambdaContext, RecordOrTask, s3_record_handler


@s3_record_handler(bucket="{bucket}", prefix="in/", backfill=True)
def handler(item: RecordOrTask, context: LambdaContext) -> str:
    assert isinstance(item, BatchTask)
    if "bad" in item.key:
        raise ValueError("refused " + item.key)
    return "label=" + item.user_arguments.get("label", "none")
"""


@pytest.fixture(autouse=True)
def _credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in (
        ("AWS_ACCESS_KEY_ID", "testing"),
        ("AWS_SECRET_ACCESS_KEY", "testing"),
        ("AWS_DEFAULT_REGION", "us-east-1"),
    ):
        monkeypatch.setenv(name, value)


def test_run_local_prints_the_counts_and_writes_the_report(
    s3: S3Client,
    new_bucket: str,
    s3_server: LocalS3Server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for key in ("in/a b.txt", "in/bad 1.txt", "out/c.txt"):
        s3.put_object(Bucket=new_bucket, Key=key, Body=b".")
    module = tmp_path / "labels.py"
    module.write_text(HANDLER.format(bucket=new_bucket))
    report_uri = f"s3://{new_bucket}/reports"
    argv = ["backfill", "run", "--local", f"{module}:handler", "--report", report_uri]
    server = ["--endpoint-url", s3_server.endpoint_url, "--job-id", "cli"]
    code = main([*argv, *server, "--user-argument", "label=v2", "--concurrency", "2"])
    out = capsys.readouterr().out
    assert code == 1
    assert "ran 2 tasks locally: 1 succeeded, 1 failed" in out
    assert f"report: {report_uri}/job-cli/manifest.json" in out
    assert (
        f"PermanentFailure s3://{new_bucket}/in/bad 1.txt: ValueError: refused in/bad 1.txt" in out
    )
    report = read_report(s3, f"{report_uri}/job-cli")
    assert {(o.key, o.result_string) for o in report.outcomes} == {
        ("in/a b.txt", "label=v2"),
        ("in/bad 1.txt", "ValueError: refused in/bad 1.txt"),
    }


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--user-argument", "label"], "--user-argument 'label': write KEY=VALUE"),
        (["--prefix", "in/"], "--prefix and --suffix go with --bucket"),
        (["--concurrency", "0"], "concurrency must be a positive int"),
    ],
)
def test_an_expected_failure_is_one_line(
    tmp_path: Path,
    s3_server: LocalS3Server,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    module = tmp_path / "labels.py"
    module.write_text(HANDLER.format(bucket="some-bucket"))
    argv = ["backfill", "run", "--local", f"{module}:handler"]
    code = main([*argv, "--endpoint-url", s3_server.endpoint_url, *extra])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("s3types backfill run: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_a_handler_that_cannot_be_loaded_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["backfill", "run", "--local", f"{tmp_path}/missing.py:handler"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("s3types backfill run: ")
    assert len(err.strip().splitlines()) == 1
