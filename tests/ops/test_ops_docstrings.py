"""The examples in the typed operations' docstrings run as written, on the local server."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

import pytest

from s3types import S3EventRecord, parse_event
from s3types.testing import make_event
from tests.doctests import run_docstring_examples

if TYPE_CHECKING:
    from pathlib import Path

    from s3types.testing._server import LocalS3Server

PURE = [
    "s3types.ops._body",
    "s3types.ops._checksums",
    "s3types.ops._choices",
    "s3types.ops._errors",
    "s3types.ops._metadata",
    "s3types.ops._names",
    "s3types.ops._parts",
    "s3types.ops._results",
    "s3types.ops._tags",
]
WITH_A_CLIENT = [
    "s3types.ops._presign",
    "s3types.ops._read",
    "s3types.ops._stream",
    "s3types.ops._write",
    "s3types.ops._writer",
]


@pytest.mark.parametrize("name", PURE)
def test_pure_examples(name: str) -> None:
    run_docstring_examples(name)


@pytest.mark.parametrize("name", WITH_A_CLIENT)
def test_examples_with_a_client(
    name: str, s3_server: LocalS3Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The names the examples use. No other test uses these buckets (they use
    # random names), and the objects are written again before every run.
    client = s3_server.s3_client()
    for bucket in ("my-bucket", "archive"):
        if bucket not in {b.get("Name") for b in client.list_buckets()["Buckets"]}:
            client.create_bucket(Bucket=bucket)
    for key in list(client.list_objects_v2(Bucket="my-bucket").get("Contents", ())):
        client.delete_object(Bucket="my-bucket", Key=key.get("Key", ""))
    client.put_object(
        Bucket="my-bucket", Key="notes/today.txt", Body=b"hello", Metadata={"author": "ada"}
    )
    client.put_object(Bucket="my-bucket", Key="photos/red flower.jpg", Body=bytes(1024))
    client.put_object(Bucket="my-bucket", Key="greetings/hello.txt", Body=b"hello")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as photos:
        photos.writestr("red flower.jpg", b"\xff\xd8 a jpeg")
    client.put_object(Bucket="my-bucket", Key="archives/photos.zip", Body=archive.getvalue())
    event = make_event(bucket="my-bucket", key="greetings/hello.txt")
    record: S3EventRecord = parse_event(event).records[0]
    (tmp_path / "report.csv").write_bytes(b"a,b\n1,2\n")
    monkeypatch.chdir(tmp_path)
    run_docstring_examples(name, client=client, record=record)


def test_the_client_example(s3_server: LocalS3Server, monkeypatch: pytest.MonkeyPatch) -> None:
    # s3_client reads credentials from the usual chain, as it would on Lambda.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = s3_server.s3_client()
    if "my-bucket" not in {b.get("Name") for b in client.list_buckets()["Buckets"]}:
        client.create_bucket(Bucket="my-bucket")
    for key in list(
        client.list_objects_v2(Bucket="my-bucket", Prefix="notes/").get("Contents", ())
    ):
        client.delete_object(Bucket="my-bucket", Key=key.get("Key", ""))
    client.put_object(Bucket="my-bucket", Key="notes/today.txt", Body=b"hello")
    run_docstring_examples("s3types.ops._client", endpoint=s3_server.endpoint_url)
