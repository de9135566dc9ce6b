"""examples/operations_large.py works on the local S3 server."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
import urllib.request
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from s3types import parse_event
from s3types.ops import ObjectTooLargeError
from s3types.testing import make_event

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from mypy_boto3_s3 import S3Client

EXAMPLE = Path(__file__).parents[2] / "examples" / "operations_large.py"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("s3types_example_operations_large", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)  # no side effects at import
    return module


def test_index_archive(
    example: ModuleType, s3: S3Client, bucket: str, bucket_name: Callable[[], str]
) -> None:
    cold = bucket_name()
    s3.create_bucket(Bucket=cold)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as writer:
        writer.writestr("photos/red flower.jpg", b"\xff\xd8 a jpeg")
        writer.writestr("notes.txt", "hello")
    body = archive.getvalue()
    s3.put_object(Bucket=bucket, Key="batch 1.zip", Body=body, Metadata={"batch": "1"})
    record = parse_event(make_event(bucket=bucket, key="batch 1.zip", size=len(body))).records[0]
    done = example.index_archive(s3, record, cold)
    assert done.members == ("photos/red flower.jpg", "notes.txt")
    index = json.loads(s3.get_object(Bucket=bucket, Key=done.index_key)["Body"].read())
    assert index == {"archive": "batch 1.zip", "members": ["photos/red flower.jpg", "notes.txt"]}
    assert s3.head_object(Bucket=cold, Key="batch 1.zip")["Metadata"] == {"batch": "1"}
    with urllib.request.urlopen(done.download.url, timeout=30) as answer:
        assert answer.read() == body


def test_read_manifest_refuses_a_large_one_before_reading(
    example: ModuleType, s3: S3Client, bucket: str
) -> None:
    s3.put_object(Bucket=bucket, Key="manifest.json", Body=b'{"objects": 3}')
    small = parse_event(make_event(bucket=bucket, key="manifest.json", size=14)).records[0]
    assert example.read_manifest(s3, small) == {"objects": 3}
    large = parse_event(make_event(bucket=bucket, key="manifest.json", size=2**30)).records[0]
    with pytest.raises(ObjectTooLargeError, match="open_object"):
        example.read_manifest(s3, large)


def test_upload_form(example: ModuleType, s3: S3Client, bucket: str) -> None:
    upload = example.upload_form(s3, bucket, "ada")
    assert dict(upload.headers) == {
        "Content-Type": "application/pdf",
        "x-amz-meta-uploaded-by": "ada",
        "x-amz-server-side-encryption": "AES256",
    }
    request = urllib.request.Request(
        upload.url, data=b"%PDF", headers=dict(upload.headers), method="PUT"
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200
    assert s3.head_object(Bucket=bucket, Key="incoming/ada/scan.pdf")["ContentType"] == (
        "application/pdf"
    )
